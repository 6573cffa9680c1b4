//! The one boundary with JavaScript: each export converts strings in, calls the core, serializes out.
//! Errors are thrown as `Error` objects carrying the core's Chinese message.

use crate::presets::{self, Preset, PresetParts};
use crate::{calc, extract, scoring};
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
  schema: 1; kind: RateKind; value: string | null; label: "新增" | "持平" | "无法计算" | null;
  formula: string; check: CheckReport | null;
}
export interface PresetReport {
  name: string; rule: "proportional" | "deduct-per-point" | "bands"; k: string | null; floor: string | null;
  fullMarksAt: string | null; bands: [string, string][] | null; allowOver100: boolean; description: string;
}
export interface SourceReport { name: string; value: string; span: [number, number] | null; }
export interface ClaimReport {
  kind: "sum" | "balance" | "share" | "growth" | "variance" | "completion" | "execution" | "count" | "same-figure";
  title: string; verdict: Verdict; stated: string; recomputed: string | null; difference: string | null;
  span: [number, number]; inputs: Record<string, string>; sources: SourceReport[];
  interval: [string, string] | null; formula: string; message: string; diagnosis: string | null;
}
export interface TextReport {
  schema: 1; claims: ClaimReport[];
  summary: { claims: number; ok: number; rounding: number; mismatch: number; notComputable: number };
  problems: { message: string; span: [number, number] | null }[];
}
export type ScoreReport = { schema: 1; preset: PresetReport; tables: any[] };
export interface ExecutionScoreReport {
  schema: 1; rate: string | null; label: string | null; score: string | null; weight: string;
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

/// Finds and checks every claim of a pasted disclosure (and its self-evaluation tables).
#[wasm_bindgen(unchecked_return_type = "TextReport")]
pub fn check(text: &str) -> Result<JsValue, JsError> {
    to_js(&extract::check_text(text))
}

/// Reads and scores every self-evaluation table of a paste under a built-in preset (`proportional`,
/// `deduct-per-point` with `k`, default 0.25, or `bands`). Throws on an unusable preset.
#[wasm_bindgen(unchecked_return_type = "ScoreReport")]
pub fn score(text: &str, preset: &str, k: Option<String>) -> Result<JsValue, JsError> {
    let k = calc::parse_param("k", k.as_deref()).map_err(js_err)?;
    let preset = Preset::named(preset, k).map_err(js_err)?;
    to_js(&scoring::score_text(text, &preset))
}

/// Scores under a preset given by its parameters (the npm package flattens a preset object into these;
/// the JSON is read in JS so the wasm carries no JSON parser). `bands`: `"100:1,80:0.7,60:0.5,0:0"`.
#[wasm_bindgen(js_name = scoreWith, unchecked_return_type = "ScoreReport")]
#[allow(clippy::too_many_arguments)]
pub fn score_with(
    text: &str,
    name: Option<String>,
    rule: &str,
    k: Option<String>,
    floor: Option<String>,
    full_marks_at: Option<String>,
    bands: Option<String>,
    allow_over_100: bool,
) -> Result<JsValue, JsError> {
    let param =
        |field: &str, v: &Option<String>| calc::parse_param(field, v.as_deref()).map_err(js_err);
    let bands = match bands.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
        Some(b) => Some(presets::parse_bands(b).map_err(js_err)?),
        None => None,
    };
    let preset = Preset::from_parts(PresetParts {
        name: name.as_deref(),
        rule,
        k: param("k", &k)?,
        floor: param("floor", &floor)?,
        full_marks_at: param("fullMarksAt", &full_marks_at)?,
        bands,
        allow_over_100,
    })
    .map_err(js_err)?;
    to_js(&scoring::score_text(text, &preset))
}
