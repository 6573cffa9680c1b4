//! The pasted text as the extractor reads it: white space from PDF line breaks removed (Chinese has no
//! spaces between words, and a PDF breaks lines inside words and numbers), full-width digits and signs made
//! ASCII, and for every char kept, its offset in the original text, so every claim can point at its span.

use super::traditional::simplified;
use crate::num::figure::{is_invisible, normalize_char};

/// The cleaned text and the way back to the original.
#[derive(Debug, Clone, Default)]
pub struct CleanText {
    /// The cleaned chars.
    pub chars: Vec<char>,
    /// For each cleaned char, its offset (in chars) in the original text.
    origin: Vec<usize>,
    /// Cleaned indices of every 。, for sentence look-ups.
    stops: Vec<usize>,
    /// Where each narrative segment starts in the original text (chars): the tables of a disclosure lie
    /// between the segment holding its narrative and the next one.
    pub segment_starts: Vec<usize>,
    /// Cleaned indices of the chars that follow a removed line break (sorted): a web page's paragraph
    /// ends there, a PDF's soft break does not — the rules decide which by what surrounds it.
    pub breaks: Vec<usize>,
    /// The breaks (sorted, a subset of `breaks`) that end a statement without a 。: the next line opens a
    /// heading or a numbered item, or the line that ends was itself a short heading ("十、其他重要事项的情况
    /// 说明"). A PDF's soft break mid-sentence is neither.
    pub heads: Vec<usize>,
    /// Whether the origins rise with the cleaned index: not when two interleaved columns were read one
    /// after the other ([`super::interleaved`]).
    reordered: bool,
}

/// Chars that are part of a number's spelling.
fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || c == '.' || c == ','
}

/// Digits and number signs become ASCII; Chinese punctuation (，：；（）) stays as written, so a Chinese
/// comma is never mistaken for a thousands separator.
fn clean_char(c: char) -> char {
    match c {
        '０'..='９' | '．' | '％' | '＝' | '＜' | '＞' | '－' | '＋' | '−' | '–' => {
            normalize_char(c)
        }
        '\u{0660}'..='\u{066C}' | '\u{06F0}'..='\u{06F9}' => normalize_char(c),
        _ => simplified(c),
    }
}

impl CleanText {
    /// Cleans the byte ranges `segments` of `text` (the narrative between tables) as one text, a sentence
    /// end between two segments; origins stay offsets into the whole of `text`.
    ///
    /// White space between two parts of a number is dropped (`1,305.1 7`, `100.0⏎0%`, `1,⏎305`) unless the
    /// left part is already a figure with two decimals; then one space keeps two numbers apart (`5.00 5.00`).
    pub fn from_segments(text: &str, segments: &[std::ops::Range<usize>]) -> CleanText {
        let mut out = CleanText {
            chars: Vec::with_capacity(text.len() / 2),
            origin: Vec::with_capacity(text.len() / 2),
            stops: Vec::new(),
            segment_starts: Vec::new(),
            breaks: Vec::new(),
            heads: Vec::new(),
            reordered: false,
        };
        let mut chars_before = 0;
        let mut bytes_before = 0;
        for segment in segments {
            let Some(part) = text.get(segment.clone()).filter(|p| !p.trim().is_empty()) else {
                continue;
            };
            chars_before += text
                .get(bytes_before..segment.start)
                .map_or(0, |t| t.chars().count());
            bytes_before = segment.end;
            if !out.chars.is_empty() {
                out.stops.push(out.chars.len());
                out.chars.push('。');
                out.origin.push(chars_before);
            }
            out.segment_starts.push(chars_before);
            match super::interleaved::reading_order(part) {
                Some(pieces) => out.push_pieces(part, &pieces, chars_before),
                None => out.push_segment(part, chars_before),
            }
            chars_before += part.chars().count();
        }
        out.heads = out.heading_breaks();
        out
    }

