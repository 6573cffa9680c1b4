//! The funds block of Excel cells: its header row, and rows of a label and the figures after it.

use super::super::cells::Row;
use super::super::columns::assign_funds;
use super::super::table::{read_cell, Block, Cell, FundsRow, Problem, TableKind};
use super::super::template::{self, Role};
use super::{figure, Reader, Section};
use crate::num::figure::Figure;

impl Reader {
    pub(super) fn funds_header(&mut self, row: &Row, cells: &[&str], roles: Vec<Option<Role>>) {
        if self
            .cur
            .as_ref()
            .is_some_and(|t| !t.indicators.is_empty() || t.stated_total.is_some())
        {
            self.start(TableKind::Project, "", row.span);
        }
        self.funds_from = roles.iter().position(Option::is_some).unwrap_or(0);
        self.funds = roles
            .iter()
            .skip(self.funds_from)
            .flatten()
            .copied()
            .collect();
        let department = cells.iter().any(|c| template::header_key(c) == "资金来源");
        self.points = cells.iter().zip(&row.cells).find_map(|(c, cell)| {
            template::caption_points(c).map(|p| Cell {
                figure: Figure::from_decimal(p),
                span: cell.span,
            })
        });
        let t = self.table(row.span);
        if department {
            t.kind = TableKind::Department;
        }
        t.span.1 = row.span.1;
        self.section = Section::Funds;
    }

    pub(super) fn funds_row(&mut self, row: &Row, cells: &[&str]) {
        // The label is the last text before the figures (a caption such as 项目资金（万元） aside); the
        // figures follow it, or start at the header's first funds column when the label cell is merged.
        let is_text = |c: &str| !c.is_empty() && read_cell("", c, (0, 0), 0).is_err();
        let lead = cells
            .iter()
            .take_while(|c| c.is_empty() || is_text(c))
            .count();
        let label_at = (0..lead).rev().find(|&i| {
            cells
                .get(i)
                .is_some_and(|c| !c.is_empty() && !template::is_caption(c))
        });
        let label = label_at
            .and_then(|i| cells.get(i))
            .map_or(String::new(), |c| c.to_string());
        let from = label_at.map_or(self.funds_from, |i| i + 1);
        let values: Vec<&str> = cells.get(from..).unwrap_or(&[]).to_vec();
        let assigned = assign_funds(&self.funds, &values);
        let at = |r: Role| assigned.get(r).map(|i| i + from);
        let mut problems = Vec::new();
        let funds = FundsRow {
            label,
            initial: figure("年初预算数", row, at(Role::Initial), &mut problems),
            budget: figure("全年预算数", row, at(Role::Budget), &mut problems),
            executed: figure("全年执行数", row, at(Role::Executed), &mut problems),
            span: row.span,
        };
        let weight = figure("分值", row, at(Role::Weight), &mut problems);
        let rate = figure("执行率", row, at(Role::Rate), &mut problems);
        let score = figure("得分", row, at(Role::Score), &mut problems);
        let short = assigned.short.map(|(n, of)| Problem {
            row: row.no,
            message: format!(
                "第 {} 行“{}”只读到 {n} 个金额，表头有 {of} 列金额，未能确定全年执行数",
                row.no, funds.label
            ),
            span: row.span,
        });
        // 预算执行情况（20分）: without a 分值 column, the 执行率's points are in the caption
        let weight = weight.or_else(|| self.points.clone());
        let t = self.table(row.span);
        t.funds.keep_first_stated(weight, rate, score);
        if !funds.label.is_empty() || funds.budget.is_some() || funds.executed.is_some() {
            t.funds.rows.push(funds);
        }
        t.problems.extend(problems);
        if let Some(p) = short {
            t.not_whole(Block::Funds, p);
        }
        t.span.1 = row.span.1;
    }
}
