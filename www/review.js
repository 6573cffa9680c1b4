// The one call into the core per edit: the paste read once, every claim judged, every self-evaluation
// table scored under the chosen preset. The page and the element both call this and render what it returns.
import * as js from './juesuan.js';
import { call } from './wasm-call.js';

/** The preset as the core takes it: a built-in name, or a preset's JSON when k is set for deduct-per-point. */
export function presetArg({ preset, k }) {
  if (preset === 'deduct-per-point' && k !== null && k !== undefined && String(k).trim() !== '') {
    return JSON.stringify({ name: 'deduct-per-point', execution: { rule: 'deduct-per-point', k: String(k).trim() } });
  }
  return preset || 'proportional';
}

/**
 * Reviews `text` under `choice` ({ preset, k }): { status: "ok", value: Review } | { status: "error", error }.
 * Counts its calls on <html data-reviews>, so a page test can see there is exactly one per edit.
 */
export function review(text, choice) {
  const html = document.documentElement;
  html.dataset.reviews = String(Number(html.dataset.reviews ?? 0) + 1);
  return call(js.review, text, presetArg(choice));
}