    fn heading_breaks(&self) -> Vec<usize> {
        let mut line_start = 0;
        let mut heads = Vec::new();
        for &b in &self.breaks {
            let line = self.chars.get(line_start..b).unwrap_or_default();
            let heading_line = is_heading_at(&self.chars, line_start) && b - line_start <= 30;
            // a web snippet cut off ("动用预算稳...") and a short line of words alone (a title, a place
            // name between two snippets) end what stood before them
            let cut = line.ends_with(&['.', '.', '.']) || line.ends_with(&['…']);
            let title = line.len() <= 12
                && !line
                    .iter()
                    .any(|c| c.is_ascii_digit() || "，,。；;：:、".contains(*c));
            if title && !line.is_empty() && heads.last() != Some(&line_start) && line_start > 0 {
                heads.push(line_start);
            }
            if is_heading_at(&self.chars, b) || heading_line || cut || title {
                heads.push(b);
            }
            line_start = b;
        }
        heads
    }

    /// Pushes the byte ranges `pieces` of `part` (which starts at char `first` of the paste) in the order
    /// given, a line break between two: the cleaned chars keep their own origins.
    fn push_pieces(&mut self, part: &str, pieces: &[std::ops::Range<usize>], first: usize) {
        // the pieces as one text, and for each of its chars the paste's char offset
        let mut joined = String::new();
        let mut origin_of = Vec::new();
        for r in pieces {
            let Some(piece) = part.get(r.clone()) else {
                continue;
            };
            let at = first + part.get(..r.start).map_or(0, |t| t.chars().count());
            if !joined.is_empty() {
                joined.push('\n');
                origin_of.push(at);
            }
            joined.push_str(piece);
            origin_of.extend((0..piece.chars().count()).map(|k| at + k));
        }
        let from = self.origin.len();
        self.push_segment(&joined, 0);
        for o in self.origin.iter_mut().skip(from) {
            *o = origin_of.get(*o).copied().unwrap_or(first);
        }
        self.reordered = true;
    }

    fn push_segment(&mut self, text: &str, first: usize) {
        let out = self;
        let mut pending_space: Option<usize> = None;
        let mut pending_break = false;
        for (i, c) in text.chars().enumerate().map(|(i, c)| (i + first, c)) {
            if is_invisible(c) {
                continue;
            }
            if c.is_whitespace() {
                pending_space.get_or_insert(i);
                pending_break |= c == '\n';
                continue;
            }
            if std::mem::take(&mut pending_break) && !out.chars.is_empty() {
                out.breaks.push(out.chars.len());
            }
            let c = clean_char(c);
            if let Some(at) = pending_space.take() {
                if is_number_char(c)
                    && out.chars.last().is_some_and(|&l| is_number_char(l))
                    && !out.number_is_open(c)
                {
                    out.chars.push(' ');
                    out.origin.push(at);
                }
            }
            if c == '。' {
                out.stops.push(out.chars.len());
            }
            out.chars.push(c);
            out.origin.push(i);
        }
    }

    /// Whether the number ending the cleaned text so far continues with `next` across a line break. It does
    /// unless it is already a whole figure with two or more decimals (`5.00⏎5.00` are two table cells);
    /// a narrative never writes two bare numbers side by side, so any other break is inside one number.
    fn number_is_open(&self, next: char) -> bool {
        if next == '.' || next == ',' {
            return true;
        }
        let tail: Vec<char> = self
            .chars
            .iter()
            .rev()
            .take_while(|&&c| is_number_char(c))
            .copied()
            .collect();
        // tail is reversed: the digits after the point come first
        match tail.iter().position(|&c| c == '.') {
            Some(decimals) => decimals < 2,
            None => true,
        }
    }

