//! The 执行率 row's points: the rate comes from [`execution_rate`] (the same computation the rule that
//! judges the stated rate uses) and its verdict from that rule's claim; scoring adds the score under the
//! preset and judges the stated score.

use super::{finding, text_of, ExecutionReport, FindingReport};
use crate::document::table::Table;
use crate::num::decimal::round_half_up;
use crate::num::rates::Rate;
use crate::num::verdict::Verdict;
use crate::report::{wording, FindingKind};
use crate::rules::{execution_rate, Claim, ClaimKind};
use crate::scoring::preset::Preset;
use rust_decimal::Decimal;

/// The 执行率 row of table `index`: the rate recomputed from the 年度资金总额 / 合计 row, the score under the
/// preset from the recomputed rate at 2 dp (the stated one when it cannot be recomputed).
pub(super) fn execution(
    table: &Table,
    index: usize,
    preset: &Preset,
    claims: &[Claim],
    findings: &mut Vec<FindingReport>,
) -> (ExecutionReport, Option<Decimal>) {
    let funds = &table.funds;
    let r = execution_rate(table);
    let rounded = r.rate.and_then(|v| v.rounded(2));
    let stated = funds.stated_rate.as_ref();
    let basis = rounded.or(stated.map(|c| c.figure.value));
    let weight = funds.weight.as_ref().map(|c| c.figure.value);
    let score = match (basis, weight) {
        (Some(rate), Some(w)) => preset.execution_score(rate, w).ok(),
        _ => None,
    };
    // The rule's judgement of the stated rate, if it made one.
    let judged = claims
        .iter()
        .position(|c| c.table == Some(index) && c.kind == ClaimKind::Execution);
    let judged_claim = judged.and_then(|i| claims.get(i));
    let mut message = match (judged_claim, r.rate, r.budget, r.executed) {
        (Some(c), _, Some(b), Some(e)) => format!(
            "执行率 = {} ÷ {} × 100%：{}",
            e.figure.value,
            b.figure.value,
            wording::check_message(&c.check, "%")
        ),
        (None, Some(Rate::Value(_)), Some(b), Some(e)) => format!(
            "执行率 = {} ÷ {} × 100% = {}%（表中未填执行率）",
            e.figure.value,
            b.figure.value,
            rounded.map(|v| v.to_string()).unwrap_or_default()
        ),
        (_, Some(Rate::NotComputable(_)), _, _) => "全年预算数为 0，执行率无法计算".to_string(),
        _ => "未读到全年预算数和全年执行数，执行率无法重算".to_string(),
    };
    if let Some(s) = score {
        message.push_str(&format!(
            "；按“{}”规则得 {s} 分（{}）",
            preset.title(),
            preset.describe()
        ));
    }
    if let Some(rate) = basis.filter(|v| *v > Decimal::ONE_HUNDRED && !preset.allow_over_100) {
        findings.push(finding(
            FindingKind::ExecutionOver100,
            Verdict::Mismatch,
            format!("执行率 {rate}% 超过 100%：全年执行数大于全年预算数，请核对"),
            None,
            r.executed.or(stated).map(|c| c.span),
        ));
    }
    if matches!(r.rate, Some(Rate::NotComputable(_))) && judged.is_none() {
        findings.push(finding(
            FindingKind::ExecutionRate,
            Verdict::NotComputable,
            "全年预算数为 0，执行率无法计算，执行率得分无从核对".to_string(),
            None,
            r.budget.map(|c| c.span),
        ));
    }
    if let (Some(s), Some(c)) = (score, funds.stated_score.as_ref()) {
        let verdict = if round_half_up(s, c.figure.scale) == c.figure.value {
            Verdict::Ok
        } else {
            Verdict::Mismatch
        };
        findings.push(finding(
            FindingKind::ExecutionScore,
            verdict,
            format!(
                "执行率得分：按“{}”规则应得 {s} 分，表中填 {} 分{}",
                preset.title(),
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
        budget: r.budget.map(|c| c.figure.value.to_string()),
        executed: r.executed.map(|c| c.figure.value.to_string()),
        rate: rounded.map(|v| v.to_string()),
        stated_rate: stated.map(|c| c.figure.value.to_string()),
        score: score.map(|s| s.to_string()),
        stated_score: text_of(&funds.stated_score),
        weight: weight.map(|w| w.to_string()),
        verdict: judged_claim.map(|c| c.check.verdict).or_else(|| {
            matches!(r.rate, Some(Rate::NotComputable(_))).then_some(Verdict::NotComputable)
        }),
        claim: judged,
        message,
    };
    (report, score)
}
