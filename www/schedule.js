// Rendering in slices: work is queued as small steps and run a few milliseconds at a time, one slice per
// frame (so the layout of what a slice built is done before the next slice builds more), so no task blocks
// the page; a newer result cancels what is left of the older one.

const BUDGET_MS = 8;

/** Marks a step that builds much: it ends its slice, so what it built is laid out in a frame of its own. */
export const ownFrame = (fn) => Object.assign(fn, { frame: true });

/**
 * A queue of steps; `run(steps)` replaces whatever was queued. A step marked by `ownFrame` is the last of its
 * slice. Returns { run, add, cancel, idle }.
 */
export function slicer() {
  let queue = [];
  let generation = 0;
  let scheduled = false;
  let idleWaiters = [];

  const channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;
  const soon = channel ? () => channel.port2.postMessage(null) : () => setTimeout(tick, 0);
  if (channel) channel.port1.onmessage = () => tick();
  // after the next frame (a hidden page has no frames: then at once)
  const post = () => {
    if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') requestAnimationFrame(soon);
    else soon();
  };

  function tick() {
    scheduled = false;
    const start = performance.now();
    while (queue.length > 0 && performance.now() - start < BUDGET_MS) {
      const step = queue.shift();
      try {
        step();
      } catch (err) {
        console.error(err); // a failed step must not stop the rest
      }
      if (step.frame) break; // a step that builds much ends its slice: its layout gets a frame of its own
    }
    if (queue.length > 0) {
      scheduled = true;
      post();
    } else {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  return {
    /** Replace the queue with `steps` (functions); the first runs in this task when `now` is true. */
    run(steps, { now = false } = {}) {
      generation += 1;
      queue = [...steps];
      if (now && queue.length > 0) tick();
      else if (!scheduled && queue.length > 0) {
        scheduled = true;
        post();
      }
      return generation;
    },
    /** Add steps after those queued. */
    add(...steps) {
      queue.push(...steps);
      if (!scheduled) {
        scheduled = true;
        post();
      }
    },
    cancel() {
      generation += 1;
      queue = [];
    },
    /** Resolves when the queue is empty. */
    idle() {
      return queue.length === 0 && !scheduled ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
    },
    get generation() {
      return generation;
    },
  };
}
