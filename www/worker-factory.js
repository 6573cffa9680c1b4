// How the page starts its core worker: a module worker next to this file, which fetches the wasm itself.
// The one-file kiosk page replaces this module at build time (a page opened from file:// cannot start a
// worker from a URL: it starts one from a blob and hands it the wasm bytes inlined in the page).

export function createWorker() {
  return new Worker(new URL('./juesuan-worker.js', import.meta.url), { type: 'module', name: 'juesuan-core' });
}

/** The init message: the compiled module when a restart has one, else nothing (the worker fetches). */
export function initMessage(module) {
  return { type: 'init', module: module ?? undefined };
}
