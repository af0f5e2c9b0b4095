// Serves a built site on 127.0.0.1 with Eleventy's dev server, which injects its live-reload script into every page, behind the guard of
// requests.ts, with the hotspot editor (hotspots.ts) on 版 pages.
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import { openDataHeaders, type Middleware } from "./open-data-headers.ts";
import { hotspotEditor, type HotspotEditorOptions } from "./hotspots.ts";
import { guardRequests, guardUpgrades } from "./requests.ts";

/** The part of `@11ty/eleventy-dev-server` the preview uses; the package ships no types. */
export interface DevServer {
  readonly server: Server;
  ready(): Promise<void>;
  /** Tells every open page to reload. */
  reload(): void;
  /** Adds the live-reload script to a page: inline when `inline`, else linked from the server's own file. */
  augmentContentWithNotifier(content: string, inline: boolean, options?: object): string;
  close(): Promise<void>;
}

interface DevServerModule {
  getServer(
    name: string,
    dir: string,
    options: {
      port: number;
      pathPrefix: string;
      liveReload: boolean;
      domDiff: boolean;
      messageOnStart: () => false;
      middleware: Middleware[];
    },
  ): DevServer;
}

/** The port asked for is taken by another program. */
export class PortInUse extends Error {
  override name = "PortInUse";

  constructor(readonly port: number) {
    super(`port ${port} in use`);
  }
}

/**
 * Serves the site of `editing.outputDir` at http://127.0.0.1:`port``editing.pathPrefix`, its 版 pages with the hotspot editor for the
 * archive of `editing.contentRoot`; rejects with PortInUse when the port is taken.
 */
export async function serve(port: number, editing: HotspotEditorOptions): Promise<DevServer> {
  await assertPortFree(port);
  const { outputDir, pathPrefix } = editing;
  const require = createRequire(import.meta.url);
  const devServerModule = require("@11ty/eleventy-dev-server") as DevServerModule;
  const editor = hotspotEditor(editing);
  const devServer = devServerModule.getServer("baoku", outputDir, {
    port,
    pathPrefix,
    liveReload: true,
    domDiff: false,
    messageOnStart: () => false,
    middleware: [openDataHeaders(pathPrefix), editor.middleware],
  });
  // The dev server writes its reload script inline into a page served with any status but 200 (the site's 404 page), where the site's
  // Content-Security-Policy blocks it and the console shows the violation; linked from its file, as on every other page, it is allowed.
  const addReloadScript = devServer.augmentContentWithNotifier.bind(devServer);
  devServer.augmentContentWithNotifier = (content, _inline, options) => addReloadScript(content, false, options);
  // `serve()` would listen on every interface and move to the next port when this one is taken; listen here instead, on loopback only.
  guardRequests(devServer.server, port, editor.answer);
  devServer.server.listen({ port, host: "127.0.0.1" });
  await devServer.ready();
  guardUpgrades(devServer.server, port);
  return devServer;
}

/** Fails with PortInUse when `port` is taken, rather than the dev server's retry on other ports. */
async function assertPortFree(port: number): Promise<void> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", (error: NodeJS.ErrnoException) => reject(error.code === "EADDRINUSE" ? new PortInUse(port) : error));
    probe.listen({ port, host: "127.0.0.1" }, () => probe.close(() => resolve()));
  });
}