    /// The original span [start, end) of cleaned chars [from, to).
    pub fn span(&self, from: usize, to: usize) -> (usize, usize) {
        if self.reordered && to > from {
            // the chars of two columns read one after the other: from the first to the last in the paste
            let os = self
                .origin
                .get(from..to.min(self.origin.len()))
                .unwrap_or(&[]);
            if let (Some(lo), Some(hi)) = (os.iter().min(), os.iter().max()) {
                return (*lo, hi + 1);
            }
        }
        let start = self.origin.get(from).copied().unwrap_or(0);
        let end = match to.checked_sub(1).and_then(|last| self.origin.get(last)) {
            Some(&o) if to > from => o + 1,
            _ => start,
        };
        (start, end)
    }

    /// The cleaned index of the first kept char at or after original offset `original`.
    pub fn index_of(&self, original: usize) -> usize {
        if self.reordered {
            // the kept char with the least offset at or after `original`
            return self
                .origin
                .iter()
                .enumerate()
                .filter(|(_, &o)| o >= original)
                .min_by_key(|(_, &o)| o)
                .map_or(self.origin.len(), |(i, _)| i);
        }
        self.origin.partition_point(|&o| o < original)
    }

    /// The cleaned chars [from, to) as a string.
    pub fn slice(&self, from: usize, to: usize) -> String {
        self.chars
            .get(from..to.min(self.chars.len()))
            .map(|s| s.iter().collect())
            .unwrap_or_default()
    }

    /// Whether the cleaned text at `at` starts with `word`.
    pub fn starts_with_at(&self, at: usize, word: &str) -> bool {
        (at..)
            .zip(word.chars())
            .all(|(i, w)| self.chars.get(i) == Some(&w))
    }

    /// Whether the cleaned text just before `at` ends with `word`.
    pub fn ends_with_at(&self, at: usize, word: &str) -> bool {
        let mut i = at;
        for w in word.chars().rev() {
            if i == 0 || self.chars.get(i - 1) != Some(&w) {
                return false;
            }
            i -= 1;
        }
        true
    }

    /// Every position where `word` starts, from `from` to `to`.
    pub fn find_all(&self, word: &str, from: usize, to: usize) -> Vec<usize> {
        let w: Vec<char> = word.chars().collect();
        let Some(&first) = w.first() else {
            return Vec::new();
        };
        let end = to.min(self.chars.len());
        let mut found = Vec::new();
        let mut i = from;
        while i < end {
            if self.chars.get(i) == Some(&first)
                && self.chars.get(i..).is_some_and(|rest| rest.starts_with(&w))
            {
                found.push(i);
            }
            i += 1;
        }
        found
    }

    /// Where the sentence holding cleaned index `at` starts: after a 。, or at a heading's line break.
    pub fn sentence_start(&self, at: usize) -> usize {
        let n = self.stops.partition_point(|&p| p < at);
        let after_stop = n
            .checked_sub(1)
            .and_then(|k| self.stops.get(k))
            .map_or(0, |&p| p + 1);
        let h = self.heads.partition_point(|&p| p <= at);
        let head = h
            .checked_sub(1)
            .and_then(|k| self.heads.get(k))
            .copied()
            .unwrap_or(0);
        after_stop.max(head)
    }

    /// Whether a statement begins at cleaned index `at` because of a heading's line break.
    pub fn is_head(&self, at: usize) -> bool {
        self.heads.binary_search(&at).is_ok()
    }
}

/// Whether a heading or a numbered item opens at `at`: 一、 / 十二、 / （一） / 1、 / 1. / 第一.
pub fn is_heading_at(chars: &[char], at: usize) -> bool {
    let c = |i: usize| chars.get(at + i).copied().unwrap_or(' ');
    let numeral = |x: char| "一二三四五六七八九十".contains(x);
    (numeral(c(0)) && (c(1) == '、' || (numeral(c(1)) && c(2) == '、')))
        || ((c(0) == '（' || c(0) == '(') && numeral(c(1)))
        || (c(0).is_ascii_digit() && (c(1) == '、' || (c(1) == '.' && !c(2).is_ascii_digit())))
        || (c(0) == '第' && (numeral(c(1)) || c(1).is_ascii_digit()))
}
