//! Lines and tokens of a pasted table, with char spans into the paste. Text copied from a PDF or a web page
//! is split at white space (and where digits meet text: "其他收入6.20"); a line with tabs (Excel/WPS) or
//! "|" separators (web/markdown) is split into cells, so an empty cell stays a blank in its column.

use super::kinds::{is_invisible, norm_char, squash};
use super::model::{Amount, Span};
use super::num::parse_figure;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A number with a decimal point or separators ("2,940.05"), or a negative one.
    Num,
    /// Bare digits ("201", "06", "0"): a code part, a 行次, or an integer amount.
    Digits,
    /// A printed blank ("-", "—") or an empty cell.
    Blank,
    /// Anything else.
    Text,
}

/// A token.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub kind: Kind,
    pub text: String,
    pub span: Span,
    /// The parsed number (Num and Digits).
    pub amount: Option<Amount>,
    /// The cell index within its line, for cell-separated lines.
    pub cell: Option<usize>,
}

/// A line of the paste.
#[derive(Debug, Clone)]
pub(crate) struct LexLine {
    /// The line without white space, for matching.
    pub squashed: String,
    pub span: Span,
    pub toks: Vec<Tok>,
    /// Split into cells (tabs or "|").
    pub cells: bool,
}

/// Splits the paste into lines and tokens; `offset` is the paste position of `text`'s first char.
pub(crate) fn lex(text: &str, offset: usize, problems: &mut Vec<String>) -> Vec<LexLine> {
    let orig: Vec<char> = text.chars().collect();
    let chars: Vec<char> = orig.iter().map(|c| norm_char(*c)).collect();
    let mut lines = Vec::new();
    let mut start = 0;
    for i in 0..=chars.len() {
        if i == chars.len() || chars[i] == '\n' {
            let mut end = i;
            if end > start && chars[end - 1] == '\r' {
                end -= 1;
            }
            lines.push(lex_line(&chars, &orig, start, end, offset, problems));
            start = i + 1;
        }
    }
    lines
}

fn lex_line(
    chars: &[char],
    orig: &[char],
    start: usize,
    end: usize,
    offset: usize,
    problems: &mut Vec<String>,
) -> LexLine {
    let line: &[char] = chars.get(start..end).unwrap_or(&[]);
    let shown: &[char] = orig.get(start..end).unwrap_or(&[]);
    let raw: String = line.iter().collect();
    let tabs = line.contains(&'\t');
    // "79 |": a web table copied one cell per line keeps the bar after each cell
    let bars = line.iter().filter(|c| **c == '|').count();
    let trimmed: String = raw.trim().to_string();
    let pipes = bars >= 2 || (bars == 1 && (trimmed.ends_with('|') || trimmed.starts_with('|')));
    let mut toks = Vec::new();
    if tabs || pipes {
        let sep = if tabs { '\t' } else { '|' };
        let separator_row = pipes && line.iter().all(|c| matches!(c, '|' | '-' | ':' | ' '));
        if !separator_row {
            let mut cells: Vec<(usize, usize)> = Vec::new();
            let mut s = 0;
            for (i, c) in line.iter().enumerate() {
                if *c == sep {
                    cells.push((s, i));
                    s = i + 1;
                }
            }
            cells.push((s, line.len()));
            if pipes && !tabs {
                // "| a | b |": the text before the first bar and after the last is not a cell
                if cells.first().is_some_and(|&(a, b)| blank(&line[a..b])) {
                    cells.remove(0);
                }
                if cells.last().is_some_and(|&(a, b)| blank(&line[a..b])) {
                    cells.pop();
                }
            }
            for (n, (a, b)) in cells.into_iter().enumerate() {
                let before = toks.len();
                split_words(
                    (line, shown),
                    a,
                    b,
                    start + offset,
                    Some(n),
                    &mut toks,
                    problems,
                );
                if toks.len() == before {
                    let at = start + offset + a;
                    toks.push(Tok {
                        kind: Kind::Blank,
                        text: String::new(),
                        span: (at, at),
                        amount: None,
                        cell: Some(n),
                    });
                }
            }
        }
    } else {
        split_words(
            (line, shown),
            0,
            line.len(),
            start + offset,
            None,
            &mut toks,
            problems,
        );
    }
    LexLine {
        squashed: squash(&raw),
        span: (start + offset, end + offset),
        toks,
        cells: tabs || pipes,
    }
}

fn blank(cs: &[char]) -> bool {
    cs.iter().all(|c| c.is_whitespace() || is_invisible(*c))
}

/// Splits chars [a, b) of a line at white space, then where digits meet text.
fn split_words(
    (line, shown): (&[char], &[char]),
    a: usize,
    b: usize,
    base: usize,
    cell: Option<usize>,
    toks: &mut Vec<Tok>,
    problems: &mut Vec<String>,
) {
    let mut i = a;
    while i < b {
        while i < b && (line[i].is_whitespace() || is_invisible(line[i])) {
            i += 1;
        }
        let s = i;
        while i < b && !(line[i].is_whitespace() || is_invisible(line[i])) {
            i += 1;
        }
        if s < i {
            split_runs((line, shown), s, i, base, cell, toks, problems);
        }
    }
}

fn is_num_start(line: &[char], i: usize) -> bool {
    let next_digit = line.get(i + 1).is_some_and(char::is_ascii_digit);
    line.get(i)
        .is_some_and(|c| c.is_ascii_digit() || (*c == '-' && next_digit))
}

fn split_runs(
    (line, shown): (&[char], &[char]),
    s: usize,
    e: usize,
    base: usize,
    cell: Option<usize>,
    toks: &mut Vec<Tok>,
    problems: &mut Vec<String>,
) {
    let mut i = s;
    while i < e {
        let start = i;
        i += 1;
        if is_num_start(line, start) {
            while i < e
                && (line[i].is_ascii_digit()
                    || (matches!(line[i], ',' | '.')
                        && line.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                i += 1;
            }
        } else {
            while i < e && !is_num_start(line, i) {
                i += 1;
            }
        }
        let numeric: String = line[start..i].iter().collect();
        let text: String = shown.get(start..i).unwrap_or(&[]).iter().collect();
        toks.push(classify(
            numeric,
            text,
            (base + start, base + i),
            cell,
            problems,
        ));
    }
}

fn classify(
    numeric: String,
    text: String,
    span: Span,
    cell: Option<usize>,
    problems: &mut Vec<String>,
) -> Tok {
    let mut tok = Tok {
        kind: Kind::Text,
        text,
        span,
        amount: None,
        cell,
    };
    let t = numeric.as_str();
    if matches!(t, "-" | "--" | "—" | "——" | "/" | "／" | "－") {
        tok.kind = Kind::Blank;
        return tok;
    }
    let is_numeric = t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-'));
    if !is_numeric {
        return tok;
    }
    match parse_figure(t) {
        Ok(f) if f.unit.is_empty() => {
            tok.kind = if t.contains(['.', ',']) || t.starts_with('-') {
                Kind::Num
            } else {
                Kind::Digits
            };
            tok.text = t.to_string();
            tok.amount = Some(Amount {
                value: f.value,
                scale: f.scale,
                span,
            });
        }
        Ok(_) | Err(_) => problems.push(format!("无法识别的数字：“{t}”，已跳过")),
    }
    tok
}
