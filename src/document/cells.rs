//! Cutting pasted text into cells, before any reader looks at them:
//!
//! - Excel/WPS clipboard text: one row per line, cells between tabs. A cell that holds a tab, a line break
//!   (Alt+Enter) or a quote is written the RFC 4180 way: in quotes, inner quotes doubled. Such a cell is
//!   one cell, however many lines it spans; text that merely starts with a quote (`"十四五"规划`) is not
//!   quoted, since Excel would have doubled its inner quotes.
//! - web copies with `|` between cells: every piece between two bars is a cell, empty ones too (a page
//!   writes an empty cell as a bar alone on its line), so the cells keep their places even where the lines
//!   do not follow the rows.

use super::table::Span;

/// One cell: its text (unquoted, trimmed; a line break inside joined) and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Cell {
    pub text: String,
    pub span: Span,
    /// 1-based line of the paste where the cell's text starts.
    pub line: usize,
    /// Whether a line break comes between the previous cell and this one.
    pub nl: bool,
}

/// One row of Excel cells: its first line, its span and its cells.
#[derive(Debug, Clone)]
pub(super) struct Row {
    pub no: usize,
    pub span: Span,
    pub cells: Vec<Cell>,
}

/// The rows of Excel/WPS clipboard text.
pub(super) fn excel_rows(text: &str) -> Vec<Row> {
    let chars: Vec<char> = text.chars().collect();
    let mut rows = Vec::new();
    let (mut i, mut line) = (0, 1);
    loop {
        let (row, next, lines) = excel_row(&chars, i, line);
        rows.push(row);
        if next >= chars.len() {
            break;
        }
        i = next;
        line += lines;
    }
    rows
}

/// Reads the row that starts at char `i` on line `line`: the row, where the next row starts, and how many
/// line breaks it spans (its own end included).
fn excel_row(chars: &[char], start: usize, line: usize) -> (Row, usize, usize) {
    let mut cells = Vec::new();
    let (mut i, mut lines) = (start, 0);
    loop {
        let (cell, end, inner_lines) = match quoted(chars, i) {
            Some((text, close)) => {
                let span = (i + 1, close);
                (
                    cell_of(text, span, line + lines),
                    close + 1,
                    newlines(chars, i, close),
                )
            }
            None => {
                let end = (i..chars.len())
                    .find(|&k| matches!(chars.get(k), Some('\t' | '\n')))
                    .unwrap_or(chars.len());
                let raw: String = chars.get(i..end).unwrap_or(&[]).iter().collect();
                let raw = raw.strip_suffix('\r').unwrap_or(&raw);
                (trimmed(raw, i, line + lines), end, 0)
            }
        };
        cells.push(cell);
        lines += inner_lines;
        // after a quoted cell, its own CR before the line break
        let mut k = end;
        if chars.get(k) == Some(&'\r') && chars.get(k + 1) == Some(&'\n') {
            k += 1;
        }
        match chars.get(k) {
            Some('\t') => i = k + 1,
            Some('\n') => {
                let row_end = if k > 0 && chars.get(k - 1) == Some(&'\r') {
                    k - 1
                } else {
                    k
                };
                let row = Row {
                    no: line,
                    span: (start, row_end),
                    cells,
                };
                return (row, k + 1, lines + 1);
            }
            _ => {
                let row = Row {
                    no: line,
                    span: (start, chars.len().min(k)),
                    cells,
                };
                return (row, chars.len(), lines);
            }
        }
    }
}

/// A quoted cell at `i`: its unescaped text and the index of its closing quote; None when the text there
/// is not a well-formed quoted cell.
fn quoted(chars: &[char], i: usize) -> Option<(String, usize)> {
    if chars.get(i) != Some(&'"') {
        return None;
    }
    let mut text = String::new();
    let mut k = i + 1;
    loop {
        match chars.get(k)? {
            '"' if chars.get(k + 1) == Some(&'"') => {
                text.push('"');
                k += 2;
            }
            '"' => {
                let closes = match chars.get(k + 1) {
                    None | Some('\t' | '\n') => true,
                    Some('\r') => matches!(chars.get(k + 2), None | Some('\n')),
                    _ => false,
                };
                return closes.then_some((text, k));
            }
            &c => {
                text.push(c);
                k += 1;
            }
        }
    }
}

fn newlines(chars: &[char], from: usize, to: usize) -> usize {
    chars
        .get(from..to)
        .map_or(0, |s| s.iter().filter(|&&c| c == '\n').count())
}

