// Loads the wasm core once. The served page and the embedded element fetch juesuan_bg.wasm next to the glue;
// the one-file kiosk page replaces this module at build time with one that instantiates the wasm inlined in
// the file (a page opened from file:// cannot fetch it).
import init from './juesuan.js';

let loading;

export function loadCore() {
  loading ??= init();
  return loading;
}
