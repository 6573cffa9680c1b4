//! Table-wide sums of the scoring: Σ 分值 against 100 and the 总分 row, Σ 得分 against 总分, 总分 against
//! the rule. (The funds rows' sums are the rules' claims, judged once there.)

use super::{finding, FindingReport};
use crate::document::table::Table;
use crate::num::decimal::{self, round_half_up};
use crate::num::figure::Figure;
use crate::num::verdict::{check_sum, Verdict};
use crate::report::wording::check_message;
use crate::report::FindingKind;
use rust_decimal::Decimal;

/// Σ 分值 including the 执行率 row; must be 100, and must equal the 总分 row's 分值.
pub(super) fn weights(table: &Table, findings: &mut Vec<FindingReport>) -> Option<Decimal> {
    let mut parts: Vec<Figure> = table
        .funds
        .weight
        .iter()
        .map(|c| c.figure.clone().into_exact())
        .collect();
    parts.extend(
        table
            .indicators
            .iter()
            .filter_map(|r| r.weight.as_ref())
            .map(|c| c.figure.clone().into_exact()),
    );
    let sum = parts
        .iter()
        .try_fold(Decimal::ZERO, |s, p| decimal::add(s, p.value))?;
    if parts.is_empty() {
        return None;
    }
    let ok = sum == Decimal::ONE_HUNDRED;
    findings.push(finding(
        FindingKind::WeightsTotal,
        if ok { Verdict::Ok } else { Verdict::Mismatch },
        if ok {
            format!("分值合计（含执行率）{sum}，等于 100")
        } else {
            format!("分值合计（含执行率）{sum}，应为 100")
        },
        None,
        Some(table.span),
    ));
    if let Some(stated) = &table.stated_weights_total {
        if let Ok(c) = check_sum(&stated.figure.clone().into_exact(), &parts) {
            findings.push(finding(
                FindingKind::StatedWeightsTotal,
                c.verdict,
                format!("总分行分值：{}", check_message(&c, "")),
                None,
                Some(stated.span),
            ));
        }
    }
    Some(sum)
}

/// Σ stated scores (执行率 row included) against the stated total, and the stated total against the rule.
pub(super) fn stated_totals(
    table: &Table,
    total: Option<Decimal>,
    findings: &mut Vec<FindingReport>,
) -> Option<Decimal> {
    let mut parts: Vec<Figure> = table
        .funds
        .stated_score
        .iter()
        .map(|c| c.figure.clone())
        .collect();
    parts.extend(
        table
            .indicators
            .iter()
            .filter_map(|r| r.stated_score.as_ref())
            .map(|c| c.figure.clone()),
    );
    if parts.is_empty() {
        return None;
    }
    let sum = parts
        .iter()
        .try_fold(Decimal::ZERO, |s, p| decimal::add(s, p.value))?;
    if let Some(stated) = &table.stated_total {
        if let Ok(c) = check_sum(&stated.figure, &parts) {
            findings.push(finding(
                FindingKind::StatedTotal,
                c.verdict,
                format!("总分与各项得分之和：{}", check_message(&c, " 分")),
                None,
                Some(stated.span),
            ));
        }
        if let Some(t) = total {
            let ok = round_half_up(t, stated.figure.scale) == stated.figure.value;
            findings.push(finding(
                FindingKind::RuleTotal,
                if ok { Verdict::Ok } else { Verdict::Mismatch },
                format!(
                    "表中总分 {} 分，按规则总分 {t} 分{}",
                    stated.figure.value,
                    if ok { "，一致" } else { "，不一致" }
                ),
                None,
                Some(stated.span),
            ));
        }
    }
    Some(sum)
}
