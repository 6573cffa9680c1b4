//! Judging comparison tables ([`crate::document::compare`]): in each placed row, 增减额 = 本期 − 上期 (kind
//! `difference`; 决算 − 预算 in a budget table), 增减率 = 增减 ÷ 上期 (`growth`; `variance` against a
//! budget), 完成率 / 执行率 = 决算 ÷ 预算 (`completion` / `execution`); and a total against its numbered
//! parts in every amount column (`sum`, [`sums`]).
//!
//! A ✗ must be right, so a reading that could be wrong is not judged but listed with its reason: a figure
//! whose column is uncertain, a 差额 whose direction the table does not settle, a rate column written
//! without % whose figures fit as fractions, and a column most of whose rows disagree (more likely read
//! under the wrong header than wrong in every row).

mod rows;
mod sums;

use super::claim::Claim;
use crate::document::compare::{Cell, Cells, CompareTable, Role, Row};
use crate::document::Span;
use crate::error::Result;
use crate::num::verdict::Verdict;
use crate::report::ProblemReport;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A figure of a comparison table and why it was not checked (listed only when no claim used it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableFigure {
    /// The figure as written (a 下降 5% is 5).
    pub value: Decimal,
    /// 元 / 万元 / % / empty.
    pub unit: String,
    /// Where it is.
    pub span: Span,
    /// Why no claim used it, in Chinese.
    pub reason: String,
}

/// The claims of the comparison tables, their figures, and the rows that could not be read.
#[derive(Debug, Default)]
pub struct Compared {
    /// Every claim, table by table.
    pub claims: Vec<Claim>,
    /// Every figure of every row.
    pub figures: Vec<TableFigure>,
    /// Rows that could not be aligned with their header, and columns not judged.
    pub problems: Vec<ProblemReport>,
}

/// Judges every comparison table. Never panics: an overflow in one row is reported and the other rows are
/// still judged.
pub fn check(tables: &[CompareTable]) -> Compared {
    let mut out = Compared::default();
    for t in tables {
        let mut j = Judge {
            t,
            claims: Vec::new(),
            reasons: HashMap::new(),
            problems: Vec::new(),
        };
        j.judge();
        for r in &t.rows {
            for c in r.figures() {
                let percent = c.figure.is_percent();
                out.figures.push(TableFigure {
                    value: if c.negated {
                        -c.figure.value
                    } else {
                        c.figure.value
                    },
                    unit: if percent { "%".into() } else { t.unit.clone() },
                    span: c.span,
                    reason: j.reasons.remove(&c.span.0).unwrap_or_else(|| {
                        "本行没有可据以核对此数的增减数、比率或合计，未核对".into()
                    }),
                });
            }
        }
        out.claims.extend(j.claims.into_iter().map(|(_, c)| c));
        out.problems.extend(j.problems);
    }
    out
}

/// The judging of one table.
struct Judge<'a> {
    t: &'a CompareTable,
    /// Claims with the column of their stated figure.
    claims: Vec<(usize, Claim)>,
    /// Why a figure (by its span's start) was not checked; the first reason given stands.
    reasons: HashMap<usize, String>,
    problems: Vec<ProblemReport>,
}

/// The name a message gives a row: its line and label.
fn row_name(r: &Row) -> String {
    let label: String = r
        .label
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    format!("第 {} 行“{}”", r.line, label.trim())
}

