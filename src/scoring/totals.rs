//! Table-wide sums: funds rows against their total, Σ 分值 against 100 and the 总分 row, Σ 得分 against 总分.

use super::{finding, FindingReport};
use crate::decimal::{self, round_half_up};
use crate::figures::Figure;
use crate::report::check_message;
use crate::tables::{Cell, Table, TableKind};
use crate::verdict::{check_sum, Verdict};
use rust_decimal::Decimal;

/// Reads one amount column of a funds row.
type ColumnOf = fn(&crate::tables::FundsRow) -> Option<&Cell>;

/// 年度资金总额 = 当年财政拨款 + 其他资金, per column; 合计 = Σ 资金来源 rows (部门整体).
pub(super) fn funds_sums(table: &Table, findings: &mut Vec<FindingReport>) {
    let rows = &table.funds.rows;
    let (total, parts): (_, Vec<_>) = match table.kind {
        TableKind::Department => (
            rows.iter().find(|r| r.label.contains("合计")),
            rows.iter().filter(|r| !r.label.contains("合计")).collect(),
        ),
        TableKind::Project => (
            rows.iter().find(|r| r.label.contains("年度资金总额")),
            rows.iter()
                .filter(|r| r.label.contains("财政拨款") || r.label.contains("其他资金"))
                .collect(),
        ),
    };
    let Some(total) = total else { return };
    if parts.is_empty() {
        return;
    }
    let columns: [(&str, ColumnOf); 3] = [
        ("年初预算数", |r| r.initial.as_ref()),
        ("全年预算数", |r| r.budget.as_ref()),
        ("全年执行数", |r| r.executed.as_ref()),
    ];
    for (name, get) in columns {
        let Some(t) = get(total) else { continue };
        let figures: Vec<Figure> = parts
            .iter()
            .filter_map(|r| get(r))
            .map(|c| c.figure.clone())
            .collect();
        let Ok(check) = check_sum(&t.figure, &figures) else {
            continue;
        };
        let labels: Vec<String> = parts
            .iter()
            .filter_map(|r| get(r).map(|c| format!("{} {}", r.label, c.figure.value)))
            .collect();
        findings.push(finding(
            "funds_sum",
            check.verdict,
            format!(
                "{}（{name}）{} = {}：{}",
                total.label,
                t.figure.value,
                labels.join(" + "),
                check_message(&check, "")
            ),
            None,
            Some(total.span),
        ));
    }
}

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
        "weights_total",
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
                "stated_weights_total",
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
                "stated_total",
                c.verdict,
                format!("总分与各项得分之和：{}", check_message(&c, " 分")),
                None,
                Some(stated.span),
            ));
        }
        if let Some(t) = total {
            let ok = round_half_up(t, stated.figure.scale) == stated.figure.value;
            findings.push(finding(
                "rule_total",
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
