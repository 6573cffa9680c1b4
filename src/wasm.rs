//! The one boundary with JavaScript: each export converts strings in, calls the core, serializes out.
//! Errors are thrown as `Error` objects carrying the core's Chinese message.

use crate::calc;
use crate::scoring::preset::Preset;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
export type Verdict = "ok" | "rounding" | "mismatch" | "not_computable";
export type RateKind = "variance" | "completion" | "growth" | "share" | "execution";
export interface CheckReport {
  stated: string; verdict: Verdict; recomputed: string | null; difference: string | null;
  interval: [string, string] | null; message: string;
}
export interface CalcReport {
  schema: 2; kind: RateKind; value: string | null; label: "新增" | "持平" | "无法计算" | null;
  formula: string; check: CheckReport | null;
}
export interface PresetReport {
  name: string; title: string; rule: "proportional" | "deduct-per-point" | "bands"; k: string | null; floor: string | null;
  fullMarksAt: string | null; bands: [string, string][] | null; allowOver100: boolean; description: string;
}
export interface SourceReport { name: string; value: string; span: [number, number] | null; }
export type ClaimKind = "sum" | "balance" | "share" | "growth" | "difference" | "variance" | "completion"
  | "execution" | "count" | "same-figure" | "direction";
export interface ClaimReport {
  id: number; kind: ClaimKind; title: string; verdict: Verdict; stated: string; recomputed: string | null;
  difference: string | null; span: [number, number]; table: number | null; inputs: Record<string, string>;
  sources: SourceReport[]; interval: [string, string] | null; formula: string; message: string;
  diagnosis: string | null;
}
export interface Counts { total: number; ok: number; rounding: number; mismatch: number; notComputable: number; }
export interface FindingReport {
  kind: string; verdict: Verdict; message: string; row: number | null; span: [number, number] | null;
}
export interface IndicatorReport {
  row: number; level1: string; level2: string; indicator: string; target: string; actual: string;
  weight: string | null; statedScore: string | null; score: string | null; verdict: Verdict; reason: string;
  message: string; span: [number, number];
}
export interface TableReport {
  name: string; kind: "project" | "department"; span: [number, number];
  execution: { budget: string | null; executed: string | null; rate: string | null; statedRate: string | null;
    score: string | null; statedScore: string | null; weight: string | null; verdict: Verdict | null;
    claim: number | null; message: string };
  indicators: IndicatorReport[]; weightsTotal: string | null; statedWeightsTotal: string | null;
  statedTotal: string | null; statedScoresTotal: string | null; total: string | null; grade: string | null;
  statedGrade: string | null; findings: FindingReport[];
  problems: { row: number; message: string; span: [number, number] }[];
}
export interface Review {
  schema: 2; preset: PresetReport;
  sections: { kind: "narrative" | "project" | "department" | "standard" | "comparison"; standard: number | null;
    title: string; span: [number, number] }[];
  claims: ClaimReport[]; tables: TableReport[];
  unchecked: { value: string; unit: string; span: [number, number]; reason: string }[];
  problems: { message: string; span: [number, number] | null }[];
  summary: { claims: Counts; tables: Counts; all: Counts; figures: number; checked: number };
}
/** A preset as `review` takes it (after JSON.stringify). */
export interface PresetObject {
  name?: string; execution?: { rule?: "proportional" | "deduct-per-point" | "bands"; k?: string;
    floor?: string; fullMarksAt?: string; bands?: [string, string][] }; allowOver100?: boolean;
}
export interface ExecutionScoreReport {
  schema: 2; rate: string | null; label: string | null; score: string | null; weight: string;
  preset: PresetReport; formula: string;
}
"#;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    // null (not undefined) for None, plain objects (not Maps) for structs
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_missing_as_null(true)
        .serialize_maps_as_objects(true);
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&e.to_string()))
}

fn js_err(e: crate::Error) -> JsError {
    JsError::new(&e.to_string())
}

/// The crate version, for the page footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// One quick-calculator rate; `stated` is judged when given. Throws on malformed input.
#[wasm_bindgen(unchecked_return_type = "CalcReport")]
pub fn calc(
    #[wasm_bindgen(unchecked_param_type = "RateKind")] kind: &str,
    a: &str,
    b: &str,
    stated: Option<String>,
) -> Result<JsValue, JsError> {
    to_js(&calc::calculate(kind, a, b, stated.as_deref()).map_err(js_err)?)
}

/// Only the rate, as text: `"50.80"`, or the label (`"新增"`, `"持平"`, `"无法计算"`) when there is no
/// number. The lean form of `calc` for callers computing many rates. Throws on malformed input.
#[wasm_bindgen]
pub fn rate(
    #[wasm_bindgen(unchecked_param_type = "RateKind")] kind: &str,
    a: &str,
    b: &str,
) -> Result<String, JsError> {
    calc::rate_text(kind, a, b).map_err(js_err)
}

/// 执行率 and its score under a built-in preset (`proportional`, `deduct-per-point` with k, `bands`).
#[wasm_bindgen(js_name = executionScore, unchecked_return_type = "ExecutionScoreReport")]
pub fn execution_score(
    budget: &str,
    executed: &str,
    weight: &str,
    preset: &str,
    k: Option<String>,
) -> Result<JsValue, JsError> {
    let k = calc::parse_param("k", k.as_deref()).map_err(js_err)?;
    let preset = Preset::named(preset, k).map_err(js_err)?;
    to_js(&calc::execution_score(budget, executed, weight, &preset).map_err(js_err)?)
}

/// Reads the paste once and returns everything: its claims, its self-evaluation tables scored under
/// `preset` — a built-in name (`"proportional"`, `"deduct-per-point"`, `"bands"`) or a preset as JSON text
/// `{"name", "execution": {"rule", "k", "floor", "fullMarksAt", "bands": [[min, share], …]}, "allowOver100"}`
/// (the page and the npm package pass `JSON.stringify(object)`; numbers are read from their text) — and the
/// figures it could not check. Throws only for an unusable preset.
#[wasm_bindgen(unchecked_return_type = "Review")]
pub fn review(text: &str, preset: Option<String>) -> Result<JsValue, JsError> {
    let preset = match preset.as_deref().map(str::trim) {
        None | Some("") => Preset::proportional(),
        Some(json) if json.starts_with('{') => Preset::from_json(json).map_err(js_err)?,
        Some(name) => Preset::named(name, None).map_err(js_err)?,
    };
    to_js(&crate::review(text, &preset))
}
