//! Text copied out of a PDF: cells separated by spaces or line breaks, a cell broken over several lines
//! (`100.0⏎0%`, `=61.99 万⏎条`, `经济成本指⏎标`), an indicator name broken around its values.
//!
//! The text is cut into tokens (runs of non-space characters, [`tokens`]). Blocks are found by their
//! header words in the text with white space removed ([`compact`]); the funds block is read by
//! [`funds`]; an indicator row is anchored on its values (a target with a comparator or a qualitative word,
//! the result, 分值, 得分: [`rows`]), and the tokens between two rows' values are split into the previous
//! row's 偏差原因, category labels, and the next row's name ([`gaps`]).

use super::table::{Span, Table, TableKind};
use super::{runs, template};
use compact::Compact;
use tokens::Tok;

mod compact;
mod funds;
mod gaps;
mod rows;
mod tokens;

/// A value read from one or more tokens.
#[derive(Clone)]
struct Piece {
    text: String,
    span: Span,
    line: usize,
}

/// How the indicator columns are ordered.
#[derive(Clone, Copy)]
struct Layout {
    /// 分值 before 实际完成值 (the 部门整体 table: 预期指标值, 指标值设定依据, 分值权重, 实际完成指标值, 得分).
    weight_first: Option<bool>,
    /// 分值 before the target (安徽, 衔接资金: 分值, 年度指标值, 全年实际值, 得分).
    lead_weight: bool,
    /// Whether the rows have a 分值 column (湖北's 部门整体 table gives only 得分).
    has_weight: bool,
    /// Whether there is a 偏差原因 column.
    has_reason: bool,
}

/// Reads the table of one section of text copied out of a PDF (the document model cut it at its title;
/// `titled` when its first line is that title).
pub(super) fn read(text: &str, titled: bool) -> Vec<Table> {
    let mut buf = String::new();
    let toks = tokens::tokenize(text, &mut buf);
    Region::new(text, &toks, 0, toks.len())
        .read(titled)
        .filter(Table::has_content)
        .into_iter()
        .collect()
}

/// The tokens of one table: `a..b`, with their compact text.
struct Region<'a> {
    text: &'a str,
    toks: &'a [Tok<'a>],
    a: usize,
    b: usize,
    c: Compact<'a>,
}

