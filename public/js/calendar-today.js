// Marks today on a year's calendars by the reader's own clock: a static page cannot know when it is read, and a build that wrote "today"
// would write different pages on different days.
const now = new Date();
const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
const cell = document.querySelector(`td[data-date="${today}"]`);

if (cell) {
  cell.classList.add("is-today");
  (cell.querySelector("a") ?? cell).setAttribute("aria-current", "date");
  document.querySelector("[data-legend-today]")?.removeAttribute("hidden");
}
