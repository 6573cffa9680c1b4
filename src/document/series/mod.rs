//! Year-series tables laid out with spaces (a PDF's text layer, `pdftotext -layout`, a yearbook page): one
//! row per year, cells apart by runs of two or more spaces, under a header naming each column — amounts,
//! each followed by its 比上年增长 (%) column:
//!
//! ```text
//! 年份    财政总收入(亿元)    比上年增长(%)
//! 2020        44.71              1.5
//! 2021        49.27             10.2
//! ```
//!
//! [`split`] cuts them out of the narrative sections (the narrative's reader would glue a row's spaced
//! numbers into one) and `crate::rules::series` judges each row's growth against the row of the year
//! before. A header may be broken over two lines ("比上年增长 (%)" under its amount's line): the two
//! lines' cells are then read left to right, and taken only when each lines up with its column of figures.

use super::compare::cells::{figure, is_blank_mark, looks_numeric};
use super::cut::{Found, LineAt};
use super::{Line, Section, Span};
use crate::num::figure::Figure;
use header::{aligned, columns, header_cells};

mod header;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Amounts, one per year.
    Amount,
    /// The growth over the year before, in percent, of the amount column `of` (the column just left of it).
    Growth {
        /// The amount column's index.
        of: usize,
    },
    /// A growth whose amount is not plain (no amount just left of it, or two amounts side by side before
    /// it): never judged.
    UnplacedGrowth,
    /// Anything else (a share, a 增长 without %): never judged.
    Other,
}

/// One figure column (the year column aside).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesColumn {
    /// The header as written, white space removed ("财政总收入(亿元)").
    pub name: String,
    /// What it holds.
    pub kind: ColumnKind,
    /// The unit its header names (亿元, 万元, 元, %), else empty.
    pub unit: String,
}

/// A figure of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesCell {
    /// The figure as written.
    pub figure: Figure,
    /// Where it is in the paste (chars).
    pub span: Span,
}

/// One year's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesRow {
    /// Its line in the paste (1-based).
    pub line: usize,
    /// The year of its first cell.
    pub year: i64,
    /// From the year to the last cell (chars).
    pub span: Span,
    /// Its figure cells left to right (None: a "—" cell).
    pub cells: Vec<Option<SeriesCell>>,
}

/// A year-series table as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesTable {
    /// The line above naming it ("2017—2021 年度武义县财政收支情况表"), else empty.
    pub title: String,
    /// From its header to its last row (chars).
    pub span: Span,
    /// Its figure columns.
    pub columns: Vec<SeriesColumn>,
    /// Its rows in text order.
    pub rows: Vec<SeriesRow>,
    /// Why no row of it can be judged (rows of other widths than the header, years not consecutive).
    pub unjudged: Option<String>,
}

/// A cell of a spaced line: its text and its char range within the line.
type Piece<'a> = (&'a str, usize, usize);

