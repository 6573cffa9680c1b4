// The npm package's entry: the wasm core with option objects. Call `await init()` once before anything else
// (bundlers such as Vite resolve the .wasm next to the glue from import.meta.url).
import initCore, * as core from './juesuan.js';

let ready;

/** Loads the wasm core once; every later call returns the same promise. */
export default function init(input) {
  ready ??= initCore(input);
  return ready;
}

/**
 * Reads a paste once and returns the whole Review: every claim of its text and tables, every
 * self-evaluation table scored, the figures it could not check.
 * `options.preset`: "proportional" (default) | "deduct-per-point" | "bands", or a preset object (or its JSON
 * text) such as {name, execution: {rule, k, floor, fullMarksAt, bands: [[min, share], …]}, allowOver100};
 * `options.k`: points per percentage point for deduct-per-point (default "0.25").
 * Numbers may be given as strings (exact) or numbers (read from their text, never rounded).
 * Throws an Error with a Chinese message only for an unusable preset.
 */
export function review(text, options = {}) {
  return core.review(String(text), presetOf(options));
}

/** The same Review as `review` (its `claims` are the text's checks); kept for callers of the first API. */
export function check(text, options = {}) {
  return review(text, options);
}

/** The same Review as `review` (its `tables` are the scored tables); kept for callers of the first API. */
export function score(text, options = {}) {
  return review(text, options);
}

/**
 * The preset as the core takes it: a built-in name, or the preset's JSON text, which the core reads with
 * the same reader as the command line's --preset-file (a number is read from its text: 0.25 is "0.25").
 */
function presetOf(options) {
  const preset = options.preset ?? 'proportional';
  const k = options.k == null ? null : String(options.k);
  if (typeof preset === 'string' && !preset.trim().startsWith('{')) {
    if (preset.trim() === 'deduct-per-point' && k !== null) {
      return JSON.stringify({ name: 'deduct-per-point', execution: { rule: 'deduct-per-point', k } });
    }
    return preset;
  }
  if (k === null) return typeof preset === 'string' ? preset : JSON.stringify(preset);
  const top = typeof preset === 'string' ? JSON.parse(preset) : preset;
  const exec = top?.execution ?? {};
  return JSON.stringify({ ...top, execution: { ...exec, k: exec.k ?? k } });
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
