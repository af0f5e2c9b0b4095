// A child process that renders the parts of the site its parent sends it, one at a time (see render-pool.ts).
import { renderPart, type RenderRequest } from "./render-part.ts";

process.on("message", (message: { id: number; request: RenderRequest }) => {
  renderPart(message.request).then(
    ({ written, search }) => process.send!({ id: message.id, written, search }),
    // A file system error keeps its code and path, so the build can say which file could not be written and why; Eleventy wraps the
    // errors of its writes in its own, with the file system's as their cause.
    (error: unknown) => {
      const { code, path: named, dest } = fileSystemError(error) ?? {};
      // A write to an open file names none: the part's folder is where it was writing.
      const path = named ?? (code ? message.request.siteDir : undefined);
      process.send!({
        id: message.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        ...(code && { code }),
        ...(path && { path }),
        ...(dest && { dest }),
      });
    },
  );
});

/** The file system error in `error` or among its causes (`cause`, or Eleventy's `originalError`), if there is one. */
function fileSystemError(error: unknown): (NodeJS.ErrnoException & { dest?: string }) | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    if ((current as NodeJS.ErrnoException).code) return current as NodeJS.ErrnoException & { dest?: string };
    current = current.cause ?? (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

// A build that was killed takes its workers with it.
process.on("disconnect", () => process.exit(1));
