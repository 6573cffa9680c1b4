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
 * `options.preset`: "proportional" (default) | "deduct-per-point" | "bands", or a preset object (or its JSON
 * text) such as {name, execution: {rule, k, floor, fullMarksAt, bands: [[min, share], …]}, allowOver100};
 * `options.k`: points per percentage point for deduct-per-point (default "0.25").
 * Numbers may be given as strings (exact) or numbers (read from their text, never rounded).
 */
export function score(text, options = {}) {
  const preset = options.preset ?? 'proportional';
  if (typeof preset === 'string' && !preset.trim().startsWith('{')) {
    return core.score(String(text), preset, options.k == null ? null : String(options.k));
  }
  const top = typeof preset === 'string' ? JSON.parse(preset) : preset;
  const exec = top.execution ?? top;
  const str = (v) => (v == null ? null : String(v));
  const bands = Array.isArray(exec.bands) ? exec.bands.map(([min, share]) => `${min}:${share}`).join(',') : null;
  return core.scoreWith(String(text), str(top.name), String(exec.rule ?? 'proportional'), str(exec.k ?? options.k),
    str(exec.floor), str(exec.fullMarksAt), bands, Boolean(top.allowOver100 ?? exec.allowOver100));
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
