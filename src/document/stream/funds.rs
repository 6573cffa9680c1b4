//! The funds block of a web copy: its header words, then rows of a label and the figures after it.

use super::super::columns::assign_funds;
use super::super::table::{read_cell, Block, Cell, FundsRow, Problem, TableKind};
use super::super::template::{self, Role};
use super::{is_figure, Stream};
use crate::num::figure::Figure;

/// Words in a funds row's label (年度资金总额, 其中：当年财政拨款, 总额, 部门整体支出总额, 合计…).
const FUNDS_LABELS: &[&str] = &[
    "资金", "拨款", "合计", "总额", "安排", "其中", "结转", "其他",
];

impl Stream<'_> {
    /// The funds block from its header at `i`; None when the cells there are not a funds header.
    pub(super) fn funds(&mut self, i: usize) -> Option<usize> {
        let (roles, points, mut j) = self.header(i, template::funds_role);
        let amounts = roles
            .iter()
            .any(|r| matches!(r, Role::Budget | Role::Executed));
        if roles.len() < 3 || !amounts {
            return None;
        }
        // 预算执行情况（20分）before the header words
        let before = (i.saturating_sub(2)..i)
            .find_map(|b| template::caption_points(self.text(b)).map(|p| (p, b)));
        let caption = points.or(before).map(|(p, at)| Cell {
            figure: Figure::from_decimal(p),
            span: self.cell(at).map_or((0, 0), |c| c.span),
        });
        while let Some(l) = self.next_filled(j) {
            let label = self.text(l).to_string();
            let compact = template::header_key(&label);
            if compact.chars().count() > 24 {
                // a note in a merged 原因 cell: read past it
                j = l + 1;
                continue;
            }
            if is_figure(&label) || !FUNDS_LABELS.iter().any(|w| compact.contains(w)) {
                break;
            }
            j = self.funds_row(l, &roles);
        }
        // without a 分值 column, the 执行率's points are in a caption (预算执行情况（20分）)
        let t = self.table(i);
        if t.funds.weight.is_none() {
            t.funds.weight = caption;
        }
        Some(j)
    }

    /// One funds row: the label at `l` and the figures after it (at most one per column, up to the next
    /// text); returns where the next row starts.
    fn funds_row(&mut self, l: usize, roles: &[Role]) -> usize {
        let from = l + 1;
        let mut end = from;
        while end < from + roles.len().max(1) + 6 {
            let t = self.text(end);
            if end >= self.cells.len() || (!t.is_empty() && !is_figure(t)) {
                break;
            }
            end += 1;
        }
        let values: Vec<&str> = (from..end).map(|k| self.text(k)).collect();
        let assigned = assign_funds(roles, &values);
        let line = self.cell(l).map_or(0, |c| c.line);
        let mut problems = Vec::new();
        let mut cell = |role: Role, field: &str| -> Option<Cell> {
            let c = self.cells.get(from + assigned.get(role)?)?;
            read_cell(field, &c.text, c.span, c.line).unwrap_or_else(|p| {
                problems.push(p);
                None
            })
        };
        let label = self.text(l).to_string();
        let start = self.cell(l).map_or(0, |c| c.span.0);
        let stop = self.cell(end.saturating_sub(1)).map_or(start, |c| c.span.1);
        let row = FundsRow {
            label: template::header_key(&label),
            initial: cell(Role::Initial, "年初预算数"),
            budget: cell(Role::Budget, "全年预算数"),
            executed: cell(Role::Executed, "全年执行数"),
            span: (start, stop),
        };
        let stated = (
            cell(Role::Weight, "分值"),
            cell(Role::Rate, "执行率"),
            cell(Role::Score, "得分"),
        );
        let short = assigned.short.map(|(n, of)| Problem {
            row: line,
            message: format!(
                "第 {line} 行“{}”只读到 {n} 个金额，表头有 {of} 列金额，未能确定全年执行数",
                row.label
            ),
            span: row.span,
        });
        let t = self.table(l);
        if row.label.contains("整体") {
            t.kind = TableKind::Department;
        }
        t.funds.keep_first_stated(stated.0, stated.1, stated.2);
        t.funds.rows.push(row);
        t.problems.extend(problems);
        if let Some(p) = short {
            t.not_whole(Block::Funds, p);
        }
        t.span.1 = t.span.1.max(stop);
        end
    }
}
