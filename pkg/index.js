// The npm package's entry: the wasm core with option objects. Call `await init()` once before anything else
// (bundlers such as Vite resolve the .wasm next to the glue from import.meta.url).
import initCore, * as core from './juesuan.js';

let ready;

/** Loads the wasm core once; every later call returns the same promise. */
export default function init(input) {
  ready ??= initCore(input);
  return ready;
}

/** Finds and checks every claim of a pasted disclosure (and its self-evaluation tables). Never throws. */
export function check(text, _options = {}) {
  return core.check(String(text));
}

/**
 * Reads and scores every self-evaluation table of a paste.
 * `options.preset`: "proportional" (default) | "deduct-per-point" | "bands", or a preset object;
 * `options.k`: points per percentage point for deduct-per-point (default "0.25").
 */
export function score(text, options = {}) {
  const preset = options.preset ?? 'proportional';
  const name = typeof preset === 'string' ? preset : JSON.stringify(preset);
  return core.score(String(text), name, options.k == null ? null : String(options.k));
}

/** One quick-calculator rate; throws an Error with a Chinese message on malformed input. */
export function calc(kind, a, b, stated) {
  return core.calc(kind, String(a), String(b), stated == null ? null : String(stated));
}

/** 执行率 and its score under a built-in preset. */
export function executionScore(budget, executed, weight, preset = 'proportional', k = null) {
  return core.executionScore(String(budget), String(executed), String(weight), preset, k == null ? null : String(k));
}

/** The core's version. */
export function version() {
  return core.version();
}
