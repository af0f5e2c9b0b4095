// The module hooks of loaded-packages.mjs: each module resolved, by its address, to the port it was given.
/** @type {import("node:worker_threads").MessagePort | undefined} */
let port;

/** @param {{ port: import("node:worker_threads").MessagePort }} data */
export function initialize(data) {
  port = data.port;
}

/** @type {import("node:module").ResolveHook} */
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  port?.postMessage(resolved.url);
  return resolved;
}
