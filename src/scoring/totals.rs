//! Table-wide sums of the scoring: Σ 分值 against 100 and the 总分 row, Σ 得分 against 总分, 总分 against
//! the rule — each only over blocks that were read whole ([`Read`]): a sum over rows that were not read
//! is no finding at all. (The funds rows' sums are the rules' claims, judged once there.)

use super::{finding, FindingReport};
use crate::document::table::{Block, Table};
use crate::num::decimal::{self, round_half_up};
use crate::num::figure::Figure;
use crate::num::verdict::{check_sum, Verdict};
use crate::report::wording::check_message;
use crate::report::FindingKind;
use rust_decimal::Decimal;

/// What of a table was read, as the totals need it.
pub(super) struct Read {
    /// The funds block gave an 执行率 score: a rate (recomputed, or as stated) and its 分值.
    funds: bool,
    /// No figure of the funds block was left unplaced.
    funds_whole: bool,
    /// Indicator rows were read, none split or lost.
    indicators: bool,
    /// Every indicator row has its 分值, and so has the 执行率 row.
    weights: bool,
    /// Every row that has a 分值 has its stated 得分 (a blank one is computed and shown, not summed).
    stated: bool,
}

impl Read {
    pub(super) fn of(table: &Table, exec_scored: bool) -> Read {
        let rows = &table.indicators;
        let funds_weighted = table.funds.weight.is_some();
        Read {
            funds: exec_scored,
            funds_whole: !table.partial.contains(&Block::Funds),
            indicators: !rows.is_empty() && !table.partial.contains(&Block::Indicators),
            weights: funds_weighted && rows.iter().all(|r| r.weight.is_some()),
            stated: (!funds_weighted || table.funds.stated_score.is_some())
                && rows
                    .iter()
                    .all(|r| r.weight.is_none() || r.stated_score.is_some()),
        }
    }

    /// Whether a total may be given: both blocks read whole.
    pub(super) fn whole(&self) -> bool {
        self.funds && self.funds_whole && self.indicators
    }

    /// A `not_read` finding for each block not read whole, saying what is therefore not computed (the
    /// reader's own problems name the rows and cells).
    pub(super) fn not_read(&self, table: &Table, findings: &mut Vec<FindingReport>) {
        let mut messages = Vec::new();
        if table.indicators.is_empty() {
            messages.push("未能读出绩效指标行，未计算总分");
        } else if !self.indicators {
            messages.push("绩效指标行未能全部读出，未计算总分和分值合计");
        }
        if !self.funds {
            let none = table.funds.rows.is_empty() && table.funds.stated_rate.is_none();
            messages.push(if none {
                "未能读出资金（预算执行情况）部分，未计算执行率得分和总分"
            } else {
                "资金部分未读出执行率或其分值，未计算执行率得分和总分"
            });
        } else if !self.funds_whole {
            messages.push("资金部分未能全部读出，未计算总分");
        }
        for message in messages {
            findings.push(finding(
                FindingKind::NotRead,
                Verdict::NotComputable,
                message.to_string(),
                None,
                Some(table.span),
            ));
        }
    }
}

/// Σ 分值 including the 执行率 row; must be 100, and must equal the 总分 row's 分值. Only when every row
/// was read with its 分值: a sum of the rows that were read is not the table's.
pub(super) fn weights(
    table: &Table,
    read: &Read,
    findings: &mut Vec<FindingReport>,
) -> Option<Decimal> {
    if !(read.indicators && read.weights) {
        return None;
    }
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
/// A blank 得分 makes the sum incomplete: it is said so, never judged.
pub(super) fn stated_totals(
    table: &Table,
    read: &Read,
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
        if !(read.indicators && read.stated) {
            findings.push(finding(
                FindingKind::StatedTotal,
                Verdict::NotComputable,
                "有得分未填或指标行未全部读出，未核对总分与各项得分之和".to_string(),
                None,
                Some(stated.span),
            ));
            return Some(sum);
        }
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
