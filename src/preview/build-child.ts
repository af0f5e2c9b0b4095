// One build of the preview, in a process of its own: Eleventy keeps template contents, layouts and the imported config in module-level
// caches that a second build in the same process would reuse, so only a new process sees every edit. The options come in the
// environment; the result goes back to the preview over IPC.
import { buildSite, type BuildOptions } from "../build/build.ts";
import { BUILD_OPTIONS_VARIABLE } from "./preview.ts";

const options = process.env[BUILD_OPTIONS_VARIABLE];
if (options) process.send?.(await buildSite(JSON.parse(options) as BuildOptions));
