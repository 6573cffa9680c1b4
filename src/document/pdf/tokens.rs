//! Cutting PDF text into tokens (runs of non-space characters) and the per-token tests the readers use.
//!
//! A token borrows its text from the input (and its normalized text from the input too, unless
//! normalizing changes it), so cutting the seed (3,000 tokens) allocates nothing per token; the tests a row
//! reader asks again and again (does it start with a comparator, is it a qualitative word) are answered
//! once here.

use super::super::vocab;
use crate::num::figure::{is_not_applicable, normalize_char};

/// A run of non-space characters.
#[derive(Clone, Copy)]
pub(super) struct Tok<'t> {
    /// The token as written.
    pub raw: &'t str,
    /// `raw` with full-width digits and signs made ASCII (`normalize_char`), one char for one char.
    pub norm: &'t str,
    /// Char offset of the token in the text.
    pub start: usize,
    /// Char offset just after the token; `end - start` is its length in chars.
    pub end: usize,
    /// Byte offset of the token in the text (for cutting the text between two tokens).
    pub byte: usize,
    /// 1-based line number.
    pub line: usize,
    /// Whether the white space before it holds a line break.
    pub nl_before: bool,
    /// Length in chars of the comparator it starts with (`>=` 2, `≥` 1), 0 when none.
    pub cmp: usize,
    /// Whether the whole token is a qualitative word (`保障`, `达成`).
    pub qual: bool,
}

impl Tok<'_> {
    /// Length in chars.
    pub fn chars(&self) -> usize {
        self.end - self.start
    }
}

/// Where a token is, before it borrows its text.
struct Cut {
    start: usize,
    end: usize,
    byte: usize,
    byte_end: usize,
    line: usize,
    nl_before: bool,
    /// The token's normalized text in the buffer, when it differs from the token.
    norm: Option<(usize, usize)>,
}

/// Cuts `text` into tokens. `buf` holds the normalized text of the few tokens that normalizing changes
/// (full-width `（１２％）`); the others borrow `norm` from `text` itself.
pub(super) fn tokenize<'t>(text: &'t str, buf: &'t mut String) -> Vec<Tok<'t>> {
    let mut cuts = Vec::with_capacity(text.len() / 12);
    let (mut line, mut nl) = (1, true);
    // (char index, byte index, whether normalizing changes a char) of the current token.
    let mut start: Option<(usize, usize, bool)> = None;
    let mut cut = |(s, b, changed): (usize, usize, bool), e: usize, be: usize, line, nl| {
        let norm = changed.then(|| {
            let n = buf.len();
            push_normalized(buf, text.get(b..be).unwrap_or(""));
            (n, buf.len())
        });
        cuts.push(Cut {
            start: s,
            end: e,
            byte: b,
            byte_end: be,
            line,
            nl_before: nl,
            norm,
        });
    };
    let bytes = text.as_bytes();
    let (mut byte, mut i) = (0, 0);
    while byte < bytes.len() {
        let (c, width) = decode(bytes, byte);
        if is_space(c) {
            if let Some(at) = start.take() {
                cut(at, i, byte, line, nl);
                nl = false;
            }
            if c == '\n' {
                line += 1;
                nl = true;
            }
        } else {
            let changed = normalized(c) != c;
            match &mut start {
                None => start = Some((i, byte, changed)),
                Some((_, _, any)) => *any |= changed,
            }
        }
        byte += width;
        i += 1;
    }
    if let Some(at) = start {
        cut(at, i, text.len(), line, nl);
    }
    let buf: &'t str = buf;
    cuts.into_iter()
        .map(|c| {
            let raw = text.get(c.byte..c.byte_end).unwrap_or("");
            let norm = match c.norm {
                Some((a, b)) => buf.get(a..b).unwrap_or(""),
                None => raw,
            };
            Tok {
                raw,
                norm,
                start: c.start,
                end: c.end,
                byte: c.byte,
                line: c.line,
                nl_before: c.nl_before,
                cmp: comparator_len(norm),
                qual: vocab::is_qualitative_token(raw),
            }
        })
        .collect()
}

/// `char::is_whitespace`, answered without a table look-up for CJK text: no white space lies above U+3000.
fn is_space(c: char) -> bool {
    c == '\u{3000}' || (c < '\u{3000}' && c.is_whitespace())
}

/// Whether `c` lies between U+3000 and the full-width forms (U+FF00), where `normalize_char` changes nothing.
fn is_cjk_text(c: char) -> bool {
    ('\u{3001}'..'\u{FF00}').contains(&c)
}

