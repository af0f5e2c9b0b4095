// Where Debian's Chromium is and the flags it needs on this kind of machine, for the browser tests and npm run audit alike.

/** Where Chromium is looked for: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/**
 * The flags this machine needs: without the background-networking ones Chromium keeps dialling Google's hosts through a closed network.
 * No `--user-data-dir`: each caller gives Chromium a profile folder of its own.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
