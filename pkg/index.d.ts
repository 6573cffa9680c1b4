// Types of the juesuan npm package (report schema 2). Every decimal is a string with its scale.
import type { CalcReport, ExecutionScoreReport, Review, PresetObject, RateKind } from './juesuan.js';
export type * from './juesuan.js';

/** Loads the wasm core once. Await it before calling anything else. */
export default function init(input?: unknown): Promise<unknown>;

export interface ReviewOptions {
  /** A built-in preset name, a preset object (numbers may be strings or numbers), or its JSON text. */
  preset?: 'proportional' | 'deduct-per-point' | 'bands' | PresetObject | string;
  /** deduct-per-point: points per percentage point (default "0.25"). */
  k?: string | number | null;
}

export function review(text: string, options?: ReviewOptions): Review;
/** @deprecated the same Review as `review`. */
export function check(text: string, options?: ReviewOptions): Review;
/** @deprecated the same Review as `review`. */
export function score(text: string, options?: ReviewOptions): Review;
export function calc(kind: RateKind, a: string, b: string, stated?: string | null): CalcReport;
export function executionScore(budget: string, executed: string, weight: string,
  preset?: 'proportional' | 'deduct-per-point' | 'bands', k?: string | null): ExecutionScoreReport;
export function version(): string;