impl Judge<'_> {
    fn reason(&mut self, c: &Cell, why: String) {
        self.reasons.entry(c.span.0).or_insert(why);
    }

    fn problem(&mut self, r: &Row, message: String) {
        self.problems.push(ProblemReport {
            message,
            span: Some([r.span.0, r.span.1]),
        });
    }

    fn column(&self, role: Role) -> Option<usize> {
        self.t.columns.iter().position(|c| c.role == role)
    }

    fn judge(&mut self) {
        let t = self.t;
        let n = t.columns.len();
        let mut unsigned = Vec::new();
        for r in &t.rows {
            match &r.cells {
                Cells::Heading => {}
                Cells::Placed(cells) => {
                    if let Err(e) = self.row(r, cells, &mut unsigned) {
                        self.problem(r, format!("{}：{e}", row_name(r)));
                    }
                }
                Cells::Zeros(cs) | Cells::Unplaced(cs) => {
                    let zeros = matches!(r.cells, Cells::Zeros(_));
                    for c in cs {
                        let why = if zeros {
                            format!("本行只有 {} 个数（均为 0），少于表头的 {n} 列，无法确定所在的列；只能在合计中按 0 计入，未单独核对", cs.len())
                        } else {
                            format!(
                                "本行只有 {} 个数，少于表头的 {n} 列，无法确定各数所在的列，未核对",
                                cs.len()
                            )
                        };
                        self.reason(c, why);
                    }
                }
                Cells::Malformed(cs, why) => {
                    self.problem(
                        r,
                        format!("{}：{why}；该行未核对，其他行照常核对", row_name(r)),
                    );
                    for c in cs {
                        self.reason(c, "本行无法与表头对齐（见问题列表），未核对".into());
                    }
                }
            }
        }
        if let Err(e) = self.unsigned_changes(&unsigned) {
            self.problems.push(ProblemReport {
                message: format!("差额：{e}"),
                span: Some([t.span.0, t.span.1]),
            });
        }
        self.guard_columns();
        sums::sums(self);
    }

    /// The row's claims; a 差额 whose direction the table must settle is kept in `unsigned`.
    fn row<'r>(
        &mut self,
        r: &'r Row,
        cells: &'r [Option<Cell>],
        unsigned: &mut Vec<(&'r Row, &'r [Option<Cell>], usize)>,
    ) -> Result<()> {
        for (ci, col) in self.t.columns.iter().enumerate() {
            let Some(stated) = cells.get(ci).and_then(Option::as_ref) else {
                continue;
            };
            match col.role {
                Role::Base | Role::Current => {}
                Role::Change { sign_known: true } => {
                    if let Some(claim) = self.change(r, cells, ci, false)? {
                        self.claims.push((ci, claim));
                    }
                }
                Role::Change { sign_known: false } => unsigned.push((r, cells, ci)),
                Role::Rate(kind) => self.rate(r, cells, ci, kind)?,
                Role::Other => {
                    let why = format!("表头“{}”不适用于这两列的比较，未核对", col.name);
                    self.reason(stated, why);
                }
            }
        }
        Ok(())
    }

    /// A derived column most of whose rows disagree (two or more, over half) is more likely read under
    /// the wrong header than wrong in every row: its ✗ are withdrawn and listed with the reason.
    fn guard_columns(&mut self) {
        for ci in 0..self.t.columns.len() {
            let Some((wrong, total)) = mostly_wrong(&self.claims, ci) else {
                continue;
            };
            let name = self.t.columns[ci].name.clone();
            let mut withdrawn = Vec::new();
            self.claims.retain(|(c, claim)| {
                let keep = *c != ci || claim.check.verdict != Verdict::Mismatch;
                if !keep {
                    withdrawn.extend(claim.stated_span);
                }
                keep
            });
            for s in withdrawn {
                self.reasons.entry(s.0).or_insert_with(|| {
                    format!("“{name}”列多数行与重算不符，疑为列未对齐或口径不同，未判为不一致")
                });
            }
            let title = if self.t.title.is_empty() {
                "对比表"
            } else {
                &self.t.title
            };
            self.problems.push(ProblemReport {
                message: format!("{title}的“{name}”列有 {wrong} 行（共 {total} 行）与重算不符，疑为列未对齐或口径不同，未判为不一致，请人工核对"),
                span: Some([self.t.span.0, self.t.span.1]),
            });
        }
    }
}

/// A row's cells by column (all None when not placed).
fn cells_of(r: &Row) -> Vec<Option<&Cell>> {
    match &r.cells {
        Cells::Placed(cs) => cs.iter().map(Option::as_ref).collect(),
        _ => Vec::new(),
    }
}

/// Whether column `ci` of a table's claims (column, claim) disagrees in two or more rows and in over half
/// of them (then how many disagree, of how many): such a column is more likely read under the wrong header
/// than wrong in every row.
pub(crate) fn mostly_wrong(claims: &[(usize, Claim)], ci: usize) -> Option<(usize, usize)> {
    let of_column = claims.iter().filter(|(c, _)| *c == ci);
    let total = of_column.clone().count();
    let wrong = of_column
        .filter(|(_, c)| c.check.verdict == Verdict::Mismatch)
        .count();
    (wrong >= 2 && wrong * 2 > total).then_some((wrong, total))
}
