// The worker that runs the core: loads the wasm (fetched next to this file, or given as bytes or as an
// already compiled module), then answers engine.js's requests. The page's main thread never calls the
// wasm for a review.
import * as core from './juesuan.js';
import { createEngine } from './engine.js';
import { WARM_UP } from './warm-up.js';

let engine = null;
let warmed = 0;
let lastWork = 0;

/** While nothing else is asked, review the warm-up text (one round per task, twenty rounds at most). */
function warmUp() {
  if (warmed >= 20) return;
  if (performance.now() - lastWork < 200) {
    setTimeout(warmUp, 200); // real work came in: wait until it has been quiet for a while
    return;
  }
  try {
    core.review(WARM_UP, 'proportional');
  } catch {
    return;
  }
  warmed += 1;
  setTimeout(warmUp, 0);
}

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
      setTimeout(warmUp, 50);
    } catch (err) {
      self.postMessage({ type: 'fatal', id: msg.id, message: String(err?.message ?? err) });
    }
    return;
  }
  if (msg.type === 'review' && msg.text) lastWork = performance.now();
  const out = engine.handle(msg);
  const transfer = out?.view?.blocks ? [out.view.blocks.buffer] : [];
  self.postMessage({ ...out, id: msg.id }, transfer);
};
