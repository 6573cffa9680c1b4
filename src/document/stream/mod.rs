//! Web copies with `|` between cells ([`bar_cells`]): the cells keep their places, empty ones included,
//! but the lines need not follow the rows — one page puts a whole row on a line, another breaks lines
//! wherever its HTML did, another pads each row with empty cells to the table's width. So the table is
//! read as a stream of cells: a block starts at its header words ([`template`]); a funds row is a label
//! and the figures after it; an indicator row is its labels, its name and then exactly as many cells as
//! the header has columns after the name; a row-spanning label is simply not repeated.

mod funds;

use super::cells::{bar_cells, Cell as TextCell};
use super::runs;
use super::table::{read_cell, Cell, IndicatorRow, Table, TableKind};
use super::template::{self, Role};
use super::title::{title_kind, TitleKind};
use crate::num::figure::is_not_applicable;

/// Words that end the indicator rows (the 总分 row, the notes under a table).
const ENDS: &[&str] = &[
    "总分",
    "合计",
    "其他需要说明事项",
    "其他需说明事项",
    "评价结论",
    "偏差大或",
    "备注",
    "项目负责人",
    "存在问题",
    "年度目标",
];

/// Reads every table of a web copy with `|` between cells.
pub(super) fn read(text: &str) -> Vec<Table> {
    let cells = bar_cells(text);
    let mut s = Stream {
        cells: &cells,
        tables: Vec::new(),
        cur: None,
        weighted: true,
    };
    let mut i = 0;
    while i < cells.len() {
        i = s.step(i).max(i + 1);
    }
    if let Some(t) = s.cur.take() {
        s.tables.push(t);
    }
    s.tables.into_iter().filter(Table::has_content).collect()
}

struct Stream<'c> {
    cells: &'c [TextCell],
    tables: Vec<Table>,
    cur: Option<Table>,
    /// Whether the last indicator header has a 分值 column (the 总分 row then states it first).
    weighted: bool,
}

fn key(c: &TextCell) -> String {
    template::header_key(&c.text)
}

fn is_figure(t: &str) -> bool {
    let t = t.trim();
    !t.is_empty() && (is_not_applicable(t) || read_cell("", t, (0, 0), 0).is_ok())
}

