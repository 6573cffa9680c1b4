// Every call into the wasm core goes through `call`, so a thrown error never escapes into the page.
// Result: { status: "ok", value } | { status: "error", error: "<Chinese message>" }.

/** A trap (panic = abort) or a lost instance is not the user's fault: say so in Chinese. */
const INTERNAL = '计算核心内部错误，请刷新页面后重试。';

export function call(fn, ...args) {
  try {
    return { status: 'ok', value: fn(...args) };
  } catch (err) {
    return { status: 'error', error: messageOf(err) };
  }
}

function messageOf(err) {
  if (err instanceof WebAssembly.RuntimeError) return INTERNAL;
  if (err instanceof Error && err.message) return err.message;
  if (typeof err === 'string' && err) return err;
  return INTERNAL;
}
