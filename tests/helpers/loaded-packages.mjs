// Given to a command with `--import`: when it exits, prints to standard error one line, `LOADED ["zod", …]`, the packages under
// node_modules the process imported (through the module hooks in loaded-packages-hooks.mjs). Tests read it to check what a command loads.
import { register } from "node:module";
import { MessageChannel } from "node:worker_threads";

const { port1, port2 } = new MessageChannel();
const packages = new Set();
port1.on("message", (url) => {
  const name = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(String(url))?.[1];
  if (name) packages.add(name);
});
port1.unref();
register("./loaded-packages-hooks.mjs", { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });
process.on("exit", () => process.stderr.write(`LOADED ${JSON.stringify([...packages].sort())}\n`));