/// `normalize_char`, skipping the call for ASCII and CJK text, which it leaves alone.
fn normalized(c: char) -> char {
    if c.is_ascii() || is_cjk_text(c) {
        c
    } else {
        normalize_char(c)
    }
}

/// Appends `raw` normalized to `buf`, copying the runs that normalizing leaves alone as they are.
fn push_normalized(buf: &mut String, raw: &str) {
    let bytes = raw.as_bytes();
    let (mut run, mut at) = (0, 0);
    while at < bytes.len() {
        let (c, width) = decode(bytes, at);
        let n = normalized(c);
        if n != c {
            buf.push_str(raw.get(run..at).unwrap_or(""));
            buf.push(n);
            run = at + width;
        }
        at += width;
    }
    buf.push_str(raw.get(run..).unwrap_or(""));
}

/// The char that starts at byte `at` of valid UTF-8, and its width. Decoding by hand: the size-optimized
/// build calls the standard iterator once per char, which cost more than the rest of cutting the text.
#[inline(always)]
pub(super) fn decode(bytes: &[u8], at: usize) -> (char, usize) {
    let lead = u32::from(bytes.get(at).copied().unwrap_or(0));
    #[inline(always)]
    fn cont(bytes: &[u8], at: usize) -> u32 {
        bytes.get(at).map_or(0, |&b| u32::from(b & 0x3F))
    }
    let next = |k: usize| cont(bytes, at + k);
    let (code, width) = match lead {
        0..=0x7F => (lead, 1),
        0xC0..=0xDF => (((lead & 0x1F) << 6) | next(1), 2),
        0xE0..=0xEF => (((lead & 0x0F) << 12) | (next(1) << 6) | next(2), 3),
        _ => (
            ((lead & 0x07) << 18) | (next(1) << 12) | (next(2) << 6) | next(3),
            4,
        ),
    };
    (
        char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER),
        width,
    )
}

/// Length in chars of the comparator `n` starts with.
pub(super) fn comparator_len(n: &str) -> usize {
    let mut it = n.chars();
    match (it.next(), it.next()) {
        (Some('>' | '<' | '='), Some('=')) => 2,
        (Some('>' | '<' | '=' | '≥' | '≤' | '≧' | '≦'), _) => 1,
        _ => 0,
    }
}

/// `n` without its first `k` chars.
pub(super) fn skip_chars(n: &str, k: usize) -> &str {
    match n.char_indices().nth(k) {
        Some((b, _)) => n.get(b..).unwrap_or(""),
        None => "",
    }
}

pub(super) fn is_plain_number(n: &str) -> bool {
    n.bytes().any(|c| c.is_ascii_digit())
        && n.bytes().all(|c| c.is_ascii_digit() || c == b'.')
        && n.matches('.').count() <= 1
        && !n.starts_with('.')
        && !n.ends_with('.')
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// A unit, or a piece of one broken onto the next line: `万元`, `万`, `条`, `次/月`, `%`.
pub(super) fn is_unit_like(t: &Tok) -> bool {
    (1..=3).contains(&t.chars())
        && t.cmp == 0
        && !t.qual
        && t.norm
            .chars()
            .all(|c| is_cjk(c) || matches!(c, '/' | '%' | '‰') || c.is_ascii_alphabetic())
        && vocab::label_kind(t.raw).is_none()
}

/// A figure cell of the funds block, or a piece of one: digits, `.`, `,`, `%`, or `—` (not applicable).
pub(super) fn is_numericish(n: &str) -> bool {
    n == "%"
        || (n.bytes().any(|c| c.is_ascii_digit())
            && n.bytes()
                .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b',' | b'%')))
        // `n` is normalized and holds no space, so "not applicable" must begin with one of its dashes;
        // testing that first spares building a string for every label token.
        || (n.starts_with(['—', '-', '―', '─', '/']) && is_not_applicable(n))
}

/// Whether `next` continues the number `prev` broken at a line end: `100.0⏎0%`, `8.7⏎0`, `94.79⏎%`.
pub(super) fn continues_number(prev: &str, next: &Tok) -> bool {
    let n = next.norm;
    if n == "%" {
        return !prev.ends_with('%') && prev.ends_with(|c: char| c.is_ascii_digit());
    }
    if !next.nl_before || prev.ends_with('%') {
        return false;
    }
    let Some((_, frac)) = prev.split_once('.') else {
        return false;
    };
    let digits = n.strip_suffix('%').unwrap_or(n);
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && frac.chars().all(|c| c.is_ascii_digit())
        && frac.len() + digits.len() <= 2
}
