//! Comparison tables pasted as text: a small table comparing two periods (2016年度 / 2017年度, 上年数 /
//! 本年数) or a budget with its outcome (预算数 / 决算数), with derived columns (增减额, 差额, 增减率, 完成率),
//! pasted one row per line with tabs, bars or spaces between cells.
//!
//! [`split`] finds them inside the narrative sections by their header ([`header::read`]) and cuts them
//! out as sections of their own: the narrative's reader would glue a row's spaced numbers into one
//! (`6909800 55508400` → `690980055508400`), and every figure must get one verdict, from one reader.
//! `crate::rules::compare` judges the rows.

pub(super) mod cells;
pub mod header;
mod rows;
mod words;

pub use cells::Marker;
pub use header::{Column, Header, Pair, Role};

use super::cut::LineAt;
use super::{Line, Section, Span};
use crate::num::figure::Figure;

/// A figure read from one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The figure, signed: a cell written "下降5%" is −5.
    pub figure: Figure,
    /// Where the cell's text is in the paste (chars).
    pub span: Span,
    /// Whether a 下降/减少 word made the figure negative (it is shown as written, positive).
    pub negated: bool,
}

/// A row's figures, as far as they could be placed under the header's columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cells {
    /// No figures: a heading ("一、收入支出情况对比").
    Heading,
    /// One entry per column (None: empty, "—", 新增).
    Placed(Vec<Option<Cell>>),
    /// Fewer figures than columns, all 0: each is 0 in whichever column it stands, and the other columns
    /// are empty, so the row adds 0 to every column's total.
    Zeros(Vec<Cell>),
    /// Fewer figures than columns in spaced text: which column each stands in cannot be known.
    Unplaced(Vec<Cell>),
    /// A row that cannot be aligned with the header: the figures that could be read, and why (Chinese).
    Malformed(Vec<Cell>, String),
}

/// One row of a comparison table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Its line in the paste (1-based), for messages.
    pub line: usize,
    /// The label as written ("1. 财政补助收入").
    pub label: String,
    /// The label's last numbering marker, which places the row in the table's hierarchy.
    pub marker: Option<Marker>,
    /// From the label to the last cell.
    pub span: Span,
    /// Its figures.
    pub cells: Cells,
}

impl Row {
    /// Every figure of the row, placed or not.
    pub fn figures(&self) -> Vec<&Cell> {
        match &self.cells {
            Cells::Heading => Vec::new(),
            Cells::Placed(cs) => cs.iter().flatten().collect(),
            Cells::Zeros(cs) | Cells::Unplaced(cs) | Cells::Malformed(cs, _) => cs.iter().collect(),
        }
    }
}

/// A comparison table as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareTable {
    /// The line above naming it ("达州市公立医院情况对比表"), else empty.
    pub title: String,
    /// From its header to its last row (chars).
    pub span: Span,
    /// The unit of its amounts (元, 万元), from the header or a 单位 line above it; empty when not said.
    pub unit: String,
    /// How its two measure columns compare.
    pub pair: Pair,
    /// Its figure columns.
    pub columns: Vec<Column>,
    /// Its rows, headings included.
    pub rows: Vec<Row>,
}

/// The unit a 单位 line names ("单位:达州市达川区中医医院 单位:元", "金额单位：万元").
fn unit_in(line: &str) -> Option<&'static str> {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    t.match_indices("单位").find_map(|(i, w)| {
        let rest = t.get(i + w.len()..)?;
        let rest = rest.trim_start_matches([':', '：']);
        ["万元", "亿元", "元"]
            .into_iter()
            .find(|u| rest.starts_with(u))
    })
}

/// Cuts the comparison tables out of the narrative sections. Never panics.
pub(super) fn split(
    text: &str,
    lines: &[Line],
    sections: Vec<Section>,
) -> (Vec<Section>, Vec<CompareTable>) {
    super::cut::cut_out(
        text,
        lines,
        sections,
        |t: &CompareTable| &t.title,
        |lines, at, (first, i, last)| {
            let next = (i + 1 < last).then(|| at(i + 1));
            let h = header::read(at(i), next)?;
            read_table(lines, at, (first, i, last), h).map(|(table, end)| (table, i, end))
        },
    )
}

/// The table whose header starts at line `i` of the section's lines [first, last), and the line after
/// its last row; None when no row with figures follows the header.
fn read_table<'t>(
    lines: &[Line],
    at: &LineAt<'_, 't>,
    (first, i, last): (usize, usize, usize),
    header: Header,
) -> Option<(CompareTable, usize)> {
    let mut rows: Vec<Row> = Vec::new();
    let mut end = 0;
    let mut pending: Option<(String, Span, usize)> = None;
    let mut j = i + header.lines;
    while j < last {
        let line = at(j);
        if header::read(line, (j + 1 < last).then(|| at(j + 1))).is_some() {
            break;
        }
        let char_start = lines.get(j).map_or(0, |l| l.char_start);
        match rows::read(line, j + 1, char_start, &header) {
            rows::Line::Blank => {}
            rows::Line::Label(label, span) => {
                rows.extend(pending.take().map(heading));
                pending = Some((label, span, j + 1));
            }
            rows::Line::Row(mut r) => {
                match pending.take() {
                    // a PDF moved the figures under their label ("三、出院者平均医药费用⏎5591.34 …")
                    Some((label, span, line)) if r.label.is_empty() => {
                        r.marker = cells::last_marker(&label);
                        r.label = label;
                        r.span.0 = span.0;
                        r.line = line;
                    }
                    p => rows.extend(p.map(heading)),
                }
                rows.push(r);
                end = j + 1;
            }
            rows::Line::End => break,
        }
        j += 1;
    }
    // headings after the last row are the narrative's again
    rows.retain(|r| r.line <= end);
    if end == 0 || rows.iter().all(|r| matches!(r.cells, Cells::Heading)) {
        return None;
    }
    // the title and unit lines just above, in the same section
    let before = || (i.saturating_sub(3).max(first)..i).rev().map(at);
    let unit = if header.unit.is_empty() {
        before().find_map(unit_in).unwrap_or("").to_string()
    } else {
        header.unit.clone()
    };
    let title = before()
        .map(str::trim)
        .find(|l| l.ends_with('表') && l.chars().count() <= 40)
        .unwrap_or("")
        .to_string();
    let span = (
        lines.get(i).map_or(0, |l| l.char_start),
        rows.last().map_or(0, |r| r.span.1),
    );
    Some((
        CompareTable {
            title,
            span,
            unit,
            pair: header.pair,
            columns: header.columns,
            rows,
        },
        end,
    ))
}

fn heading((label, span, line): (String, Span, usize)) -> Row {
    Row {
        line,
        marker: cells::last_marker(&label),
        label,
        span,
        cells: Cells::Heading,
    }
}
