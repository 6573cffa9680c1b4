//! The cells of one line of a pasted table — Excel's tabs, a web page's bars, or the runs of spaces of a
//! PDF or web copy — with their char offsets, and what a cell can be: a number, a "not applicable" mark,
//! or a numbered label's marker (一、 (一) 1. (1) ①).

use crate::num::figure::{is_invisible, normalize_char, parse_figure, Figure};

/// How a line's cells are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Tabs (Excel, WPS).
    Tab,
    /// `|` (a web table copied as text).
    Bar,
    /// Runs of white space: empty cells leave no trace.
    Space,
}

impl Form {
    /// Whether cells keep their positions (an empty cell is still a cell).
    pub fn is_positional(self) -> bool {
        self != Form::Space
    }
}

/// One cell: its text, trimmed, and where it starts and ends in the line (chars).
#[derive(Debug, Clone, Copy)]
pub struct Piece<'a> {
    /// The text.
    pub text: &'a str,
    /// First char, counted from the line's start.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Where the text starts in the line, in bytes.
    byte: usize,
}

/// The cells of a line. Tabs and bars keep empty cells, except the empty cell before a leading bar.
pub fn pieces<'a>(line: &'a str) -> (Form, Vec<Piece<'a>>) {
    let form = if line.contains('\t') {
        Form::Tab
    } else if line.contains('|') {
        Form::Bar
    } else {
        Form::Space
    };
    let is_sep = |c: char| match form {
        Form::Tab => c == '\t',
        Form::Bar => c == '|',
        Form::Space => c.is_whitespace(),
    };
    let mut out = Vec::new();
    let (mut from_byte, mut from_char) = (0, 0);
    let push = |a: usize, b: usize, ca: usize, out: &mut Vec<Piece<'a>>| {
        let raw = line.get(a..b).unwrap_or("");
        let lead = raw.chars().take_while(|c| c.is_whitespace()).count();
        let text = raw.trim();
        out.push(Piece {
            text,
            start: ca + lead,
            end: ca + lead + text.chars().count(),
            byte: a + (raw.len() - raw.trim_start().len()),
        });
    };
    for (n, (i, c)) in line.char_indices().enumerate() {
        if is_sep(c) {
            if form.is_positional() || from_byte < i {
                push(from_byte, i, from_char, &mut out);
            }
            from_byte = i + c.len_utf8();
            from_char = n + 1;
        }
    }
    if from_byte < line.len() || form.is_positional() {
        push(from_byte, line.len(), from_char, &mut out);
    }
    if form == Form::Bar && line.trim_start().starts_with('|') && !out.is_empty() {
        out.remove(0);
    }
    if !form.is_positional() {
        out.retain(|p| !p.text.is_empty());
        // "99.93 %": the sign spaced from its number is still its cell
        let mut merged: Vec<Piece<'a>> = Vec::with_capacity(out.len());
        for p in out {
            match merged.last_mut() {
                Some(prev) if matches!(p.text, "%" | "％") => {
                    prev.text = line
                        .get(prev.byte..p.byte + p.text.len())
                        .unwrap_or(prev.text);
                    prev.end = p.end;
                }
                _ => merged.push(p),
            }
        }
        out = merged;
    }
    (form, out)
}

/// A cell's text with full-width digits and signs made ASCII.
fn ascii(text: &str) -> String {
    text.chars()
        .filter(|c| !is_invisible(*c) && !c.is_whitespace())
        .map(normalize_char)
        .collect()
}

/// Whether a cell says "not applicable" or names a rate that cannot be computed: no figure in it.
pub fn is_blank_mark(text: &str) -> bool {
    crate::num::figure::is_not_applicable(text)
        || matches!(text.trim(), "新增" | "持平" | "—%" | "-%")
}