impl<'a> Region<'a> {
    fn new(text: &'a str, toks: &'a [Tok<'a>], a: usize, b: usize) -> Region<'a> {
        Region {
            text,
            toks,
            a,
            b,
            c: Compact::new(toks, a, b),
        }
    }

    fn tok(&self, i: usize) -> Option<&'a Tok<'a>> {
        if i < self.b {
            self.toks.get(i)
        } else {
            None
        }
    }

    /// The token as written, or "" outside the region.
    fn raw(&self, i: usize) -> &'a str {
        self.tok(i).map_or("", |t| t.raw)
    }

    /// Joins tokens: a line break inside a cell joins with nothing, a space stays a space.
    fn join(&self, idx: &[usize]) -> String {
        self.join_by(idx.iter().copied(), |t| t.raw)
    }

    fn join_by(
        &self,
        idx: impl IntoIterator<Item = usize>,
        part: impl Fn(&Tok<'a>) -> &'a str,
    ) -> String {
        let mut s = String::new();
        let mut prev: Option<usize> = None;
        for i in idx {
            if let Some(t) = self.tok(i) {
                if !s.is_empty() && !t.nl_before && prev.is_some_and(|p| p + 1 == i) {
                    s.push(' ');
                }
                s.push_str(part(t));
                prev = Some(i);
            }
        }
        s
    }

    /// The input between two byte offsets with line breaks removed and spaces collapsed.
    fn collapse(&self, s: usize, e: usize) -> String {
        let mut out = String::new();
        let mut ws = String::new();
        for ch in self.text.get(s..e).unwrap_or("").chars() {
            if ch.is_whitespace() {
                ws.push(ch);
                continue;
            }
            if !ws.is_empty() && !out.is_empty() && !ws.contains('\n') {
                out.push(' ');
            }
            ws.clear();
            out.push(ch);
        }
        out
    }

    /// A piece made of tokens `first..=last`.
    fn piece(&self, first: usize, last: usize, text: String) -> Option<Piece> {
        let first = self.tok(first)?;
        let last = self.tok(last)?;
        Some(Piece {
            text,
            span: (first.start, last.end),
            line: first.line,
        })
    }

    fn read(&self, titled: bool) -> Option<Table> {
        let first = self.tok(self.a)?;
        let title = if titled {
            let line: Vec<usize> = (self.a..self.b)
                .take_while(|&i| self.tok(i).is_some_and(|t| t.line == first.line))
                .collect();
            self.join(&line)
        } else {
            String::new()
        };
        let kind = if title.contains("整体") {
            TableKind::Department
        } else {
            TableKind::Project
        };
        let mut table = Table::new(kind, &title, (first.start, first.end));
        if let Some(p) = self.c.find("项目名称", 0) {
            let s = p + 4;
            let e = ["主管部门", "项目负责人", "实施单位", "项目资金", "资金情况"]
                .iter()
                .filter_map(|w| self.c.find_near(w, s, 120))
                .min()
                .unwrap_or(s);
            if let (Some(so), Some(eo)) = (self.c.byte(s), self.c.byte(e)) {
                table.name = self.collapse(so, eo);
            }
        }
        let mut cursor = 0;
        // The funds header starts at its first amount column, whichever template names it.
        let h = ["年初预算", "全年预算", "调整后预算", "预算数(", "预算数（"]
            .iter()
            .filter_map(|w| self.c.find(w, 0))
            .min();
        if let Some(h) = h {
            let head_end = self.c.find_near("得分", h, 60).map_or(h + 4, |x| x + 1);
            let mut roles = runs::funds_roles_in(&self.c.text(h, head_end + 1));
            if roles.len() < 3 {
                // a header the words do not name: the national columns
                roles = vec![
                    template::Role::Initial,
                    template::Role::Budget,
                    template::Role::Executed,
                    template::Role::Weight,
                    template::Role::Rate,
                    template::Role::Score,
                ];
            }
            let end = ["年度总体目标", "预期目标", "一级指标", "总分"]
                .iter()
                .filter_map(|m| self.c.find(m, head_end))
                .min();
            let end_tok = end.and_then(|e| self.c.tok(e)).unwrap_or(self.b);
            let start_tok = self.c.tok_after(head_end).unwrap_or(self.b);
            self.funds(&mut table, start_tok, end_tok, &roles);
            if table.funds.weight.is_none() {
                // 预算执行情况（20分）or 得分（20分*执行率）: the points are in a caption, not a column
                let around = self.c.text(h.saturating_sub(24), head_end + 16);
                if let (Some(p), Some(span)) = (
                    template::caption_points(&around),
                    self.c
                        .tok(h)
                        .and_then(|k| self.tok(k))
                        .map(|t| (t.start, t.end)),
                ) {
                    table.funds.weight = Some(super::table::Cell {
                        figure: crate::num::figure::Figure::from_decimal(p),
                        span,
                    });
                }
            }
            cursor = end.unwrap_or(head_end);
        }
        let (layout, rows_from) = self.layout(cursor);
        let start_tok = if rows_from == 0 {
            self.a
        } else {
            self.c.tok_after(rows_from).unwrap_or(self.b)
        };
        let total_at = self.c.find("总分", rows_from);
        let end_tok = total_at.and_then(|t| self.c.tok(t)).unwrap_or(self.b);
        self.indicators(&mut table, start_tok, end_tok, layout);
        if let Some(t) = table.indicators.last() {
            table.span.1 = table.span.1.max(t.span.1);
        }
        if let Some(k) = total_at.and_then(|t| self.c.tok(t)) {
            self.totals(&mut table, k, layout.has_weight);
        }
        lost_rows(&mut table);
        Some(table)
    }

    /// The column order from the indicator header at or after compact char `cursor`, and the compact char
    /// where the rows begin: the header's words ([`runs::indicator_run`]) say which columns there are and
    /// in what order, whichever template it is.
    fn layout(&self, cursor: usize) -> (Layout, usize) {
        let Some(h) = self.c.find("一级指标", cursor) else {
            let layout = Layout {
                weight_first: None,
                lead_weight: false,
                has_weight: true,
                has_reason: true,
            };
            return (layout, cursor);
        };
        let (roles, used) = runs::indicator_run(&self.c.text(h, h + 160));
        let at = |r: template::Role| roles.iter().position(|x| *x == r);
        let target = at(template::Role::Target)
            .or(at(template::Role::Nature))
            .or(at(template::Role::Value));
        let layout = Layout {
            weight_first: match (at(template::Role::Weight), at(template::Role::Actual)) {
                (Some(w), Some(a)) => Some(w < a),
                _ => None,
            },
            lead_weight: matches!((at(template::Role::Weight), target), (Some(w), Some(t)) if w < t),
            has_weight: at(template::Role::Weight).is_some() || roles.len() < 3,
            has_reason: roles.contains(&template::Role::Reason),
        };
        // the last char of the header: the rows start at the token after it
        (layout, h + used.max(4) - 1)
    }
}

/// PDF text gives a row no boundary, so a row whose values the reader did not recognise leaves no trace
/// but the 总分 row: when the 分值 read (执行率 row included) do not add up to the 分值 the 总分 row
/// states, rows may be missing, and the block is not taken as read whole.
fn lost_rows(table: &mut Table) {
    let (Some(stated), Some(funds)) = (&table.stated_weights_total, &table.funds.weight) else {
        return;
    };
    let weights: Option<Vec<rust_decimal::Decimal>> = table
        .indicators
        .iter()
        .map(|r| r.weight.as_ref().map(|w| w.figure.value))
        .collect();
    let Some(read) = weights.and_then(|w| {
        w.into_iter()
            .try_fold(funds.figure.value, |s, x| s.checked_add(x))
    }) else {
        return;
    };
    if read == stated.figure.value || table.indicators.is_empty() {
        return;
    }
    let problem = super::table::Problem {
        row: table.indicators.first().map_or(0, |r| r.row),
        message: format!(
            "读出的分值合计 {read} 与总分行分值 {} 不符，可能有指标行未能读出",
            stated.figure.value
        ),
        span: stated.span,
    };
    table.not_whole(super::table::Block::Indicators, problem);
}
