//! A preset as written — JSON from the CLI's `--preset-file` or the page's preset object — read by serde
//! (through `scoring/json.rs`) into [`PresetSpec`], then checked once into a [`Preset`].

use super::preset::{Band, ExecutionRule, Preset};
use crate::error::{Error, Result};
use rust_decimal::Decimal;
use serde::Deserialize;

impl TryFrom<PresetSpec> for Preset {
    type Error = Error;

    /// Builds and checks a preset from what was written: the one place a preset's parameters are
    /// validated (JSON presets, JS objects and the built-in names all come through here).
    fn try_from(spec: PresetSpec) -> Result<Preset> {
        let bad = |reason: String| Error::BadPreset { reason };
        let flat = ExecutionSpec {
            rule: spec.rule,
            k: spec.k,
            floor: spec.floor,
            full_marks_at: spec.full_marks_at,
            bands: spec.bands,
            allow_over_100: None,
        };
        let exec = spec.execution.unwrap_or_default().or(flat);
        let rule_text = exec.rule.unwrap_or_default();
        let rule = rule_text.trim();
        let execution = match rule {
            "" | "proportional" => ExecutionRule::Proportional,
            "deduct-per-point" => {
                let k = exec.k.map_or(Decimal::new(25, 2), |e| e.0);
                let floor = exec.floor.map_or(Decimal::ZERO, |e| e.0);
                let full_marks_at = exec.full_marks_at.map(|e| e.0);
                if k.is_sign_negative() || floor.is_sign_negative() {
                    return Err(bad(format!(
                        "k 与 floor 不能为负数：k = {k}，floor = {floor}"
                    )));
                }
                if full_marks_at.is_some_and(|t| t.is_sign_negative() || t > Decimal::ONE_HUNDRED) {
                    return Err(bad("fullMarksAt 应在 0 到 100 之间".into()));
                }
                ExecutionRule::DeductPerPoint {
                    k,
                    floor,
                    full_marks_at,
                }
            }
            "bands" => {
                let mut bands: Vec<Band> = exec
                    .bands
                    .filter(|b| !b.is_empty())
                    .ok_or_else(|| bad("分档规则需要“bands”：[[执行率下限, 得分比例], …]".into()))?
                    .into_iter()
                    .map(|(min, share)| Band {
                        min_rate: min.0,
                        share: share.0,
                    })
                    .collect();
                if let Some(b) = bands
                    .iter()
                    .find(|b| b.share.is_sign_negative() || b.share > Decimal::ONE)
                {
                    return Err(bad(format!("得分比例应在 0 到 1 之间：{}", b.share)));
                }
                bands.sort_by_key(|b| std::cmp::Reverse(b.min_rate));
                ExecutionRule::Bands(bands)
            }
            other => {
                return Err(bad(format!(
                    "未知的规则“{other}”（可选 proportional 按比例、deduct-per-point 按百分点扣分、bands 分档）"
                )))
            }
        };
        let name = spec
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .unwrap_or(if rule.is_empty() {
                "proportional"
            } else {
                rule
            });
        Ok(Preset {
            name: name.to_string(),
            execution,
            allow_over_100: spec.allow_over_100.or(exec.allow_over_100).unwrap_or(false),
        })
    }
}

/// A preset as written: `{"name", "execution": {…}, "allowOver100"}`, or flat (the 执行率 rule's fields
/// at the top, as the report gives them).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PresetSpec {
    /// The preset's name.
    pub name: Option<String>,
    /// The 执行率 rule.
    pub execution: Option<ExecutionSpec>,
    /// Whether 执行率 above 100% passes without a finding.
    #[serde(rename = "allowOver100")]
    pub allow_over_100: Option<bool>,
    /// The flat form: the rule's fields at the top (as the report gives them).
    pub rule: Option<String>,
    /// Flat form: k.
    pub k: Option<Exact>,
    /// Flat form: floor.
    pub floor: Option<Exact>,
    /// Flat form: fullMarksAt.
    pub full_marks_at: Option<Exact>,
    /// Flat form: bands.
    pub bands: Option<Vec<(Exact, Exact)>>,
}

/// The 执行率 rule as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExecutionSpec {
    /// `proportional`, `deduct-per-point` or `bands`.
    pub rule: Option<String>,
    /// Points per percentage point (deduct-per-point, default 0.25).
    pub k: Option<Exact>,
    /// Lowest score (deduct-per-point, default 0).
    pub floor: Option<Exact>,
    /// Full marks from this 执行率, percent (deduct-per-point).
    pub full_marks_at: Option<Exact>,
    /// `[[min rate %, share of the weight], …]` (bands).
    pub bands: Option<Vec<(Exact, Exact)>>,
    /// As the top-level field, for the flat form.
    #[serde(rename = "allowOver100")]
    pub allow_over_100: Option<bool>,
}

impl ExecutionSpec {
    /// This rule, or `other` when this one names no rule at all.
    fn or(self, other: ExecutionSpec) -> ExecutionSpec {
        if self.rule.is_some() || self.k.is_some() || self.bands.is_some() {
            self
        } else {
            other
        }
    }
}

/// An exact decimal parameter: a string (`"0.25"`, `"80%"`) or a JSON number, read from its text (the
/// preset reader hands numbers over as text), never through a binary float.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exact(pub Decimal);

impl<'de> Deserialize<'de> for Exact {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Exact, D::Error> {
        d.deserialize_any(ExactVisitor)
    }
}

struct ExactVisitor;

impl<'de> serde::de::Visitor<'de> for ExactVisitor {
    type Value = Exact;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("数字（请写成字符串，如 \"0.25\"）")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Exact, E> {
        let t = v.trim();
        let t = t.strip_suffix('%').unwrap_or(t).trim();
        Decimal::from_str_exact(t)
            .map(Exact)
            .map_err(|_| E::custom(format!("不是有效的数字：“{v}”")))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<Exact, E> {
        Ok(Exact(Decimal::from(v)))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<Exact, E> {
        Ok(Exact(Decimal::from(v)))
    }
}
