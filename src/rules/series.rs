//! Judging year-series tables ([`crate::document::series`]): each row's 比上年增长 (%) against its amount
//! and the amount of the row of the year before (kind `growth`).
//!
//! A ✗ must be right, so only a table whose every row has the header's width and whose years run one by
//! one is judged; the first year's growth (its prior is not in the table) is listed with its reason; and a
//! growth column most of whose rows disagree is more likely read under the wrong header than wrong in every
//! row: its ✗ are withdrawn and said.

use super::claim::{Claim, ClaimKind, Source};
use super::compare::{Compared, TableFigure};
use crate::document::series::{ColumnKind, SeriesCell, SeriesRow, SeriesTable};
use crate::error::Result;
use crate::num::rates::{rate, RateKind};
use crate::num::verdict::{check_rate, Verdict};
use crate::report::ProblemReport;
use std::collections::HashMap;

/// Judges every year-series table. Never panics: an overflow in one row is reported and the others are
/// still judged.
pub fn check(tables: &[SeriesTable]) -> Compared {
    let mut out = Compared::default();
    for t in tables {
        let mut reasons: HashMap<usize, String> = HashMap::new();
        let mut claims: Vec<(usize, Claim)> = Vec::new();
        match &t.unjudged {
            Some(why) => out.problems.push(ProblemReport {
                message: format!("{}：{why}", name(t)),
                span: Some([t.span.0, t.span.1]),
            }),
            None => {
                for r in &t.rows {
                    if let Err(e) = row(t, r, &mut claims, &mut reasons) {
                        out.problems.push(ProblemReport {
                            message: format!("{} 第 {} 行：{e}", name(t), r.line),
                            span: Some([r.span.0, r.span.1]),
                        });
                    }
                }
                guard_columns(t, &mut claims, &mut reasons, &mut out.problems);
            }
        }
        for r in &t.rows {
            for (c, col) in r.cells.iter().zip(&t.columns) {
                let Some(c) = c else { continue };
                let why = match (&t.unjudged, col.kind) {
                    (Some(why), _) => why.clone(),
                    (None, ColumnKind::UnplacedGrowth) => format!(
                        "“{}”列左边不是唯一的一列金额，无法确定是哪一列的增长，未核对",
                        col.name
                    ),
                    (None, ColumnKind::Other) => {
                        format!("表头“{}”不是可据以核对的比上年增长列，未核对", col.name)
                    }
                    (None, _) => "本行没有可据以核对此数的增长率，未核对".into(),
                };
                out.figures.push(TableFigure {
                    value: c.figure.value,
                    unit: if c.figure.is_percent() {
                        "%".into()
                    } else {
                        col.unit.clone()
                    },
                    span: c.span,
                    reason: reasons.remove(&c.span.0).unwrap_or(why),
                });
            }
        }
        out.claims.extend(claims.into_iter().map(|(_, c)| c));
    }
    out
}

/// The name a message gives the table.
fn name(t: &SeriesTable) -> &str {
    if t.title.is_empty() {
        "年度数据表"
    } else {
        &t.title
    }
}

/// The growth claims of one row: each growth column against its amount in this row and the year before's.
fn row(
    t: &SeriesTable,
    r: &SeriesRow,
    claims: &mut Vec<(usize, Claim)>,
    reasons: &mut HashMap<usize, String>,
) -> Result<()> {
    let prior_row = t.rows.iter().find(|p| p.year == r.year - 1);
    for (gi, col) in t.columns.iter().enumerate() {
        let ColumnKind::Growth { of } = col.kind else {
            continue;
        };
        let Some(stated) = r.cells.get(gi).and_then(Option::as_ref) else {
            continue;
        };
        let amount = t.columns.get(of).map_or("", |c| c.name.as_str());
        let cell = |row: &'_ SeriesRow| row.cells.get(of).and_then(Option::as_ref).cloned();
        let Some(prior_row) = prior_row else {
            let why = format!(
                "表中没有 {} 年的“{amount}”，无法核对 {} 年的增长",
                r.year - 1,
                r.year
            );
            reasons.entry(stated.span.0).or_insert(why);
            continue;
        };
        let (Some(current), Some(prior)) = (cell(r), cell(prior_row)) else {
            let why = format!(
                "{} 年或 {} 年的“{amount}”缺失，无法核对增长",
                r.year - 1,
                r.year
            );
            reasons.entry(stated.span.0).or_insert(why);
            continue;
        };
        let check = check_rate(
            |a, b| rate(RateKind::Growth, a, b),
            &current.figure,
            &prior.figure,
            &stated.figure,
        )?;
        let source = |c: &SeriesCell, year: i64| Source {
            name: format!("{year}年{amount}"),
            value: c.figure.value,
            span: Some(c.span),
        };
        let all = [current.span, prior.span, stated.span];
        let span = (
            all.iter().map(|s| s.0).min().unwrap_or(r.span.0),
            all.iter().map(|s| s.1).max().unwrap_or(r.span.1),
        );
        let mut claim = Claim::new(
            ClaimKind::Growth,
            check,
            span,
            vec![source(&current, r.year), source(&prior, prior_row.year)],
            "%",
        );
        claim.stated_span = Some(stated.span);
        claim.context = Some(format!("{} {} 年{}", name(t), r.year, col.name));
        claims.push((gi, claim));
    }
    Ok(())
}

/// A growth column most of whose rows disagree (two or more, over half): its ✗ are withdrawn, with the
/// reason on each figure and a problem on the table.
fn guard_columns(
    t: &SeriesTable,
    claims: &mut Vec<(usize, Claim)>,
    reasons: &mut HashMap<usize, String>,
    problems: &mut Vec<ProblemReport>,
) {
    for (ci, col) in t.columns.iter().enumerate() {
        let Some((wrong, total)) = super::compare::mostly_wrong(claims, ci) else {
            continue;
        };
        claims.retain(|(c, claim)| {
            let keep = *c != ci || claim.check.verdict != Verdict::Mismatch;
            if let (false, Some(s)) = (keep, claim.stated_span) {
                reasons.entry(s.0).or_insert_with(|| {
                    format!(
                        "“{}”列多数行与重算不符，疑为列未对齐或口径不同，未判为不一致",
                        col.name
                    )
                });
            }
            keep
        });
        problems.push(ProblemReport {
            message: format!("{}的“{}”列有 {wrong} 行（共 {total} 行）与重算不符，疑为列未对齐或口径不同，未判为不一致，请人工核对", name(t), col.name),
            span: Some([t.span.0, t.span.1]),
        });
    }
}
