//! Scoring presets as data: how the 执行率 row is scored. The user picks one; every result names it.
//!
//! - `proportional` (national default, 财预〔2020〕10号): w × min(执行率, 100%) / 100%.
//! - `deduct-per-point`: w − k × (100 − 执行率), not below a floor; optionally full marks from a threshold.
//!   Inferred from real tables (k = 0.25 reproduces the seed's 94.79% → 8.70 and 66.36% → 1.59).
//! - `bands`: fixed shares of the weight by 执行率 band (e.g. 100% → 10, [80,100) → 7, [60,80) → 5, else 0).
//!
//! The score is computed from the 执行率 as tables state it, rounded to 2 dp, then rounded half-up to 2 dp.

use crate::decimal::{self, round_half_up};
use crate::error::{Error, Result};
use crate::rates::sub;
use rust_decimal::Decimal;
use serde::Serialize;

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

/// A preset's parameters as given, before validation ([`Preset::from_parts`]).
#[derive(Debug, Clone, Default)]
pub struct PresetParts<'a> {
    /// The preset's name (defaults to the rule's).
    pub name: Option<&'a str>,
    /// `proportional`, `deduct-per-point` or `bands`.
    pub rule: &'a str,
    /// deduct-per-point: points per percentage point (default 0.25).
    pub k: Option<Decimal>,
    /// deduct-per-point: the lowest score (default 0).
    pub floor: Option<Decimal>,
    /// deduct-per-point: full marks from this 执行率, percent.
    pub full_marks_at: Option<Decimal>,
    /// bands: (min rate %, share of the weight).
    pub bands: Option<Vec<Band>>,
    /// Whether 执行率 above 100% passes without a finding.
    pub allow_over_100: bool,
}

/// Reads bands written as `100:1,80:0.7,60:0.5,0:0` (min rate %, share of the weight).
///
/// # Errors
/// [`Error::BadPreset`] naming the malformed band.
pub fn parse_bands(text: &str) -> Result<Vec<Band>> {
    text.split([',', '，', ';', '；'])
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .map(|band| {
            let bad = || Error::BadPreset {
                reason: format!("分档“{band}”应写作 执行率下限:得分比例，如 80:0.7"),
            };
            let (min, share) = band.split_once([':', '：']).ok_or_else(bad)?;
            let number = |t: &str| {
                Decimal::from_str_exact(t.trim().trim_end_matches('%')).map_err(|_| bad())
            };
            Ok(Band {
                min_rate: number(min)?,
                share: number(share)?,
            })
        })
        .collect()
}

