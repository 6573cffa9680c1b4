// The page's handle on the core, which runs in a worker: one review per edit, the latest edit wins. While a
// review runs, newer edits wait as one pending request (each replacing the last, whose caller hears
// "stale"); a review that has run long when a newer edit comes is dropped by restarting the worker with the
// already compiled module. Every other question (a page of findings, text marks, a table, an export, a quick
// calculation) is a request answered by the same worker.

const RESTART_AFTER_MS = 150; // a running review older than this is dropped for a newer edit

/**
 * `createWorker()` returns a Worker-like object; `initMessage(module)` the message that loads the core in
 * it (with the compiled WebAssembly.Module once known, so a restart compiles nothing).
 */
export function startCore({ createWorker, initMessage, onProgress = () => {} }) {
  let worker = null;
  let module = null;
  let nextId = 1;
  const waiting = new Map(); // request id → { resolve, reject }
  let ready;
  let seq = 0; // the latest review asked for
  let running = null; // { seq, startedAt, resolve, args }
  let pending = null; // the newest review waiting to run

  function boot() {
    worker = createWorker();
    worker.onmessage = (event) => receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      fail(new Error(event.message || '计算核心无法在后台运行'));
      // a worker that failed after it had loaded (out of memory on a huge text) is replaced
      if (module) boot();
    };
    const id = nextId++;
    ready = new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
    worker.postMessage({ ...initMessage(module), id });
    ready.then((r) => {
      if (r.module) module = r.module;
    }, () => {});
    return ready;
  }

  function fail(err) {
    for (const { reject } of waiting.values()) reject(err);
    waiting.clear();
    if (running) {
      running.resolve({ status: 'error', error: err.message });
      running = null;
    }
  }

  function receive(data) {
    if (data.type === 'result' || (data.type === 'error' && data.seq !== undefined)) {
      if (!running || running.seq !== data.seq) return; // from a dropped worker
      const done = running;
      running = null;
      const stale = data.seq !== seq;
      done.resolve(stale ? { status: 'stale' } : data.type === 'result' ? { status: 'ok', view: data.view, seq: data.seq } : { status: 'error', error: data.message });
      if (pending) runNext();
      else onProgress(null);
      return;
    }
    const w = waiting.get(data.id);
    if (!w) return;
    waiting.delete(data.id);
    if (data.type === 'ready') w.resolve(data);
    else if (data.type === 'fatal') w.reject(new Error(data.message));
    else w.resolve(data);
  }

  function runNext() {
    const job = pending;
    pending = null;
    running = { ...job, startedAt: performance.now() };
    onProgress({ length: job.text.length });
    worker.postMessage({ type: 'review', seq: job.seq, text: job.text, choice: job.choice, pages: job.pages, full: job.full });
  }

  function restart() {
    worker.terminate();
    const dropped = running;
    running = null;
    for (const { resolve } of waiting.values()) resolve(null);
    waiting.clear();
    dropped?.resolve({ status: 'stale' });
    boot();
  }

  boot();

  return {
    /** Resolves with { version } once the core is loaded; rejects when it cannot load. */
    get ready() {
      return ready;
    },
    /** The seq of the latest review asked for (results of older ones are stale). */
    get seq() {
      return seq;
    },
    /**
     * Reviews `text` under `choice` ({ preset, k }); `pages` is the PDF page map, `full` asks for the Review
     * itself too. Resolves { status: 'ok', view, seq } | { status: 'error', error } | { status: 'stale' }.
     */
    review(text, choice, { pages = null, full = false } = {}) {
      seq += 1;
      return new Promise((resolve) => {
        pending?.resolve({ status: 'stale' });
        pending = { seq, text, choice, pages, full, resolve };
        if (!running) {
          ready.then(() => {
            if (pending && !running) runNext();
          }, (err) => {
            pending?.resolve({ status: 'error', error: err.message });
            pending = null;
          });
        } else if (performance.now() - running.startedAt > RESTART_AFTER_MS && module) {
          restart();
          ready.then(() => {
            if (pending && !running) runNext();
          }, () => {});
        }
      });
    },
    /** Any other request; resolves with the worker's answer (null when the worker was restarted meanwhile). */
    async ask(type, payload = {}) {
      await ready;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ ...payload, type, id });
      });
    },
  };
}
