// Types of the juesuan npm package (report schema 1). Every decimal is a string with its scale.
import type { CalcReport, ExecutionScoreReport, TextReport, ScoreReport, RateKind } from './juesuan.js';
export type * from './juesuan.js';

/** Loads the wasm core once. Await it before calling anything else. */
export default function init(input?: unknown): Promise<unknown>;

export interface CheckOptions {}
export interface ScoreOptions {
  /** A built-in preset name or a preset object (see README "Scoring presets"). */
  preset?: 'proportional' | 'deduct-per-point' | 'bands' | Record<string, unknown>;
  /** deduct-per-point: points per percentage point, as a decimal string (default "0.25"). */
  k?: string | null;
}

export function check(text: string, options?: CheckOptions): TextReport;
export function score(text: string, options?: ScoreOptions): ScoreReport;
export function calc(kind: RateKind, a: string, b: string, stated?: string | null): CalcReport;
export function executionScore(budget: string, executed: string, weight: string,
  preset?: 'proportional' | 'deduct-per-point' | 'bands', k?: string | null): ExecutionScoreReport;
export function version(): string;