impl Stream<'_> {
    fn cell(&self, i: usize) -> Option<&TextCell> {
        self.cells.get(i)
    }

    fn text(&self, i: usize) -> &str {
        self.cell(i).map_or("", |c| c.text.as_str())
    }

    /// The next non-empty cell at or after `i`.
    fn next_filled(&self, i: usize) -> Option<usize> {
        (i..self.cells.len()).find(|&k| !self.text(k).is_empty())
    }

    fn table(&mut self, at: usize) -> &mut Table {
        let span = self.cell(at).map_or((0, 0), |c| c.span);
        self.cur
            .get_or_insert_with(|| Table::new(TableKind::Project, "", span))
    }

    /// Closes the current table when it has content, so that what follows starts another.
    fn close_if_read(&mut self) {
        if self.cur.as_ref().is_some_and(|t| {
            !t.indicators.is_empty() || !t.funds.rows.is_empty() || t.stated_total.is_some()
        }) {
            if let Some(t) = self.cur.take() {
                self.tables.push(t);
            }
        }
    }

    /// Reads what starts at cell `i`; returns where to go on.
    fn step(&mut self, i: usize) -> usize {
        let cells = self.cells;
        let Some(c) = cells.get(i) else {
            return i + 1;
        };
        let k = key(c);
        if k.is_empty() {
            return i + 1;
        }
        if let Some(TitleKind::SelfEvaluation(kind)) = title_kind(&k) {
            self.close_if_read();
            let span = c.span;
            let title = c.text.clone();
            let t = self.cur.get_or_insert_with(|| Table::new(kind, "", span));
            t.kind = kind;
            if t.name.is_empty() && kind == TableKind::Department {
                t.name = title;
            }
            return i + 1;
        }
        if k.starts_with("项目名称")
            || matches!(k.as_str(), "单位名称" | "部门(单位)名称" | "部门名称")
        {
            let project = k.starts_with("项目名称");
            if project {
                self.close_if_read();
            }
            let name = self.next_filled(i + 1).filter(|&n| n <= i + 2);
            let text = name.map_or(String::new(), |n| self.text(n).to_string());
            let t = self.table(i);
            if project {
                t.name = text;
            } else if t.name.is_empty() || t.kind == TableKind::Department {
                t.name = text;
                t.kind = TableKind::Department;
            }
            return name.map_or(i + 1, |n| n + 1);
        }
        if template::funds_role(&c.text).is_some() || template::is_caption(&c.text) {
            if let Some(next) = self.funds(i) {
                return next;
            }
        }
        if template::indicator_role(&c.text).is_some() || k.contains("绩效指标") {
            if let Some(next) = self.indicators(i) {
                return next;
            }
        }
        if k.starts_with("总分") || k.starts_with("合计") {
            return self.totals(i);
        }
        i + 1
    }

    /// A header run from `i`: cells that `role` knows, captions and empty cells; the roles in order, the
    /// points a caption gives, and where the run ends.
    fn header(
        &self,
        i: usize,
        role: fn(&str) -> Option<Role>,
    ) -> (Vec<Role>, Option<(rust_decimal::Decimal, usize)>, usize) {
        let (mut roles, mut points, mut j) = (Vec::new(), None, i);
        while let Some(c) = self.cell(j) {
            let k = key(c);
            if let Some(r) = role(&c.text) {
                roles.push(r);
            } else if !(k.is_empty() || template::is_caption(&c.text) || k.contains("绩效指标"))
            {
                break;
            }
            if points.is_none() {
                points = template::caption_points(&c.text).map(|p| (p, j));
            }
            j += 1;
        }
        (roles, points, j)
    }

    /// The indicator block from its header at `i`; None when the cells there are not an indicator header.
    fn indicators(&mut self, i: usize) -> Option<usize> {
        let (roles, _, mut j) = self.header(i, template::indicator_role);
        let named = roles.iter().any(|r| matches!(r, Role::Name | Role::Level1));
        if roles.len() < 3 || !named {
            return None;
        }
        let order = template::value_order(&roles);
        self.weighted = order.contains(&Role::Weight);
        let (mut level1, mut level2) = (String::new(), String::new());
        while let Some(n) = self.next_filled(j) {
            let k = self.cell(n).map_or(String::new(), key);
            if ENDS.iter().any(|e| k.starts_with(e))
                || template::indicator_role(self.text(n)).is_some()
            {
                return Some(n);
            }
            if let Some((label, kind)) = template::label_of(self.text(n)) {
                use super::vocab::LabelKind::*;
                // 成本指标 is a 一级指标 in one template and a 二级指标 in another: right before a name, in a
                // table with a 二级指标 column, it is the latter.
                let before_name = self
                    .next_filled(n + 1)
                    .is_some_and(|m| template::label_of(self.text(m)).is_none());
                let kind = match kind {
                    Level1 if before_name && roles.contains(&Role::Level2) => Level2,
                    k => k,
                };
                match kind {
                    Level1 => level1 = label,
                    Level2 => level2 = label,
                    Both => (level1, level2) = (label.clone(), label),
                    Noise => {}
                }
                j = n + 1;
                continue;
            }
            // A value where the name should be (`≥1`, `100%`) after an empty cell: the name is blank.
            let value = runs::is_nature(self.text(n))
                || self
                    .text(n)
                    .starts_with(['≥', '≤', '>', '<', '=', '≧', '≦'])
                || is_figure(self.text(n));
            let at = if value && n > j { n - 1 } else { n };
            j = self.indicator_row(at, &order, (&level1, &level2));
        }
        Some(j)
    }

    /// The row whose name is at `n`: the name, then one cell per column of `order`; returns where the
    /// next row starts.
    fn indicator_row(&mut self, n: usize, order: &[Role], levels: (&str, &str)) -> usize {
        let mut at: Vec<(Role, usize)> = Vec::new();
        let mut j = n + 1;
        for &role in order {
            let t = self.text(j);
            let k = self.cell(j).map_or(String::new(), key);
            let stops = j >= self.cells.len()
                || (!t.is_empty()
                    && (template::label_of(t).is_some() || ENDS.iter().any(|e| k.starts_with(e))));
            if stops {
                break;
            }
            at.push((role, j));
            j += 1;
        }
        let text = |r: Role| {
            at.iter()
                .find(|(x, _)| *x == r)
                .map_or("", |&(_, k)| self.text(k))
        };
        let target = if order.contains(&Role::Value) {
            runs::join_target(text(Role::Nature), text(Role::Value), text(Role::Unit))
        } else {
            text(Role::Target).to_string()
        };
        let values = [
            target.as_str(),
            text(Role::Actual),
            text(Role::Weight),
            text(Role::Score),
        ];
        if values.iter().all(|v| v.is_empty()) {
            return j;
        }
        let name = self.cell(n).cloned();
        let line = name.as_ref().map_or(0, |c| c.line);
        let mut problems = Vec::new();
        let mut figure = |r: Role, field: &str| -> Option<Cell> {
            let &(_, k) = at.iter().find(|(x, _)| *x == r)?;
            let c = self.cells.get(k)?;
            read_cell(field, &c.text, c.span, line).unwrap_or_else(|p| {
                problems.push(p);
                None
            })
        };
        let weight = figure(Role::Weight, "分值");
        let stated_score = figure(Role::Score, "得分");
        let start = name.as_ref().map_or(0, |c| c.span.0);
        let stop = at
            .iter()
            .rev()
            .find_map(|&(_, k)| {
                self.cell(k)
                    .filter(|c| !c.text.is_empty())
                    .map(|c| c.span.1)
            })
            .unwrap_or(start);
        let row = IndicatorRow {
            row: line,
            level1: levels.0.to_string(),
            level2: levels.1.to_string(),
            indicator: name.map_or(String::new(), |c| c.text),
            target_text: target,
            actual_text: text(Role::Actual).to_string(),
            weight,
            stated_score,
            reason: text(Role::Reason).to_string(),
            span: (start, stop),
        };
        let t = self.table(n);
        t.indicators.push(row);
        t.problems.extend(problems);
        t.span.1 = t.span.1.max(stop);
        j
    }

    /// The 总分 (or 合计) row at `i`: the 分值 total then the total score, or the total alone when the
    /// table has no 分值 column.
    fn totals(&mut self, i: usize) -> usize {
        let has_weight = self.weighted;
        let mut figures = Vec::new();
        let mut j = i + 1;
        while let Some(c) = self.cell(j) {
            if !c.text.is_empty() && !is_figure(&c.text) {
                break;
            }
            figures.push(j);
            j += 1;
        }
        // padding after the figures is not a column
        while figures.last().is_some_and(|&k| self.text(k).is_empty()) {
            figures.pop();
        }
        let read = |k: Option<&usize>| -> Option<Cell> {
            let c = self.cells.get(*k?)?;
            read_cell("总分", &c.text, c.span, c.line).ok().flatten()
        };
        let (weights, total) = if has_weight {
            (read(figures.first()), read(figures.get(1)))
        } else {
            (None, read(figures.first()))
        };
        let stop = self.cell(j.saturating_sub(1)).map_or(0, |c| c.span.1);
        let t = self.table(i);
        t.stated_weights_total = weights;
        t.stated_total = total;
        t.span.1 = t.span.1.max(stop);
        j
    }
}
