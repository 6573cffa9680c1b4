//! One line under a comparison table's header: a row of figures, a label alone (a heading, or a label whose
//! figures a PDF moved to the next line), or not part of the table. A row's figures are placed under the
//! header's columns only when nothing else could be meant: as many figures as columns, cells of tabs or
//! bars (their positions are kept), or figures that are all 0 (zero in whichever column they stand).

use super::cells::{figure, is_blank_mark, last_marker, looks_numeric, marker_at, pieces, Piece};
use super::header::{Header, Role};
use super::Cell;
use super::{Cells, Row};

/// What a line is.
pub enum Line {
    /// Nothing on it.
    Blank,
    /// A row with figures (or a row whose figures cannot be read).
    Row(Row),
    /// Words only: a heading, or the label of figures on the next line.
    Label(String, (usize, usize)),
    /// Not part of the table.
    End,
}

/// Whether a label reads as a sentence of prose rather than a row's name.
fn is_prose(label: &str) -> bool {
    label.chars().count() > 40 || label.contains(['。', '，', '；', ';', '？', '！'])
}

/// Whether a words-only line may head rows: short, and no figure in it (a sentence "收入总计100万元" is
/// narrative, and its figure must stay where the narrative's rules see it).
fn is_heading(label: &str) -> bool {
    let t = label.trim();
    let rest: String = match marker_at(t) {
        Some((_, n)) => t.chars().skip(n).collect(),
        None => t.to_string(),
    };
    !t.is_empty()
        && t.chars().count() <= 30
        && !is_prose(t)
        && !rest
            .chars()
            .map(crate::num::figure::normalize_char)
            .any(|c| c.is_ascii_digit())
}

/// The text of pieces [from, to) of a line as written, white space between them kept.
fn text_of(line: &str, ps: &[Piece<'_>]) -> String {
    match (ps.first(), ps.last()) {
        (Some(a), Some(b)) => line.chars().skip(a.start).take(b.end - a.start).collect(),
        _ => String::new(),
    }
}

/// A cell read: a figure, a blank ("—", empty), or text that is not a figure.
enum Read {
    Figure(Cell),
    Blank,
    Bad(String),
}

fn read_cell(p: &Piece<'_>, at: usize) -> Read {
    if p.text.is_empty() || is_blank_mark(p.text) {
        return Read::Blank;
    }
    match figure(p.text) {
        Ok((figure, negated)) => Read::Figure(Cell {
            figure,
            span: (at + p.start, at + p.end),
            negated,
        }),
        Err(e) => Read::Bad(e.to_string()),
    }
}

/// Reads line `number` (1-based, for messages) starting at char `at` of the paste.
pub fn read(line: &str, number: usize, at: usize, header: &Header) -> Line {
    if line.trim().is_empty() {
        return Line::Blank;
    }
    let (form, ps) = pieces(line);
    let n = header.columns.len();
    // the label's pieces and the figure cells' pieces
    let split = if form.is_positional() {
        header.label_cells.min(ps.len())
    } else {
        let figures = ps
            .iter()
            .rev()
            .take_while(|p| looks_numeric(p.text) || is_blank_mark(p.text))
            .count();
        ps.len() - figures
    };
    let (label_ps, cell_ps) = ps.split_at(split);
    let label_ps: Vec<Piece<'_>> = label_ps
        .iter()
        .copied()
        .filter(|p| !p.text.is_empty())
        .collect();
    let label = text_of(line, &label_ps);
    let mut cell_ps = cell_ps.to_vec();
    while cell_ps.last().is_some_and(|p| p.text.is_empty()) {
        cell_ps.pop();
    }
    let span_from = label_ps
        .first()
        .or(cell_ps.first())
        .map_or(at, |p| at + p.start);
    let span = (
        span_from,
        cell_ps
            .last()
            .or(label_ps.last())
            .map_or(at, |p| at + p.end),
    );
    if cell_ps.is_empty() {
        return if is_heading(&label) {
            Line::Label(label, span)
        } else {
            Line::End
        };
    }
    if is_prose(&label) {
        return Line::End;
    }
    let row = |cells: Cells| {
        Line::Row(Row {
            line: number,
            marker: last_marker(&label),
            label: label.clone(),
            span,
            cells,
        })
    };
    let reads: Vec<Read> = cell_ps.iter().map(|p| read_cell(p, at)).collect();
    let figures: Vec<Cell> = reads
        .iter()
        .filter_map(|r| match r {
            Read::Figure(c) => Some(c.clone()),
            _ => None,
        })
        .collect();
    let malformed = |why: String| row(Cells::Malformed(figures.clone(), why));
    if let Some(bad) = reads.iter().find_map(|r| match r {
        Read::Bad(why) => Some(why.clone()),
        _ => None,
    }) {
        return malformed(bad);
    }
    // a figure left in the label of spaced text (after its marker or 序号) means the cells are not where
    // the spaces say
    let stray = label_ps.iter().enumerate().any(|(i, p)| {
        looks_numeric(p.text)
            && !(i == 0 && marker_at(p.text).is_some())
            && !(i == 0 && label_ps.len() > 1)
    });
    if stray || (form.is_positional() && !label.is_empty() && looks_numeric(&label)) {
        // the row is named by its words, before the stray figures
        let words = label_ps
            .iter()
            .take_while(|p| !looks_numeric(p.text) || marker_at(p.text).is_some());
        let words: Vec<Piece<'_>> = words.copied().collect();
        // the stray figures are listed with the row's, so none goes unmentioned
        let mut all: Vec<Cell> = label_ps[words.len()..]
            .iter()
            .filter_map(|p| match read_cell(p, at) {
                Read::Figure(c) => Some(c),
                _ => None,
            })
            .collect();
        all.extend(figures);
        return Line::Row(Row {
            line: number,
            marker: None,
            label: text_of(line, &words),
            span,
            cells: Cells::Malformed(all, "标签后夹有无法分清的数字，各单元格无法对齐".into()),
        });
    }
    if cell_ps.len() > n {
        return malformed(format!(
            "有 {} 个单元格，多于表头的 {n} 列，无法对齐",
            cell_ps.len()
        ));
    }
    if !form.is_positional() && cell_ps.len() < n {
        // every reading puts a 0 where it stands, and nothing elsewhere
        let zeros =
            figures.len() == cell_ps.len() && figures.iter().all(|c| c.figure.value.is_zero());
        return row(if zeros {
            Cells::Zeros(figures)
        } else {
            Cells::Unplaced(figures)
        });
    }
    let mut placed: Vec<Option<Cell>> = Vec::with_capacity(n);
    for (col, r) in header.columns.iter().zip(
        reads
            .into_iter()
            .chain(std::iter::repeat_with(|| Read::Blank)),
    ) {
        let rate = matches!(col.role, Role::Rate(_) | Role::Other);
        let change = matches!(col.role, Role::Change { .. });
        match r {
            Read::Figure(c) => {
                if c.figure.is_percent() && !rate {
                    return malformed(format!(
                        "“{}%”落在金额列“{}”中，无法对齐",
                        crate::num::decimal::text(c.figure.value.abs()),
                        col.name
                    ));
                }
                if c.negated && !(rate || change) {
                    return malformed(format!("“{}”列的数字前有增减字样，无法对齐", col.name));
                }
                placed.push(Some(c));
            }
            _ => placed.push(None),
        }
    }
    row(Cells::Placed(placed))
}