/// A quoted cell's text with its line breaks joined: nothing between Chinese text, a space between Latin
/// words or numbers.
fn cell_of(text: String, span: Span, line: usize) -> Cell {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' || c == '\n' {
            while chars.peek().is_some_and(|n| *n == '\r' || *n == '\n') {
                chars.next();
            }
            let before = out.trim_end().chars().last();
            let after = chars.peek().copied();
            let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            if latin(before) && latin(after) {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
    }
    Cell {
        text: out.trim().to_string(),
        span,
        line,
        nl: false,
    }
}

/// An unquoted cell: its text trimmed, its span that of the trimmed text.
fn trimmed(raw: &str, start: usize, line: usize) -> Cell {
    let lead = raw.chars().take_while(|c| c.is_whitespace()).count();
    let text = raw.trim();
    let s = start + lead;
    Cell {
        text: text.to_string(),
        span: (s, s + text.chars().count()),
        line,
        nl: false,
    }
}

/// Whether a section's text is a web copy with `|` between cells: several of its lines hold a bar and
/// none a tab.
pub(super) fn is_barred(text: &str) -> bool {
    !text.contains('\t') && text.lines().filter(|l| l.contains('|')).nth(2).is_some()
}

/// The cells of a web copy with `|` between cells, in order, empty ones included.
pub(super) fn bar_cells(text: &str) -> Vec<Cell> {
    let mut out = Vec::new();
    let (mut pos, mut line) = (0, 1);
    let mut pieces: Vec<&str> = text.split('|').collect();
    // Lines before the first bar are not the table's: only the text after the last of them is a cell.
    if pieces.len() > 1 {
        if let Some(first) = pieces.first_mut() {
            if let Some(nl) = first.trim_end().rfind('\n') {
                let skipped = first.get(..=nl).unwrap_or("");
                pos += skipped.chars().count();
                line += skipped.matches('\n').count();
                *first = first.get(nl + 1..).unwrap_or("");
            }
        }
    }
    for piece in pieces {
        let n = piece.chars().count();
        let lead: String = piece.chars().take_while(|c| c.is_whitespace()).collect();
        let nl = lead.contains('\n');
        let start_line = line + lead.matches('\n').count();
        let mut cell = trimmed(piece, pos, start_line);
        cell.nl = nl;
        out.push(cell);
        line += piece.matches('\n').count();
        pos += n + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(rows: &[Row]) -> Vec<Vec<&str>> {
        rows.iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn excel_quoting() {
        let cases: &[(&str, &[&[&str]])] = &[
            ("a\tb\r\nc\td\r\n", &[&["a", "b"], &["c", "d"]]),
            // Alt+Enter inside a cell: one cell over two lines, joined
            (
                "甲\t\"发送\n短信\"\t7\n乙\t1\t2",
                &[&["甲", "发送短信", "7"], &["乙", "1", "2"]],
            ),
            // inner quotes doubled
            (
                "\"“吉速办”\"\"小程序\"\"\"\t5",
                &[&["“吉速办”\"小程序\"", "5"]],
            ),
            // a quote that opens text, not a cell
            ("\"十四五\"规划\t5\n", &[&["\"十四五\"规划", "5"]]),
            // never closed: literal
            (
                "\"未闭合\t5\n下一行\t6",
                &[&["\"未闭合", "5"], &["下一行", "6"]],
            ),
            ("\"12\r\n34\"\tx\r\n", &[&["12 34", "x"]]),
        ];
        for &(text, want) in cases {
            let rows = excel_rows(text);
            let want: Vec<Vec<&str>> = want.iter().map(|r| r.to_vec()).collect();
            assert_eq!(texts(&rows), want, "{text:?}");
        }
        let rows = excel_rows("甲\t\"发送\n短信\"\t7\n乙\t1\t2");
        assert_eq!(rows.iter().map(|r| r.no).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(rows[0].cells[1].span, (3, 8));
        assert_eq!(rows[1].cells[0].span, (12, 13));
    }

    #[test]
    fn bars_keep_empty_cells_in_their_places() {
        let cells = bar_cells("年度资金总额 |\n| 1.00 | 2.00 |\n| 乙 |");
        let t: Vec<(&str, bool, usize)> = cells
            .iter()
            .map(|c| (c.text.as_str(), c.nl, c.line))
            .collect();
        assert_eq!(
            t,
            [
                ("年度资金总额", false, 1),
                ("", true, 2),
                ("1.00", false, 2),
                ("2.00", false, 2),
                ("", true, 3),
                ("乙", false, 3),
                ("", false, 3)
            ]
        );
        assert_eq!(cells[2].span, (11, 15));
        assert!(is_barred("a | b\nc | d\ne | f"));
        assert!(!is_barred("a | b\nc\td\ne | f\ng | h"));
    }
}
