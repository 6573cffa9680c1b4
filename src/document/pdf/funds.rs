//! The funds block (年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分) and the 总分 row.

use super::super::columns::assign_funds;
use super::super::table::{read_cell, Block, Cell, FundsRow, Problem};
use super::super::template::Role;
use super::tokens::{continues_number, is_numericish, is_plain_number};
use super::{Piece, Region, Table};

impl Region<'_> {
    /// Reads tokens `from..to` as funds rows: a label (non-figure tokens) followed by its figures, which go
    /// to the header's columns (`roles`) by position or, where some were lost, by shape.
    pub(super) fn funds(&self, table: &mut Table, from: usize, to: usize, roles: &[Role]) {
        let mut label: Vec<usize> = Vec::new();
        let mut values: Vec<usize> = Vec::new();
        for i in from..to.min(self.b) {
            let Some(t) = self.tok(i) else { break };
            if is_numericish(t.norm) {
                values.push(i);
                continue;
            }
            if !values.is_empty() {
                self.funds_row(table, &label, &values, roles);
                label.clear();
                values.clear();
            }
            label.push(i);
        }
        if !values.is_empty() {
            self.funds_row(table, &label, &values, roles);
        }
    }

    /// Merges a number broken over lines back into one piece.
    fn merge_numbers(&self, idx: &[usize]) -> Vec<Piece> {
        let mut out: Vec<Piece> = Vec::with_capacity(idx.len());
        for &i in idx {
            let Some(t) = self.tok(i) else { continue };
            if let Some(last) = out.last_mut() {
                if continues_number(&last.text, t) {
                    last.text.push_str(t.norm);
                    last.span.1 = t.end;
                    continue;
                }
            }
            out.push(Piece {
                text: t.norm.to_string(),
                span: (t.start, t.end),
                line: t.line,
            });
        }
        out
    }

    fn funds_row(&self, table: &mut Table, label: &[usize], values: &[usize], roles: &[Role]) {
        let pieces = self.merge_numbers(values);
        let texts: Vec<&str> = pieces.iter().map(|p| p.text.as_str()).collect();
        let assigned = assign_funds(roles, &texts);
        let first = label.first().or(values.first()).and_then(|&i| self.tok(i));
        let line = first.map_or(0, |t| t.line);
        let mut problems = Vec::new();
        let mut cell = |role: Role, field: &str| -> Option<Cell> {
            let p = pieces.get(assigned.get(role)?)?;
            read_cell(field, &p.text, p.span, line).unwrap_or_else(|e| {
                problems.push(e);
                None
            })
        };
        let span_start = first.map_or(0, |t| t.start);
        let span_end = pieces.last().map_or(span_start, |p| p.span.1);
        let row = FundsRow {
            label: self.join(label),
            initial: cell(Role::Initial, "年初预算数"),
            budget: cell(Role::Budget, "全年预算数"),
            executed: cell(Role::Executed, "全年执行数"),
            span: (span_start, span_end),
        };
        let weight = cell(Role::Weight, "分值");
        let rate = cell(Role::Rate, "执行率");
        let score = cell(Role::Score, "得分");
        let short = assigned.short.map(|(n, of)| Problem {
            row: line,
            message: format!(
                "第 {line} 行“{}”只读到 {n} 个金额，表头有 {of} 列金额，未能确定全年执行数",
                row.label
            ),
            span: row.span,
        });
        table.funds.keep_first_stated(weight, rate, score);
        table.funds.rows.push(row);
        table.problems.extend(problems);
        if let Some(p) = short {
            table.not_whole(Block::Funds, p);
        }
        table.span.1 = table.span.1.max(span_end);
    }

    /// Reads the 总分 row at token `k`: the stated 分值 total and the stated total score.
    /// `weighted`: whether the rows have a 分值 column (else the 总分 row states the total alone).
    pub(super) fn totals(&self, table: &mut Table, k: usize, weighted: bool) {
        let Some(head) = self.tok(k) else { return };
        let mut frags: Vec<(Piece, bool)> = Vec::new();
        let mut end = head.end;
        let mut j = k + 1;
        while let Some(t) = self.tok(j) {
            let n = t.norm;
            if n == "分" {
                end = t.end;
                break;
            }
            let (num, last) = match n.strip_suffix('分') {
                Some(s) => (s, true),
                None => (n, false),
            };
            if !is_plain_number(num) || frags.len() >= 4 {
                break;
            }
            match frags.last_mut() {
                Some((prev, _)) if continues_number(&prev.text, t) => {
                    prev.text.push_str(num);
                    prev.span.1 = t.end;
                }
                _ => {
                    let piece = Piece {
                        text: num.to_string(),
                        span: (t.start, t.end),
                        line: t.line,
                    };
                    frags.push((piece, t.nl_before));
                }
            }
            end = t.end;
            j += 1;
            if last {
                break;
            }
        }
        // `10⏎0 100`: a 分值 total broken over lines.
        while frags.len() > 2 {
            let at = (0..frags.len() - 1).find(|&i| {
                matches!((frags.get(i), frags.get(i + 1)), (Some((l, _)), Some((_, nl)))
                    if *nl && !l.text.contains('.') && !l.text.starts_with('0'))
            });
            let Some(at) = at else { break };
            let (right, _) = frags.remove(at + 1);
            if let Some((left, _)) = frags.get_mut(at) {
                left.text.push_str(&right.text);
                left.span.1 = right.span.1;
            }
        }
        let mut cells = frags
            .into_iter()
            .map(|(p, _)| read_cell("总分", &p.text, p.span, p.line).ok().flatten());
        if weighted {
            table.stated_weights_total = cells.next().flatten();
        }
        table.stated_total = cells.next().flatten();
        table.span.1 = table.span.1.max(end);
    }
}