/// Whether a cell is written as a number (with an optional sign, 增长/下降 word and % sign): such a cell
/// is a figure even when it cannot be read (`12.3.4` is a malformed figure, not a label).
pub fn looks_numeric(text: &str) -> bool {
    let t = ascii(text);
    let t = strip_direction(&t).1;
    let t = t.strip_suffix('%').unwrap_or(t);
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    // "1." is a numbered label's marker, not a figure
    t.starts_with(|c: char| c.is_ascii_digit())
        && !t.ends_with('.')
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

fn strip_direction(t: &str) -> (bool, &str) {
    for w in ["增加", "增长", "上升", "提高"] {
        if let Some(rest) = t.strip_prefix(w) {
            return (false, rest);
        }
    }
    for w in ["减少", "下降", "降低"] {
        if let Some(rest) = t.strip_prefix(w) {
            return (true, rest);
        }
    }
    (false, t)
}

/// A numeric cell read: its figure (signed: 下降 5% is −5) and whether a 下降/减少 word made it negative.
///
/// # Errors
/// The figure's own error (its message names the text) when it cannot be read, or when a unit other than
/// % follows it.
pub fn figure(text: &str) -> crate::Result<(Figure, bool)> {
    let t = ascii(text);
    let (down, rest) = strip_direction(&t);
    let mut f = parse_figure(rest)?;
    if !f.unit.is_empty() && !f.is_percent() {
        return Err(crate::Error::MalformedFigure {
            text: text.trim().to_string(),
            reason: "数字后有多余的字符",
        });
    }
    if down {
        f.value = -f.value;
    }
    Ok((f, down))
}

/// A numbered label's marker: its depth (一、 1, (一) 2, 1. 3, (1) 4, ① 5) and its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// How deep: the usual order of Chinese numbering.
    pub depth: u8,
    /// Its number (一 and 1 are 1).
    pub ordinal: u32,
}

fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    let cs: Vec<char> = s.chars().collect();
    match cs[..] {
        ['十'] => Some(10),
        [a] => digit(a),
        ['十', b] => Some(10 + digit(b)?),
        [a, '十'] => Some(10 * digit(a)?),
        [a, '十', b] => Some(10 * digit(a)? + digit(b)?),
        _ => None,
    }
}

/// The marker a piece of label begins with, and how many chars it takes.
pub fn marker_at(text: &str) -> Option<(Marker, usize)> {
    let t: String = text.chars().take(6).map(normalize_char).collect();
    let cs: Vec<char> = t.chars().collect();
    let numerals = cs
        .iter()
        .take_while(|c| "一二三四五六七八九十".contains(**c))
        .count();
    if numerals > 0 && cs.get(numerals) == Some(&'、') {
        let n: String = cs[..numerals].iter().collect();
        return Some((marker(1, chinese_number(&n)?), numerals + 1));
    }
    let digits = cs.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=2).contains(&digits) && matches!(cs.get(digits), Some('.' | '、' | '．')) {
        // "1.5" is a number, "1." a marker
        if !cs.get(digits + 1).is_some_and(char::is_ascii_digit) {
            let n: String = cs[..digits].iter().collect();
            return Some((marker(3, n.parse().ok()?), digits + 1));
        }
    }
    if matches!(cs.first(), Some('(' | '（')) {
        let inner: String = cs[1..]
            .iter()
            .take_while(|c| !matches!(c, ')' | '）'))
            .collect();
        let close = 1 + inner.chars().count();
        if matches!(cs.get(close), Some(')' | '）')) {
            if let Some(n) = chinese_number(&inner) {
                return Some((marker(2, n), close + 1));
            }
            if (1..=2).contains(&inner.len()) {
                if let Ok(n) = inner.parse() {
                    return Some((marker(4, n), close + 1));
                }
            }
        }
    }
    let circled = cs
        .first()
        .and_then(|&c| ('①'..='⑳').contains(&c).then(|| c as u32 - '①' as u32 + 1));
    circled.map(|n| (marker(5, n), 1))
}

fn marker(depth: u8, ordinal: u32) -> Marker {
    Marker { depth, ordinal }
}

/// The last marker of a label: "一、收入支出情况对比 (一) 收入总计" is the row (一) under the heading 一、
/// merged into its first cell. Markers begin the label or follow white space.
pub fn last_marker(label: &str) -> Option<Marker> {
    let mut found = marker_at(label.trim_start()).map(|m| m.0);
    let mut prev_space = false;
    for (i, c) in label.char_indices() {
        if prev_space && !c.is_whitespace() {
            if let Some((m, _)) = label.get(i..).and_then(marker_at) {
                found = Some(m);
            }
        }
        prev_space = c.is_whitespace();
    }
    found
}
