//! Scoring 绩效自评表 under a preset (domain.md "Performance self-evaluation scoring").
//!
//! Indicator rows follow the national proportional rule (财预〔2020〕10号): `≥ t` met → w, else w × E / t;
//! `≤ t` met → w, over → w × (1 − (E − t) / t), 0 from 2t; `= 0` full only if E ≤ 0, other `= t` as `≥ t`;
//! qualitative rows by band (达成 80–100%, 部分达成 60–80%, 未达成 0–60% of w). The 执行率 row follows the
//! preset. Every stated figure is judged with [`check_rate`](crate::num::verdict::check_rate) /
//! [`check_sum`](crate::num::verdict::check_sum), so verdicts mean what they mean everywhere else in the crate.
//!
//! The report types are in `report`; the 执行率 row in `execution`, indicator rows in `indicators`,
//! and the table-wide sums of points (分值, 总分) in `totals`. The table's own arithmetic — its 执行率 and
//! fund rows — is judged by the rules (`rules::self_eval`); scoring only adds points and refers to those
//! claims.

use crate::document::table::{Cell, Span, Table};
use crate::error::Error;
use crate::num::decimal::{self, round_half_up};
use crate::num::verdict::Verdict;
use crate::report::{
    ExecutionReport, FindingKind, FindingReport, IndicatorReport, ScoreProblemReport, TableReport,
};
use crate::rules::Claim;
use preset::Preset;
use rust_decimal::Decimal;

mod execution;
mod indicators;
mod json;
pub mod preset;
mod spec;
mod totals;

/// Scores table `index` of a document under `preset`. The table's own arithmetic (its 执行率, its fund
/// rows) was judged by the rules; `claims` are those, and the report refers to them. Arithmetic that
/// overflows exact decimal range leaves the figure null.
///
/// # Example
/// ```
/// use juesuan::{review, Preset};
/// let text = "项目名称\t快递费\r\n\
///     项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\r\n\
///     \t年度资金总额\t239.00\t239.00\t226.54\t10\t94.79%\t8.70\r\n\
///     一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\r\n\
///     产出指标\t数量指标\t开展培训次数\t>=1 次\t=0 次\t6\t6\r\n";
/// let report = review(text, &Preset::proportional());
/// let t = &report.tables[0];
/// assert_eq!(t.execution.rate.as_deref(), Some("94.79"));
/// assert_eq!(t.execution.score.as_deref(), Some("9.48")); // 10 × 94.79%
/// assert_eq!(t.indicators[0].score.as_deref(), Some("0.00")); // 6 × 0 ÷ 1
/// assert_eq!(t.indicators[0].verdict, juesuan::Verdict::Mismatch);
/// ```
pub fn score_table(table: &Table, index: usize, preset: &Preset, claims: &[Claim]) -> TableReport {
    let mut findings = Vec::new();
    let (execution, exec_score) = execution::execution(table, index, preset, claims, &mut findings);
    let mut indicators = Vec::with_capacity(table.indicators.len());
    let mut rule_sum = Some(Decimal::ZERO);
    for row in &table.indicators {
        let (report, exact) = indicators::indicator(row, &mut findings);
        rule_sum = match (rule_sum, exact) {
            (Some(s), Some(e)) => decimal::add(s, round_half_up(e, 2)),
            _ => None,
        };
        indicators.push(report);
    }
    let read = totals::Read::of(table, exec_score.is_some());
    read.not_read(table, &mut findings);
    // Never a total of what was not read: both blocks whole, every row scored.
    let total = match (exec_score, rule_sum) {
        (Some(e), Some(s)) if read.whole() => decimal::add(e, s),
        _ => None,
    }
    .map(|t| round_half_up(t, 2));
    let weights_total = totals::weights(table, &read, &mut findings);
    let stated_scores_total = totals::stated_totals(table, &read, total, &mut findings);
    let grade = total.map(grade_of);
    let stated_grade = table
        .stated_total
        .as_ref()
        .map(|c| grade_of(c.figure.value));
    if let (Some(g), Some(s), Some(c)) = (grade, stated_grade, &table.stated_total) {
        if g != s {
            findings.push(finding(
                FindingKind::Grade,
                Verdict::Mismatch,
                format!(
                    "表中总分 {} 为“{s}”，按规则总分 {} 应为“{g}”",
                    c.figure.value,
                    total.map(|t| t.to_string()).unwrap_or_default()
                ),
                None,
                Some(c.span),
            ));
        }
    }
    let problems = table
        .problems
        .iter()
        .map(|p| ScoreProblemReport {
            row: p.row,
            message: p.message.clone(),
            span: [p.span.0, p.span.1],
        })
        .collect();
    TableReport {
        name: table.name.clone(),
        kind: table.kind.name(),
        span: [table.span.0, table.span.1],
        execution,
        indicators,
        weights_total: weights_total.map(|w| w.to_string()),
        stated_weights_total: text_of(&table.stated_weights_total),
        stated_total: text_of(&table.stated_total),
        stated_scores_total: stated_scores_total.map(|s| round_half_up(s, 2).to_string()),
        total: total.map(|t| t.to_string()),
        grade: grade.map(str::to_string),
        stated_grade: stated_grade.map(str::to_string),
        findings,
        problems,
    }
}

/// 优 ≥ 90, 良 [80, 90), 中 [60, 80), 差 < 60.
pub fn grade_of(total: Decimal) -> &'static str {
    if total >= Decimal::from(90) {
        "优"
    } else if total >= Decimal::from(80) {
        "良"
    } else if total >= Decimal::from(60) {
        "中"
    } else {
        "差"
    }
}

fn text_of(cell: &Option<Cell>) -> Option<String> {
    cell.as_ref().map(|c| c.figure.value.to_string())
}

fn finding(
    kind: FindingKind,
    verdict: Verdict,
    message: String,
    row: Option<usize>,
    span: Option<Span>,
) -> FindingReport {
    FindingReport {
        kind,
        verdict,
        message,
        row,
        span: span.map(|(s, e)| [s, e]),
    }
}

fn overflow(what: &str) -> Error {
    Error::Overflow {
        what: what.to_string(),
    }
}
