// Runs a command as long as the process that started this one lives: `node with-parent.js <command> [args…]`, started with an IPC
// channel. When the parent goes (even killed with SIGKILL, which it cannot pass on), the channel closes and the command is killed, so
// nothing a killed build started outlives it. The command's standard error and exit code are passed through.
import { spawn } from "node:child_process";

const [command, ...args] = process.argv.slice(2);
if (!command) process.exit(2);
const child = spawn(command, args, { stdio: ["ignore", "ignore", "inherit"] });
process.on("disconnect", () => {
  child.kill("SIGKILL");
  process.exit(1);
});
child.on("error", () => process.exit(127));
child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
