//! Scoring 绩效自评表 under a preset (domain.md "Performance self-evaluation scoring").
//! STUB: being implemented.

use crate::presets::{Preset, PresetReport};
use crate::report::SCHEMA;
use serde::Serialize;

/// `juesuan score` / `score()` in JS.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ScoreReport {
    /// Always [`SCHEMA`].
    pub schema: u32,
    /// The preset used.
    pub preset: PresetReport,
    /// One entry per table found.
    pub tables: Vec<serde_json::Value>,
}

/// Reads every table in `text` and scores it under `preset`.
pub fn score_text(_text: &str, preset: &Preset) -> ScoreReport {
    ScoreReport { schema: SCHEMA, preset: preset.to_report(), tables: Vec::new() }
}
