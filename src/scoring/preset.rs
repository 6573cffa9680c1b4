//! Scoring presets as data: how the 执行率 row is scored. The user picks one; every result names it.
//!
//! - `proportional` (national default, 财预〔2020〕10号): w × min(执行率, 100%) / 100%.
//! - `deduct-per-point`: w − k × (100 − 执行率), not below a floor; optionally full marks from a threshold.
//!   Inferred from real tables (k = 0.25 reproduces the seed's 94.79% → 8.70 and 66.36% → 1.59).
//! - `bands`: fixed shares of the weight by 执行率 band (e.g. 100% → 10, [80,100) → 7, [60,80) → 5, else 0).
//!
//! The score is computed from the 执行率 as tables state it, rounded to 2 dp, then rounded half-up to 2 dp.

use super::spec::{Exact, ExecutionSpec, PresetSpec};
use crate::error::{Error, Result};
use crate::num::decimal::{self, round_half_up};
use crate::num::rates::sub;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One band of the `bands` rule: from `min_rate` (inclusive, percent) up, the score is `share` × weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    /// Lower bound of the band in percent, inclusive.
    pub min_rate: Decimal,
    /// The share of the weight awarded, 0 to 1.
    pub share: Decimal,
}

/// How the 执行率 row is scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExecutionRule {
    /// w × min(rate, 100) / 100.
    Proportional,
    /// w − k × (100 − rate), floor `floor`; full marks from `full_marks_at` percent when set.
    DeductPerPoint {
        k: Decimal,
        floor: Decimal,
        full_marks_at: Option<Decimal>,
    },
    /// Bands, highest `min_rate` first.
    Bands(Vec<Band>),
}

/// A named scoring preset. Deserialized (from CLI JSON, from a JS object) through [`PresetSpec`], which is
/// validated once in `try_from`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "PresetSpec")]
pub struct Preset {
    /// `proportional`, `deduct-per-point`, `bands` or a user's own name.
    pub name: String,
    /// The 执行率 rule.
    pub execution: ExecutionRule,
    /// Whether an 执行率 above 100% is accepted without a finding.
    pub allow_over_100: bool,
}

impl Preset {
    /// The national default.
    pub fn proportional() -> Preset {
        Preset {
            name: "proportional".into(),
            execution: ExecutionRule::Proportional,
            allow_over_100: false,
        }
    }

    /// `deduct-per-point` with k points per percentage point, floor 0, no threshold.
    pub fn deduct_per_point(k: Decimal) -> Preset {
        Preset {
            name: "deduct-per-point".into(),
            execution: ExecutionRule::DeductPerPoint {
                k,
                floor: Decimal::ZERO,
                full_marks_at: None,
            },
            allow_over_100: false,
        }
    }

    /// `bands`: 100% → all, [80,100) → 70%, [60,80) → 50%, below → 0.
    pub fn bands() -> Preset {
        let band = |min: i64, share: i64| Band {
            min_rate: Decimal::new(min, 0),
            share: Decimal::new(share, 1),
        };
        Preset {
            name: "bands".into(),
            execution: ExecutionRule::Bands(vec![
                band(100, 10),
                band(80, 7),
                band(60, 5),
                band(0, 0),
            ]),
            allow_over_100: false,
        }
    }

    /// A built-in preset by name; `k` overrides deduct-per-point's 0.25.
    ///
    /// # Errors
    /// [`Error::BadPreset`] for an unknown name or a negative k.
    pub fn named(name: &str, k: Option<Decimal>) -> Result<Preset> {
        match name.trim() {
            "bands" => Ok(Preset::bands()),
            rule => Preset::try_from(PresetSpec {
                execution: Some(ExecutionSpec {
                    rule: Some(rule.to_string()),
                    k: k.map(Exact),
                    ..ExecutionSpec::default()
                }),
                ..PresetSpec::default()
            }),
        }
    }