/// The cells of a line: runs of two or more white spaces (or a tab) between them, so "2017 年" and
/// "比上年增长 (%)" stay one cell.
fn pieces(line: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i <= chars.len() {
        let gap = match chars.get(i) {
            None => true,
            Some(&(_, '\t')) => true,
            Some(&(_, c)) if c.is_whitespace() => {
                chars.get(i + 1).is_none_or(|&(_, d)| d.is_whitespace())
            }
            _ => false,
        };
        match (start, gap) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                let (a, b) = (chars[s].0, chars.get(i).map_or(line.len(), |x| x.0));
                let text = line.get(a..b).unwrap_or("").trim_end();
                out.push((text, s, s + text.chars().count()));
                start = None;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// A cell's text without white space.
fn key(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The year a row's first cell names ("2021", "2021年").
fn year(cell: &str) -> Option<i64> {
    let k = key(cell);
    let digits = k.strip_suffix('年').unwrap_or(&k);
    (digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|y| (1950..=2100).contains(y))
}

/// A row line: a year, then two or more cells each a number or a "—".
fn row_line(line: &str) -> Option<(i64, Vec<Piece<'_>>)> {
    // most lines are prose: a row opens with its year's four digits, asked before the line is cut up
    let head = line.trim_start().as_bytes();
    if head.len() < 4 || !head[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let ps = pieces(line);
    let y = year(ps.first()?.0)?;
    let rest = ps.get(1..).unwrap_or(&[]);
    (rest.len() >= 2
        && rest
            .iter()
            .all(|(t, ..)| looks_numeric(t) || is_blank_mark(t)))
    .then_some((y, ps))
}

/// Cuts the year-series tables out of the narrative sections. Never panics.
pub(super) fn split(
    text: &str,
    lines: &[Line],
    sections: Vec<Section>,
) -> (Vec<Section>, Vec<SeriesTable>) {
    super::cut::cut_out(
        text,
        lines,
        sections,
        |t: &SeriesTable| &t.title,
        read_table,
    )
}

/// The table whose first row is line `i` (of the section's lines [first, last)): the table, the line its
/// header starts at, and the line after its last row.
fn read_table<'t>(
    lines: &[Line],
    at: &LineAt<'_, 't>,
    (first, i, last): (usize, usize, usize),
) -> Found<SeriesTable> {
    row_line(at(i))?;
    // the header: the non-blank line or two just above
    let above: Vec<usize> = (first..i)
        .rev()
        .filter(|&j| !at(j).trim().is_empty())
        .take(3)
        .collect();
    let h1 = *above.first()?;
    if row_line(at(h1)).is_some() {
        return None;
    }
    // the rows: row lines, blank lines between them
    let mut rows: Vec<(usize, i64, Vec<Piece>)> = Vec::new();
    let mut j = i;
    while j < last {
        let line = at(j);
        if let Some((y, ps)) = row_line(line) {
            rows.push((j, y, ps));
        } else if !line.trim().is_empty() {
            break;
        }
        j += 1;
    }
    if rows.len() < 2 {
        return None;
    }
    // the width most rows have (the first row's on a tie)
    let widths: Vec<usize> = rows.iter().map(|r| r.2.len()).collect();
    let mut width = 0;
    let mut most = 0;
    for &w in &widths {
        let n = widths.iter().filter(|&&x| x == w).count();
        if n > most {
            (width, most) = (w, n);
        }
    }
    let pieces_of: Vec<Vec<Piece>> = rows.iter().map(|r| r.2.clone()).collect();
    let one = header_cells(&[at(h1)]);
    let (cells, head) = if one.len() == width && columns(&one).is_some() {
        (one, h1)
    } else {
        let h0 = *above.get(1)?;
        let two = header_cells(&[at(h0), at(h1)]);
        (two.len() == width && h1 == h0 + 1 && aligned(&two, &pieces_of)).then_some((two, h0))?
    };
    let columns = columns(&cells)?;
    let end = rows.last().map_or(i, |r| r.0) + 1;
    let char_start = |k: usize| lines.get(k).map_or(0, |l| l.char_start);
    let read_rows: Vec<SeriesRow> = rows
        .iter()
        .map(|(k, y, ps)| SeriesRow {
            line: k + 1,
            year: *y,
            span: (
                char_start(*k) + ps.first().map_or(0, |p| p.1),
                char_start(*k) + ps.last().map_or(0, |p| p.2),
            ),
            cells: ps
                .iter()
                .skip(1)
                .map(|&(t, a, b)| {
                    figure(t).ok().map(|(f, _)| SeriesCell {
                        figure: f,
                        span: (char_start(*k) + a, char_start(*k) + b),
                    })
                })
                .collect(),
        })
        .collect();
    // a cell written as a number that cannot be read leaves its row's columns in doubt: said, not dropped
    let unreadable = rows.iter().find_map(|(k, _, ps)| {
        ps.iter()
            .skip(1)
            .find(|(t, ..)| !is_blank_mark(t) && figure(t).is_err())
            .map(|(t, ..)| (k + 1, *t))
    });
    let unjudged = match unreadable {
        Some((line, t)) => Some(format!("第 {line} 行的“{t}”无法读作数字，本表未核对")),
        None => unjudged(&read_rows, width),
    };
    let title = above
        .iter()
        .skip(if head == h1 { 1 } else { 2 })
        .map(|&k| key(at(k)))
        .find(|l| l.ends_with('表') && l.chars().count() <= 40)
        .map(|l| without_number(&l).to_string())
        .unwrap_or_default();
    let span = (char_start(head), read_rows.last().map_or(0, |r| r.span.1));
    Some((
        SeriesTable {
            title,
            span,
            columns,
            rows: read_rows,
            unjudged,
        },
        head,
        end,
    ))
}

/// A title without its number ("表39:" of "表39:2017—2021年度…表", the 表 possibly on the line above).
fn without_number(title: &str) -> &str {
    match title.split_once([':', '：']) {
        Some((n, rest))
            if n.trim_start_matches('表')
                .chars()
                .all(|c| c.is_ascii_digit()) =>
        {
            rest
        }
        _ => title,
    }
}

/// Why the rows cannot be judged, if they cannot: a row of another width than the header (its figures'
/// columns are not known), or years that do not run one by one.
fn unjudged(rows: &[SeriesRow], width: usize) -> Option<String> {
    if let Some(r) = rows.iter().find(|r| r.cells.len() + 1 != width) {
        return Some(format!(
            "第 {} 行有 {} 格，表头有 {width} 列，无法确定各数所在的列，本表未核对",
            r.line,
            r.cells.len() + 1
        ));
    }
    let steps: Vec<i64> = rows.windows(2).map(|w| w[1].year - w[0].year).collect();
    let one_way = steps.iter().all(|&d| d == 1) || steps.iter().all(|&d| d == -1);
    (!one_way).then(|| "各行的年份不是逐年相连，无法确定上年的数，本表未核对".to_string())
}
