// Bundles TypeScript entry points of this project into one ES module each with esbuild, the compiler tsx runs on, for processes that start
// often and should not pay for tsx's loader (the test suite's files and the commands its tests run): each module keeps its own
// `import.meta.url` and `import.meta.dirname`, so paths found from a file's place stay right, and packages stay outside the bundle,
// loaded from node_modules as they are when tsx runs the source.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

export interface BundleOptions {
  /** The entry points, absolute paths. */
  entries: readonly string[];
  /** Where each entry's bundle is written, at its path relative to `base`, with `.mjs` for `.ts`. */
  outDir: string;
  /** The folder the output keeps the layout of. */
  base: string;
  /** Source maps in each bundle, for stack traces that name the .ts files (`node --enable-source-maps`). */
  sourceMaps?: boolean;
  /**
   * What an entry imports only when it needs it (`await import(…)`) in a module of its own, loaded then: a bundle otherwise loads every
   * package any of its modules imports as it starts (a no-change build would load Eleventy and unified, which it never runs).
   */
  splitting?: boolean;
}

/** Writes a bundle of each entry; returns their paths, in the order of `entries`. */
export async function bundleModules({ entries, outDir, base, sourceMaps = false, splitting = false }: BundleOptions): Promise<string[]> {
  await build({
    entryPoints: [...entries],
    outdir: outDir,
    outbase: base,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting,
    chunkNames: "chunks/[name]-[hash]",
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: sourceMaps ? "inline" : false,
    logLevel: "error",
    plugins: [ownPlace],
  });
  return entries.map((entry) => path.join(outDir, path.relative(base, entry)).replace(/\.ts$/, ".mjs"));
}

/** `import.meta.url` and `import.meta.dirname` as code, not inside a string or quoted in a comment (as in this file's own). */
const OWN_PLACE = /(?<![\w"'`.])import\.meta\.(url|dirname)\b(?!["'`])/g;

/** Gives each module its own `import.meta.url` and `import.meta.dirname`, as it has when tsx loads it from its file. */
const ownPlace: Plugin = {
  name: "own-place",
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.[cm]?[jt]s$/ }, async ({ path: file }) => {
      const text = await readFile(file, "utf8");
      return {
        contents: text.replace(OWN_PLACE, (_, name: string) => JSON.stringify(name === "url" ? pathToFileURL(file).href : path.dirname(file))),
        loader: file.endsWith(".ts") ? "ts" : "js",
      };
    });
  },
};
