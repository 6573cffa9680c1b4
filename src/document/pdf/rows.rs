//! Indicator rows anchored on their values: a target (with a comparator, or a qualitative word), the
//! result, 分值 and 得分 — or, in a 部门整体 table, target, 分值, result, 得分.

use super::super::table::{Block, Problem};
use super::gaps::Building;
use super::tokens::{continues_number, is_plain_number, is_unit_like, skip_chars};
use super::{Layout, Piece, Region, Table};
use crate::num::figure::parse_figure;

/// An indicator row's values as found.
pub(super) struct Found {
    /// The token after the row's values.
    pub end: usize,
    pub target: Piece,
    pub actual: Piece,
    /// None in a table without a 分值 column.
    pub weight: Option<Piece>,
    pub score: Piece,
}

/// What starts at a token that may begin a row's values.
enum Start {
    Row(Found),
    /// A row whose target and result read but whose 分值 or 得分 does not, and the token to go on from.
    Unreadable(Problem, usize),
    Nothing,
}

impl Region<'_> {
    /// Reads the indicator rows in tokens `from..to`.
    pub(super) fn indicators(&self, table: &mut Table, from: usize, to: usize, layout: Layout) {
        let mut rows: Vec<Building> = Vec::new();
        let mut levels = (String::new(), String::new());
        let (mut i, mut gap_start) = (from, from);
        while i < to {
            // A row's values begin with a comparator or a qualitative word — or, in a table whose targets
            // carry none (`100 人次`), with four figures in a row: target, result, 分值, 得分.
            let bare = self.bare_start(i, layout);
            let starts = if layout.lead_weight {
                // 分值 first: the row's values begin at the 分值 before its target
                self.lead_start(i)
            } else {
                bare || self.tok(i).is_some_and(|t| t.cmp > 0 || t.qual)
            };
            if !starts {
                i += 1;
                continue;
            }
            match self.row(i, layout, bare) {
                Start::Row(f) => {
                    let end = f.end.max(i + 1);
                    let gap = (gap_start, i);
                    self.gap(
                        gap,
                        Some(f),
                        &mut rows,
                        &mut levels,
                        layout,
                        &mut table.problems,
                    );
                    i = end;
                    gap_start = end;
                }
                Start::Unreadable(p, next) => {
                    // a row seen but not read: the block is not whole, so no total is given over it
                    table.not_whole(Block::Indicators, p);
                    i = next.max(i + 1);
                }
                Start::Nothing => i += 1,
            }
        }
        let gap = (gap_start, to);
        self.gap(
            gap,
            None,
            &mut rows,
            &mut levels,
            layout,
            &mut table.problems,
        );
        table.indicators.extend(rows.into_iter().map(|b| b.row));
    }

    /// The row whose values begin at token `i`. The target is read once and shared by both column orders.
    fn row(&self, i: usize, layout: Layout, bare: bool) -> Start {
        if layout.lead_weight {
            return self.weight_led(i);
        }
        let Some((e1, target)) = self.value(i, !bare) else {
            return Start::Nothing;
        };
        if !layout.has_weight {
            // target, 实际完成值, 得分: the row has no 分值 to read
            let found = self.value(e1, false).and_then(|(e2, actual)| {
                let (end, score) = self.number(e2)?;
                Some(Found {
                    end,
                    target,
                    actual,
                    weight: None,
                    score,
                })
            });
            return found.map_or(Start::Nothing, Start::Row);
        }
        // Err(Some(e2)): the result read and ends before token e2, but 分值 or 得分 did not.
        let actual_first = match layout.weight_first {
            Some(true) => Err(None),
            _ => self.actual_first(e1, &target),
        };
        let actual_first = match actual_first {
            Ok(f) => return Start::Row(f),
            Err(e2) => e2,
        };
        if layout.weight_first != Some(false) {
            if let Some(f) = self.weight_first(e1, target) {
                return Start::Row(f);
            }
        }
        match actual_first.and_then(|e2| self.unreadable(i, e2)) {
            Some((p, next)) => Start::Unreadable(p, next),
            None => Start::Nothing,
        }
    }

    /// Whether token `i` starts the values of a row whose target has no comparator: a figure, another
    /// figure, then two plain numbers, after text (so never inside a run of figures).
    fn bare_start(&self, i: usize, layout: Layout) -> bool {
        let figure = |k: usize| {
            self.tok(k).is_some_and(|t| {
                t.cmp == 0
                    && t.norm.starts_with(|c: char| c.is_ascii_digit())
                    && parse_figure(t.norm).is_ok()
            })
        };
        let plain = |k: usize| self.tok(k).is_some_and(|t| is_plain_number(t.norm));
        let after_text = i == 0
            || self
                .tok(i - 1)
                .is_some_and(|t| !t.norm.starts_with(|c: char| c.is_ascii_digit()) && t.cmp == 0);
        // target, result, then 分值 and 得分 — or 得分 alone in a table without 分值
        let points = if layout.has_weight {
            plain(i + 2) && plain(i + 3) && !plain(i + 4)
        } else {
            plain(i + 2) && !plain(i + 3)
        };
        layout.weight_first != Some(true) && after_text && figure(i) && figure(i + 1) && points
    }

    /// Whether token `i` is the 分值 that starts a row of a 分值-first table: a plain number after text,
    /// then a target (with a comparator, a qualitative word, or a figure followed by the result and 得分).
    fn lead_start(&self, i: usize) -> bool {
        let plain = |k: usize| self.tok(k).is_some_and(|t| is_plain_number(t.norm));
        let after_text = i == 0 || self.tok(i - 1).is_some_and(|t| !is_plain_number(t.norm));
        let next = self.tok(i + 1);
        let target = next.is_some_and(|t| t.cmp > 0 || t.qual)
            || (next.is_some_and(|t| parse_figure(t.norm).is_ok())
                && self
                    .tok(i + 2)
                    .is_some_and(|t| parse_figure(t.norm).is_ok())
                && plain(i + 3));
        plain(i) && after_text && target
    }

    /// 分值, target, 实际完成值, 得分 from token `i`.
    fn weight_led(&self, i: usize) -> Start {
        let Some((e0, weight)) = self.number(i) else {
            return Start::Nothing;
        };
        let bare = self.tok(e0).is_some_and(|t| t.cmp == 0 && !t.qual);
        let Some((e1, target)) = self.value(e0, !bare) else {
            return Start::Nothing;
        };
        let Some((e2, actual)) = self.value(e1, false) else {
            return Start::Nothing;
        };
        match self.number(e2) {
            Some((end, score)) => Start::Row(Found {
                end,
                target,
                actual,
                weight: Some(weight),
                score,
            }),
            None => {
                let (Some(start), Some(bad)) = (self.tok(i), self.tok(e2)) else {
                    return Start::Nothing;
                };
                let problem = Problem {
                    row: start.line,
                    message: format!(
                        "第 {} 行“得分”无法识别：“{}”不是数字，该行未计分",
                        start.line, bad.raw
                    ),
                    span: (start.start, bad.end),
                };
                Start::Unreadable(problem, e2 + 1)
            }
        }
    }

    /// target, 实际完成值, 分值, 得分 after a target that ends before token `e1`.
    fn actual_first(&self, e1: usize, target: &Piece) -> Result<Found, Option<usize>> {
        let (e2, actual) = self.value(e1, false).ok_or(None)?;
        let (e3, weight) = self.number(e2).ok_or(Some(e2))?;
        let (end, score) = self.number(e3).ok_or(Some(e2))?;
        Ok(Found {
            end,
            target: target.clone(),
            actual,
            weight: Some(weight),
            score,
        })
    }

    /// target, (指标值设定依据), 分值, 实际完成值, 得分: the 分值 is the first plain number within 40 tokens.
    fn weight_first(&self, e1: usize, target: Piece) -> Option<Found> {
        let (e2, weight) = (e1..self.b.min(e1 + 40)).find_map(|j| self.number(j))?;
        let (e3, actual) = self.value(e2, false)?;
        let (end, score) = self.number(e3)?;
        Some(Found {
            end,
            target,
            actual,
            weight: Some(weight),
            score,
        })
    }

    /// The problem for a row whose result ends before token `e2` and whose 分值 or 得分 is not a number.
    fn unreadable(&self, i: usize, e2: usize) -> Option<(Problem, usize)> {
        let (field, at) = match self.number(e2) {
            None => ("分值", e2),
            Some((e3, _)) => ("得分", e3),
        };
        let bad = self.tok(at)?;
        let start = self.tok(i)?;
        let problem = Problem {
            row: start.line,
            message: format!(
                "第 {} 行“{field}”无法识别：“{}”不是数字，该行未计分",
                start.line, bad.raw
            ),
            span: (start.start, bad.end),
        };
        Some((problem, at + 1))
    }

    /// A target (`target`: needs a comparator or a qualitative word) or a result at token `i`, and the
    /// token after it.
    fn value(&self, i: usize, target: bool) -> Option<(usize, Piece)> {
        let t = self.tok(i)?;
        if t.qual {
            return Some((i + 1, self.piece(i, i, t.raw.to_string())?));
        }
        if target && t.cmp == 0 {
            return None;
        }
        let rest = skip_chars(t.norm, t.cmp);
        let mut j = i + 1;
        if rest.is_empty() {
            let next = self.tok(j)?;
            if t.cmp == 0 || !next.norm.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            j += 1;
        } else if !rest.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
            return None;
        }
        if let Some(next) = self.tok(j) {
            let continues = if j == i + 1 {
                continues_number(t.norm, next)
            } else {
                continues_number(&self.join_by(i..j, |t| t.norm), next)
            };
            if continues {
                j += 1;
            }
        }
        let mut unit = 0;
        while let Some(next) = self.tok(j) {
            if !is_unit_like(next) || unit + next.chars() > 4 {
                break;
            }
            unit += next.chars();
            j += 1;
        }
        let text = self.join_by(i..j, |t| t.raw);
        parse_figure(&text).ok()?;
        Some((j, self.piece(i, j - 1, text)?))
    }

    /// A plain number at token `i` (分值, 得分), rejoined when broken over lines, and the token after it.
    fn number(&self, i: usize) -> Option<(usize, Piece)> {
        let t = self.tok(i)?;
        if !is_plain_number(t.norm) {
            return None;
        }
        let mut text = t.norm.to_string();
        let mut end = i + 1;
        if let Some(next) = self.tok(end).filter(|next| continues_number(t.norm, next)) {
            text.push_str(next.norm);
            end += 1;
        }
        Some((end, self.piece(i, end - 1, text)?))
    }
}
