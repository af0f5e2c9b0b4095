// A child process that renders the parts of the site its parent sends it, one at a time (see render-pool.ts).
import { renderPart, type RenderRequest } from "./render-part.ts";
import { failureAnswer } from "./render-pool.ts";

process.on("message", (message: { id: number; request: RenderRequest }) => {
  renderPart(message.request).then(
    ({ written, search }) => process.send!({ id: message.id, written, search }),
    (error: unknown) => process.send!({ id: message.id, ...failureAnswer(message.request, error) }),
  );
});

// A build that was killed takes its workers with it.
process.on("disconnect", () => process.exit(1));