/// A named scoring preset.
#[derive(Debug, Clone, PartialEq, Eq)]
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
            rule => Preset::from_parts(PresetParts {
                rule,
                k,
                ..PresetParts::default()
            }),
        }
    }

    /// Reads a preset from its JSON form: `{"name", "execution": {"rule", "k", "floor", "fullMarksAt",
    /// "bands"}, "allowOver100"}`, or the flat form [`Preset::to_report`] gives (`rule`, `k`, … at the top).
    /// Numbers may be strings or JSON numbers; a JSON number is read from its text, never through a float.
    ///
    /// # Errors
    /// [`Error::BadPreset`] naming what is wrong: not JSON, an unknown rule, a missing or negative k, a band
    /// share outside 0–1.
    ///
    /// # Example
    /// ```
    /// use juesuan::presets::Preset;
    /// let p = Preset::from_json(r#"{"name":"my-rule","execution":{"rule":"deduct-per-point","k":"0.25","floor":"0","fullMarksAt":"99.5"}}"#)?;
    /// let d = |s: &str| s.parse::<rust_decimal::Decimal>();
    /// assert_eq!(p.execution_score(d("99.87")?, d("10")?)?.to_string(), "10.00");
    /// assert_eq!(p.execution_score(d("94.79")?, d("10")?)?.to_string(), "8.70");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Preset> {
        let bad = |reason: String| Error::BadPreset { reason };
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| {
            bad(format!(
                "不是有效的 JSON（第 {} 行第 {} 列）",
                e.line(),
                e.column()
            ))
        })?;
        let top = value
            .as_object()
            .ok_or_else(|| bad("应为一个 JSON 对象".into()))?;
        let exec = match top.get("execution") {
            Some(serde_json::Value::Object(o)) => o,
            Some(_) => return Err(bad("“execution”应为一个对象".into())),
            None => top,
        };
        let rule = match exec.get("rule") {
            None => "proportional",
            Some(serde_json::Value::String(s)) => s.trim(),
            Some(_) => return Err(bad("“rule”应为字符串".into())),
        };
        let name = match top.get("name") {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s.trim()),
            None | Some(serde_json::Value::Null | serde_json::Value::String(_)) => None,
            Some(_) => return Err(bad("“name”应为字符串".into())),
        };
        let allow_over_100 = match top.get("allowOver100").or_else(|| exec.get("allowOver100")) {
            None | Some(serde_json::Value::Null) => false,
            Some(serde_json::Value::Bool(b)) => *b,
            Some(_) => return Err(bad("“allowOver100”应为 true 或 false".into())),
        };
        let bands = match rule {
            "bands" => Some(json_bands(exec.get("bands"))?),
            _ => None,
        };
        Preset::from_parts(PresetParts {
            name,
            rule,
            k: json_decimal(exec.get("k"), "k")?,
            floor: json_decimal(exec.get("floor"), "floor")?,
            full_marks_at: json_decimal(exec.get("fullMarksAt"), "fullMarksAt")?,
            bands,
            allow_over_100,
        })
    }

    /// Builds and checks a preset from its parameters: the one place a preset's parameters are validated
    /// (JSON presets, the page's custom rule and the built-in names all come through here).
    ///
    /// # Errors
    /// [`Error::BadPreset`]: an unknown rule, a negative k or floor, a threshold outside 0–100, bands
    /// missing or with a share outside 0–1.
    pub fn from_parts(parts: PresetParts<'_>) -> Result<Preset> {
        let bad = |reason: String| Error::BadPreset { reason };
        let rule = parts.rule.trim();
        let execution = match rule {
            "" | "proportional" => ExecutionRule::Proportional,
            "deduct-per-point" => {
                let k = parts.k.unwrap_or(Decimal::new(25, 2));
                let floor = parts.floor.unwrap_or(Decimal::ZERO);
                if k.is_sign_negative() || floor.is_sign_negative() {
                    return Err(bad(format!(
                        "k 与 floor 不能为负数：k = {k}，floor = {floor}"
                    )));
                }
                if parts
                    .full_marks_at
                    .is_some_and(|t| t.is_sign_negative() || t > Decimal::ONE_HUNDRED)
                {
                    return Err(bad("fullMarksAt 应在 0 到 100 之间".into()));
                }
                ExecutionRule::DeductPerPoint {
                    k,
                    floor,
                    full_marks_at: parts.full_marks_at,
                }
            }
            "bands" => {
                let mut bands = parts.bands.filter(|b| !b.is_empty()).ok_or_else(|| {
                    bad("分档规则需要“bands”：[[执行率下限, 得分比例], …]".into())
                })?;
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
                    "未知的规则“{other}”（可选 proportional、deduct-per-point、bands）"
                )))
            }
        };
        let name = parts
            .name
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
            allow_over_100: parts.allow_over_100,
        })
    }

    /// The 执行率 score for a rate (percent, as stated: 2 dp) and weight, rounded half-up to 2 dp.
    ///
    /// # Errors
    /// Only on overflow.
    ///
    /// # Example
    /// ```
    /// use juesuan::presets::Preset;
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
    /// The preset's name.
    pub name: String,
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

/// A decimal parameter from a JSON string or number (read from the number's text, never through a binary float).
fn json_decimal(value: Option<&serde_json::Value>, field: &str) -> Result<Option<Decimal>> {
    let text = match value {
        None | Some(serde_json::Value::Null) => return Ok(None),
        Some(serde_json::Value::String(s)) => s.trim().to_string(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => {
            return Err(Error::BadPreset {
                reason: format!("“{field}”应为数字或数字字符串"),
            })
        }
    };
    let text = text.strip_suffix('%').unwrap_or(&text).trim().to_string();
    Decimal::from_str_exact(&text)
        .or_else(|_| Decimal::from_scientific(&text))
        .map(Some)
        .map_err(|_| Error::BadPreset {
            reason: format!("“{field}”不是有效的数字：“{text}”"),
        })
}

/// `[[min rate, share], …]`, sorted highest first.
fn json_bands(value: Option<&serde_json::Value>) -> Result<Vec<Band>> {
    let bad = |reason: &str| Error::BadPreset {
        reason: reason.to_string(),
    };
    let list = value
        .and_then(serde_json::Value::as_array)
        .filter(|l| !l.is_empty())
        .ok_or_else(|| bad("分档规则需要“bands”：[[执行率下限, 得分比例], …]"))?;
    let mut bands = Vec::with_capacity(list.len());
    for item in list {
        let pair = item
            .as_array()
            .filter(|p| p.len() == 2)
            .ok_or_else(|| bad("“bands”的每一项应为 [执行率下限, 得分比例]"))?;
        let min_rate =
            json_decimal(pair.first(), "bands 执行率下限")?.ok_or_else(|| bad("执行率下限缺失"))?;
        let share =
            json_decimal(pair.get(1), "bands 得分比例")?.ok_or_else(|| bad("得分比例缺失"))?;
        bands.push(Band { min_rate, share });
    }
    Ok(bands)
}
