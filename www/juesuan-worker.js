// The worker that runs the core: loads the wasm (fetched next to this file, or given as bytes or as an
// already compiled module), then answers engine.js's requests. The page's main thread never calls the
// wasm for a review.
import * as core from './juesuan.js';
import { createEngine } from './engine.js';

let engine = null;

async function compile(msg) {
  if (msg.module) return msg.module;
  if (msg.bytes) return WebAssembly.compile(msg.bytes);
  const url = new URL('./juesuan_bg.wasm', import.meta.url);
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    // a server that does not send application/wasm
    return WebAssembly.compile(await (await fetch(url)).arrayBuffer());
  }
}

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === 'init') {
    try {
      const module = await compile(msg);
      core.initSync({ module });
      engine = createEngine(core);
      self.postMessage({ type: 'ready', id: msg.id, version: core.version(), module: msg.module ? undefined : module });
    } catch (err) {
      self.postMessage({ type: 'fatal', id: msg.id, message: String(err?.message ?? err) });
    }
    return;
  }
  const out = engine.handle(msg);
  const transfer = out?.view?.blocks ? [out.view.blocks.buffer] : [];
  self.postMessage({ ...out, id: msg.id }, transfer);
};
