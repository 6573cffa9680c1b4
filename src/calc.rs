//! The quick calculators: one rate from two typed figures, an optional stated value judged against it, and
//! the 执行率 score under a preset. Shared by the CLI (`juesuan calc`) and the page.

use crate::error::Result;
use crate::num::figure::{align_money_units, parse_input, Figure};
use crate::num::rates::{rate, Rate, RateKind};
use crate::num::verdict::check_rate;
use crate::report::{CalcReport, CheckReport, SCHEMA};
use crate::scoring::preset::{Preset, PresetReport};
use rust_decimal::Decimal;
use serde::Serialize;

/// Computes one rate from its two inputs (in the kind's argument order) and judges `stated` if given.
///
/// # Errors
/// An unknown kind, an empty or malformed input (the message names the field and the text).
///
/// # Example
/// ```
/// let r = juesuan::calc::calculate("variance", "993.12", "1497.60", Some("50.80"))?;
/// assert_eq!(r.value.as_deref(), Some("50.80"));
/// assert_eq!(r.check.map(|c| c.verdict), Some(juesuan::Verdict::Ok));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn calculate(kind: &str, a: &str, b: &str, stated: Option<&str>) -> Result<CalcReport> {
    let kind = RateKind::parse(kind)?;
    let (fa, fb) = inputs(kind, a, b)?;
    let stated = match stated.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Some(parse_input("填报值", s)?),
        None => None,
    };
    let computed = rate(kind, fa.value, fb.value)?;
    let check = match &stated {
        Some(s) => Some(check_rate(|x, y| rate(kind, x, y), &fa, &fb, s)?),
        None => None,
    };
    Ok(CalcReport {
        schema: SCHEMA,
        kind: kind.name().to_string(),
        value: computed.rounded(2).map(|v| v.to_string()),
        label: computed.label().map(|l| l.text().to_string()),
        formula: formula(kind, &fa, &fb, computed),
        check: check.as_ref().map(|c| CheckReport::from_check(c, "%")),
    })
}

/// The two typed inputs of a rate, named in messages by the kind's field names; 10.00 万元 against
/// 60,000.00 元 are both put in 万元 before any arithmetic.
fn inputs(kind: RateKind, a: &str, b: &str) -> Result<(Figure, Figure)> {
    let (name_a, name_b) = kind.input_names();
    let mut pair = [parse_input(name_a, a)?, parse_input(name_b, b)?];
    align_money_units(&mut pair);
    let [fa, fb] = pair;
    Ok((fa, fb))
}

/// Only the rate at 2 dp as text, or its label when there is no number (`rate()` in JS).
///
/// # Errors
/// As [`calculate`].
///
/// # Example
/// ```
/// assert_eq!(juesuan::calc::rate_text("growth", "0.01", "0.00")?, "新增");
/// assert_eq!(juesuan::calc::rate_text("variance", "993.12", "1497.60")?, "50.80");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn rate_text(kind: &str, a: &str, b: &str) -> Result<String> {
    let kind = RateKind::parse(kind)?;
    let (fa, fb) = inputs(kind, a, b)?;
    let computed = rate(kind, fa.value, fb.value)?;
    Ok(match (computed.rounded(2), computed.label()) {
        (Some(v), _) => v.to_string(),
        (None, Some(label)) => label.text().to_string(),
        (None, None) => String::new(),
    })
}

/// The formula with the numbers, as the page shows it under a result.
pub fn formula(kind: RateKind, a: &Figure, b: &Figure, computed: Rate) -> String {
    let (x, y) = (a.text(), b.text());
    let expr = match kind {
        RateKind::Variance => format!("({y} − {x}) ÷ {x} × 100%"),
        RateKind::Completion | RateKind::Execution => format!("{y} ÷ {x} × 100%"),
        RateKind::Growth => format!("({x} − {y}) ÷ {y} × 100%"),
        RateKind::Share => format!("{x} ÷ {y} × 100%"),
    };
    match computed {
        Rate::Value(v) => format!(
            "{}：{expr} = {}%",
            kind.title(),
            crate::num::decimal::round_half_up(v, 2)
        ),
        Rate::NotComputable(label) => {
            let (name_a, name_b) = kind.input_names();
            let zero = if kind == RateKind::Growth || kind == RateKind::Share {
                name_b
            } else {
                name_a
            };
            format!(
                "{}：{zero}为 0，无法计算，标注“{}”",
                kind.title(),
                label.text()
            )
        }
    }
}

/// The 执行率 and its score under a preset (`executionScore()` in JS).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ExecutionScoreReport {
    /// Always [`SCHEMA`].
    pub schema: u32,
    /// 执行率 in percent at 2 dp, or null.
    pub rate: Option<String>,
    /// 无法计算 when the budget is 0.
    pub label: Option<String>,
    /// The score at 2 dp, or null when the rate cannot be computed.
    pub score: Option<String>,
    /// The row's weight (分值) as given.
    pub weight: String,
    /// The preset used.
    pub preset: PresetReport,
    /// The rule with the numbers, in Chinese.
    pub formula: String,
}

/// 执行率 = 执行数 ÷ 预算数 and its score under `preset` for a row of weight `weight`.
///
/// # Errors
/// Empty or malformed inputs.
pub fn execution_score(
    budget: &str,
    executed: &str,
    weight: &str,
    preset: &Preset,
) -> Result<ExecutionScoreReport> {
    let b = parse_input("全年预算数", budget)?;
    let e = parse_input("全年执行数", executed)?;
    let w = parse_input("分值", weight)?;
    let computed = rate(RateKind::Execution, b.value, e.value)?;
    let rounded = computed.rounded(2);
    let score = match rounded {
        Some(r) => Some(preset.execution_score(r, w.value)?),
        None => None,
    };
    let formula = match (rounded, score) {
        (Some(r), Some(s)) => format!(
            "执行率 {r}%，分值 {}，{}：得分 {s}",
            w.value,
            preset.describe()
        ),
        _ => "全年预算数为 0，执行率无法计算，无法评分".to_string(),
    };
    Ok(ExecutionScoreReport {
        schema: SCHEMA,
        rate: rounded.map(|r| r.to_string()),
        label: computed.label().map(|l| l.text().to_string()),
        score: score.map(|s| s.to_string()),
        weight: w.value.to_string(),
        preset: preset.to_report(),
        formula,
    })
}

/// Parses an optional decimal parameter such as k.
///
/// # Errors
/// A malformed figure.
pub fn parse_param(field: &str, text: Option<&str>) -> Result<Option<Decimal>> {
    match text.map(str::trim).filter(|s| !s.is_empty()) {
        Some(t) => Ok(Some(parse_input(field, t)?.value)),
        None => Ok(None),
    }
}