    /// Reads a preset from its JSON form (the CLI's `--preset-file`, the page's preset object as
    /// `JSON.stringify` gives it): `{"name", "execution": {"rule", "k",
    /// "floor", "fullMarksAt", "bands": [[min, share], …]}, "allowOver100"}`, or the flat form of the report
    /// (`rule`, `k`, … at the top). Numbers may be strings or JSON numbers; a JSON number is read from its
    /// text, never through a binary float.
    ///
    /// # Errors
    /// [`Error::BadPreset`] naming what is wrong: not JSON, an unknown rule, a negative k, a band share
    /// outside 0–1.
    ///
    /// # Example
    /// ```
    /// use juesuan::Preset;
    /// let p = Preset::from_json(r#"{"name":"my-rule","execution":{"rule":"deduct-per-point","k":0.25,"floor":"0","fullMarksAt":"99.5"}}"#)?;
    /// let d = |s: &str| s.parse::<rust_decimal::Decimal>();
    /// assert_eq!(p.execution_score(d("99.87")?, d("10")?)?.to_string(), "10.00");
    /// assert_eq!(p.execution_score(d("94.79")?, d("10")?)?.to_string(), "8.70");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Preset> {
        super::json::from_str(json).map_err(|e| Error::BadPreset {
            reason: e.0.trim_start_matches("评分规则无效：").to_string(),
        })
    }

    /// The preset's name in Chinese, as every message names it: the built-in rules by what they do, a
    /// user's own preset by its own name.
    pub fn title(&self) -> String {
        match (self.name.as_str(), &self.execution) {
            ("proportional", ExecutionRule::Proportional) => "比例计分".into(),
            ("deduct-per-point", ExecutionRule::DeductPerPoint { k, .. }) => {
                format!("每低一个百分点扣 {k} 分")
            }
            ("bands", ExecutionRule::Bands(_)) => "分档计分".into(),
            (name, _) => name.to_string(),
        }
    }

    /// The 执行率 score for a rate (percent, as stated: 2 dp) and weight, rounded half-up to 2 dp.
    ///
    /// # Errors
    /// Only on overflow.
    ///
    /// # Example
    /// ```
    /// use juesuan::scoring::preset::Preset;
    /// let d = |s: &str| s.parse::<rust_decimal::Decimal>();
    /// assert_eq!(Preset::proportional().execution_score(d("94.79")?, d("10")?)?.to_string(), "9.48");
    /// // 10 − 0.25 × (100 − 94.79) = 8.6975
    /// assert_eq!(Preset::deduct_per_point(d("0.25")?).execution_score(d("94.79")?, d("10")?)?.to_string(), "8.70");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn execution_score(&self, rate: Decimal, weight: Decimal) -> Result<Decimal> {
        let hundred = Decimal::ONE_HUNDRED;
        let capped = rate.min(hundred).max(Decimal::ZERO);
        let overflow = || Error::Overflow {
            what: format!("执行率 {rate}% 的得分"),
        };
        let score = match &self.execution {
            ExecutionRule::Proportional => {
                decimal::mul(weight, capped).and_then(|x| decimal::div(x, hundred))
            }
            ExecutionRule::DeductPerPoint {
                k,
                floor,
                full_marks_at,
            } => {
                if full_marks_at.is_some_and(|t| rate >= t) {
                    Some(weight)
                } else {
                    decimal::mul(*k, sub(hundred, capped)?)
                        .and_then(|deduction| decimal::sub(weight, deduction))
                        .map(|s| s.max(*floor))
                }
            }
            ExecutionRule::Bands(bands) => {
                let share = bands
                    .iter()
                    .find(|b| rate >= b.min_rate)
                    .map_or(Decimal::ZERO, |b| b.share);
                decimal::mul(weight, share)
            }
        };
        score.map(|s| round_half_up(s, 2)).ok_or_else(overflow)
    }

    /// The rule in Chinese with its parameters, for every result that used it.
    pub fn describe(&self) -> String {
        match &self.execution {
            ExecutionRule::Proportional => "按比例：分值 × 执行率（最高 100%）".to_string(),
            ExecutionRule::DeductPerPoint {
                k,
                floor,
                full_marks_at,
            } => {
                let mut s = format!("每低于 100% 一个百分点扣 {k} 分，最低 {floor} 分");
                if let Some(t) = full_marks_at {
                    s.push_str(&format!("，执行率 ≥ {t}% 得满分"));
                }
                s.push_str("（由实际表格推断的地方做法）");
                s
            }
            ExecutionRule::Bands(bands) => {
                let parts: Vec<String> = bands
                    .iter()
                    .map(|b| format!("≥{}% 得分值的 {}", b.min_rate, b.share))
                    .collect();
                format!("分档：{}", parts.join("，"))
            }
        }
    }

    /// The preset as it travels in reports.
    pub fn to_report(&self) -> PresetReport {
        let (k, floor, full_marks_at, bands) = match &self.execution {
            ExecutionRule::Proportional => (None, None, None, None),
            ExecutionRule::DeductPerPoint {
                k,
                floor,
                full_marks_at,
            } => (
                Some(k.to_string()),
                Some(floor.to_string()),
                full_marks_at.map(|t| t.to_string()),
                None,
            ),
            ExecutionRule::Bands(b) => (
                None,
                None,
                None,
                Some(
                    b.iter()
                        .map(|b| [b.min_rate.to_string(), b.share.to_string()])
                        .collect(),
                ),
            ),
        };
        let rule = match &self.execution {
            ExecutionRule::Proportional => "proportional",
            ExecutionRule::DeductPerPoint { .. } => "deduct-per-point",
            ExecutionRule::Bands(_) => "bands",
        };
        PresetReport {
            name: self.name.clone(),
            title: self.title(),
            rule: rule.to_string(),
            k,
            floor,
            full_marks_at,
            bands,
            allow_over_100: self.allow_over_100,
            description: self.describe(),
        }
    }
}

/// A preset in reports: every parameter a string.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PresetReport {
    /// The preset's name (`proportional`, … or the user's own).
    pub name: String,
    /// Its name in Chinese, as messages give it.
    pub title: String,
    /// `proportional`, `deduct-per-point` or `bands`.
    pub rule: String,
    /// Points per percentage point (deduct-per-point).
    pub k: Option<String>,
    /// Lowest score (deduct-per-point).
    pub floor: Option<String>,
    /// Full marks from this 执行率 (deduct-per-point), percent.
    pub full_marks_at: Option<String>,
    /// [min rate %, share of weight] pairs (bands).
    pub bands: Option<Vec<[String; 2]>>,
    /// Whether 执行率 above 100% passes without a finding.
    pub allow_over_100: bool,
    /// The rule in Chinese.
    pub description: String,
}
