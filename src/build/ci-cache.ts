// What CI keeps of the build cache between runs when it deploys from the cache (`npm run build -- --manifest-only`, then `npm run
// deploy`), and what it leaves out: every part's pages and images (`parts/<key>/<hash>/site/`) and the image derivatives (`images/`).
// A day's build renders its month and the archive-wide pages again, whose pages it then has; the other parts' manifests still say what
// each published, and their files are on the target, where the deployed manifest says they are. A derivative of a month made again is
// taken from its earlier manifest as published (encode-images.ts). What is kept is what a build needs and cannot make fast: the index
// of the parsed issues' headers, the parts' manifests and open-data fragments, the search bundles' manifests and term statistics, the
// term directory and the deploy lists. The whole parsed issues are left out too (1.2 GB in 11,000 files at 11,000 issues, a quarter of what
// CI restored): a build reads whole only the issues of the months it renders and the newest few, and parses those again, about 30 for a
// day's issue. So are the search bundles' Pagefind files (118,000 of the 132,000 files CI restored at 11,000 issues, where the restore's
// time goes): a sealed bundle's are on the target, and a bundle indexed again is indexed whole (search-stage.ts). And so is every
// month's search input (1.6 GB of the 3 GB left then): a bundle in the cache needs none, and a month whose bundle is indexed again is
// made again when it lacks its search input (render-site.ts: indexedMonths). The workflow's cache
// step and the benchmark both leave out these paths; a whole build (`npm run build`) from such a cache renders, encodes and indexes
// everything again.
import { readdirSync } from "node:fs";

import { LEFT_OUT_OF_DEPLOY_CACHE } from "./cache-layout.ts";

/** The paths left out, relative to the cache folder, as tar's `--anchored --exclude` and actions/cache's `!` patterns take them. */
export { LEFT_OUT_OF_DEPLOY_CACHE };

/** The tar arguments that archive `cacheDir` without them, to standard output. */
export function deployCacheTarArgs(cacheDir: string): string[] {
  return ["-C", cacheDir, "--anchored", ...LEFT_OUT_OF_DEPLOY_CACHE.map((pattern) => `--exclude=${pattern}`), "-cf", "-", ...readdirSync(cacheDir).sort()];
}
