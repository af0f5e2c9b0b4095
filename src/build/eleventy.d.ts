// Eleventy 3 ships no types; this declares the part of its programmatic API the build uses.
declare module "@11ty/eleventy" {
  interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    pathPrefix?: string;
    config?: (eleventyConfig: {
      addGlobalData(name: string, value: unknown): void;
      amendLibrary(
        engine: "njk",
        amend: (nunjucks: {
          addFilter(name: string, filter: (value: never) => unknown): void;
          getFilter(name: "escape" | "safe"): (value: string) => unknown;
        }) => void,
      ): void;
      ignores: Set<string>;
    }) => void;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    disableLogger(): void;
  }
}
