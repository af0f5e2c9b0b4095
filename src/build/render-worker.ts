// A child process that renders the parts of the site its parent sends it, one at a time (see render-pool.ts).
import { renderPart, type RenderRequest } from "./render-part.ts";

process.on("message", (message: { id: number; request: RenderRequest }) => {
  renderPart(message.request).then(
    (written) => process.send!({ id: message.id, written }),
    // A file system error keeps its code and path, so the build can say which file could not be written and why.
    (error: unknown) => {
      const { code, path, dest } = error as NodeJS.ErrnoException & { dest?: string };
      process.send!({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error), ...(code && { code }), ...(path && { path }), ...(dest && { dest }) });
    },
  );
});

// A build that was killed takes its workers with it.
process.on("disconnect", () => process.exit(1));
