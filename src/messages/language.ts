// The languages Baoku speaks to the people who run it, and which one a run uses: Simplified Chinese unless the paper or the run says otherwise.

/** Every language a message exists in; the catalogue has a text for each. */
export const LANGUAGES = ["zh-CN", "en"] as const;

export type Language = (typeof LANGUAGES)[number];

/** The newsroom's own language, used when neither the paper's configuration nor the environment chooses another. */
export const DEFAULT_LANGUAGE: Language = "zh-CN";

/** The environment variable that chooses the language for one run, over `language` in baoku.config.json: `BAOKU_LANG=en npm run check`. */
export const LANGUAGE_VARIABLE = "BAOKU_LANG";

/** A text in every language, made from the facts of the case. */
export type Texts<Facts> = { readonly [L in Language]: (facts: Facts) => string };

/** A text in every language that needs no facts. */
export type Words = { readonly [L in Language]: string };

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** The language a setting names: `zh-CN` itself, or a spelling of it an environment may hold (zh, zh_CN.UTF-8, en-GB); undefined for any other. */
export function languageNamed(value: string | undefined): Language | undefined {
  const tag = value?.trim().split(".")[0]?.replace("_", "-").toLowerCase();
  if (!tag) return undefined;
  if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
  if (tag === "en" || tag.startsWith("en-")) return "en";
  return undefined;
}

/** The language of this run: `BAOKU_LANG` when it names one, else the paper's `language`, else Chinese. */
export function runLanguage(configured: unknown, environment: NodeJS.ProcessEnv = process.env): Language {
  return languageNamed(environment[LANGUAGE_VARIABLE]) ?? (isLanguage(configured) ? configured : DEFAULT_LANGUAGE);
}
