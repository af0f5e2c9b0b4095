// 按日期查找 on the home and archive pages: opens the issue of the date a reader picks, or the nearest issue to it when that day has none,
// from the year lists the archive publishes as open data (a static site has no server to ask). Only the years around the date are read.

/** @typedef {{ date: string, url: string }} ListedIssue */

const form = document.querySelector("form[data-date-jump]");
if (form instanceof HTMLFormElement) wire(form);

/** @param {HTMLFormElement} form */
function wire(form) {
  const input = form.querySelector("input[type=date]");
  const status = form.querySelector("[data-date-jump-status]");
  if (!(input instanceof HTMLInputElement) || !status) return;
  /** The year lists by year, oldest first, from `data-year-files` ("2021:/api/v1/years/2021.json 2022:…"). */
  const files = new Map((form.dataset.yearFiles ?? "").trim().split(/\s+/).filter(Boolean).map((entry) => {
    const at = entry.indexOf(":");
    return /** @type {[string, string]} */ ([entry.slice(0, at), entry.slice(at + 1)]);
  }).sort(([a], [b]) => (a < b ? -1 : 1)));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const date = input.value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      status.textContent = "请选择一个日期。";
      return;
    }
    status.textContent = "正在查找……";
    try {
      const issue = await nearestIssue(files, date);
      if (!issue) {
        status.textContent = "还没有任何一期报纸。";
        return;
      }
      status.textContent = issue.date === date ? "正在打开这一期。" : `${dayText(date)}没有报纸，正在打开最近的一期：${dayText(issue.date)}。`;
      location.assign(new URL(issue.url, location.href).pathname);
    } catch {
      status.textContent = "暂时无法读取各期目录，请稍后再试，或在往期回顾中按年份查找。";
    }
  });
}

/**
 * The issue nearest `date` (the earlier of two as near): from its year's list, and from the years before and after it when the date lies
 * outside the issues of its year, or its year has none.
 * @param {Map<string, string>} files @param {string} date @returns {Promise<ListedIssue | undefined>}
 */
async function nearestIssue(files, date) {
  const years = [...files.keys()];
  const year = date.slice(0, 4);
  const before = years.filter((each) => each < year).at(-1);
  const after = years.find((each) => each > year);
  /** @type {ListedIssue[]} */
  const issues = files.has(year) ? await issuesOf(files.get(year) ?? "") : [];
  const first = issues[0]?.date;
  const last = issues.at(-1)?.date;
  if (before && (!first || date < first)) issues.unshift(...(await issuesOf(files.get(before) ?? "")));
  if (after && (!last || date > last)) issues.push(...(await issuesOf(files.get(after) ?? "")));
  const target = Date.parse(date);
  let best;
  for (const issue of issues) {
    if (!best || Math.abs(Date.parse(issue.date) - target) < Math.abs(Date.parse(best.date) - target)) best = issue;
  }
  return best;
}

/** A year's issues, oldest first. @param {string} url @returns {Promise<ListedIssue[]>} */
async function issuesOf(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const list = /** @type {{ issues: ListedIssue[] }} */ (await response.json());
  return list.issues.map((issue) => ({ date: issue.date, url: issue.url })).sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** 2022-11-01 → 2022年11月1日. @param {string} date */
function dayText(date) {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
