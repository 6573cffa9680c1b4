//! The 执行率 row: the rate recomputed from the funds block, the stated rate judged, the score under the preset.

use super::{finding, text_of, ExecutionReport, FindingReport};
use crate::decimal::round_half_up;
use crate::presets::Preset;
use crate::rates::{rate, Rate, RateKind};
use crate::report::check_message;
use crate::tables::Table;
use crate::verdict::{check_rate, Verdict};
use rust_decimal::Decimal;

/// The 执行率 row: the rate recomputed from the 年度资金总额 / 合计 row, the stated rate judged, the score under
/// the preset from the recomputed rate at 2 dp (the stated one when it cannot be recomputed).
pub(super) fn execution(
    table: &Table,
    preset: &Preset,
    findings: &mut Vec<FindingReport>,
) -> (ExecutionReport, Option<Decimal>) {
    let funds = &table.funds;
    let total = funds.total_row();
    let budget = total.and_then(|r| r.budget.as_ref());
    let executed = total.and_then(|r| r.executed.as_ref());
    let computed = match (budget, executed) {
        (Some(b), Some(e)) => rate(RateKind::Execution, b.figure.value, e.figure.value).ok(),
        _ => None,
    };
    let rounded = computed.and_then(|r| r.rounded(2));
    let stated = funds.stated_rate.as_ref();
    let basis = rounded.or(stated.map(|c| c.figure.value));
    let weight = funds.weight.as_ref().map(|c| c.figure.value);
    let score = match (basis, weight) {
        (Some(r), Some(w)) => preset.execution_score(r, w).ok(),
        _ => None,
    };
    let check = match (budget, executed, stated) {
        (Some(b), Some(e), Some(s)) => check_rate(
            |x, y| rate(RateKind::Execution, x, y),
            &b.figure,
            &e.figure,
            &s.figure,
        )
        .ok(),
        _ => None,
    };
    let mut message = match (&check, computed, budget, executed) {
        (Some(c), _, Some(b), Some(e)) => format!(
            "执行率 = {} ÷ {} × 100%：{}",
            e.figure.value,
            b.figure.value,
            check_message(c, "%")
        ),
        (None, Some(Rate::Value(_)), Some(b), Some(e)) => format!(
            "执行率 = {} ÷ {} × 100% = {}%（表中未填执行率）",
            e.figure.value,
            b.figure.value,
            rounded.map(|r| r.to_string()).unwrap_or_default()
        ),
        (None, Some(Rate::NotComputable(_)), _, _) => "全年预算数为 0，执行率无法计算".to_string(),
        _ => "未读到全年预算数和全年执行数，执行率无法重算".to_string(),
    };
    if let Some(s) = score {
        message.push_str(&format!(
            "；按“{}”规则得 {s} 分（{}）",
            preset.name,
            preset.describe()
        ));
    }
    if let Some(c) = &check {
        findings.push(finding(
            "execution_rate",
            c.verdict,
            format!("执行率：{}", check_message(c, "%")),
            None,
            stated.map(|s| s.span),
        ));
    }
    if let Some(r) = basis.filter(|r| *r > Decimal::ONE_HUNDRED && !preset.allow_over_100) {
        findings.push(finding(
            "execution_over_100",
            Verdict::Mismatch,
            format!("执行率 {r}% 超过 100%：全年执行数大于全年预算数，请核对"),
            None,
            executed.or(stated).map(|c| c.span),
        ));
    }
    if matches!(computed, Some(Rate::NotComputable(_))) {
        findings.push(finding(
            "execution_rate",
            Verdict::NotComputable,
            "全年预算数为 0，执行率无法计算，执行率得分无从核对".to_string(),
            None,
            budget.map(|c| c.span),
        ));
    }
    if let (Some(s), Some(c)) = (score, funds.stated_score.as_ref()) {
        let verdict = if round_half_up(s, c.figure.scale) == c.figure.value {
            Verdict::Ok
        } else {
            Verdict::Mismatch
        };
        findings.push(finding(
            "execution_score",
            verdict,
            format!(
                "执行率得分：按“{}”规则应得 {s} 分，表中填 {} 分{}",
                preset.name,
                c.figure.value,
                if verdict == Verdict::Ok {
                    "，一致"
                } else {
                    "，不一致"
                }
            ),
            None,
            Some(c.span),
        ));
    }
    let report = ExecutionReport {
        budget: budget.map(|c| c.figure.value.to_string()),
        executed: executed.map(|c| c.figure.value.to_string()),
        rate: rounded.map(|r| r.to_string()),
        stated_rate: stated.map(|c| c.figure.value.to_string()),
        score: score.map(|s| s.to_string()),
        stated_score: text_of(&funds.stated_score),
        weight: weight.map(|w| w.to_string()),
        verdict: check
            .as_ref()
            .map(|c| c.verdict.name().to_string())
            .or_else(|| {
                matches!(computed, Some(Rate::NotComputable(_)))
                    .then(|| "not_computable".to_string())
            }),
        message,
    };
    (report, score)
}
