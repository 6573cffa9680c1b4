//! The 说明 text as the N rules read it: white space and soft line breaks removed (a figure or a phrase can
//! be broken over lines: "完\n成年初预算的98.20%"), with every char mapped back to the paste, and the
//! section headings ("一、…", "（二）…") remembered so that a phrase is looked for in its own section.

use super::kinds::{is_invisible, squash_char};
use super::model::Span;
use super::num::{parse_figure, Decimal};
use super::summary::starts_with_ordinal;

/// A figure of the 说明.
#[derive(Debug, Clone)]
pub(crate) struct NFig {
    pub value: Decimal,
    pub scale: u32,
    /// Clean index of the number's first char.
    pub at: usize,
    /// Clean index after the unit.
    pub end: usize,
    /// Where the number is in the paste.
    pub span: Span,
}

/// The cleaned 说明.
pub(crate) struct Clean {
    pub chars: Vec<char>,
    map: Vec<usize>,
    headings: Vec<usize>,
    /// The clean index where each line of the paste starts.
    lines: Vec<usize>,
    /// Where each top-level heading ("七、…", "第三部分…", not "（一）…") starts.
    parts: Vec<usize>,
}

impl Clean {
    /// Cleans `text`, which starts at paste char `offset`.
    pub fn new(text: &str, offset: usize) -> Clean {
        let mut chars = Vec::new();
        let mut map = Vec::new();
        let mut headings = vec![0];
        let mut lines = Vec::new();
        let mut parts = vec![0];
        let mut line_start = true;
        let all: Vec<char> = text.chars().collect();
        for (i, &c) in all.iter().enumerate() {
            if c == '\n' {
                line_start = true;
                continue;
            }
            if c.is_whitespace() || is_invisible(c) {
                continue;
            }
            if line_start {
                line_start = false;
                lines.push(chars.len());
                let line: Vec<char> = all[i..]
                    .iter()
                    .take(12)
                    .copied()
                    .filter(|c| !c.is_whitespace())
                    .map(squash_char)
                    .collect();
                let l: String = line.iter().collect();
                let sub = l.starts_with('（')
                    && l.chars().nth(2) == Some('）')
                    && l.chars()
                        .nth(1)
                        .is_some_and(|c| "一二三四五六七八九十".contains(c));
                let top = starts_with_ordinal(&l) || l.starts_with("第") && l.contains("部分");
                if top || sub {
                    headings.push(chars.len());
                }
                if top {
                    parts.push(chars.len());
                }
            }
            chars.push(squash_char(c));
            map.push(offset + i);
        }
        Clean {
            chars,
            map,
            headings,
            lines,
            parts,
        }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Paste span of clean chars [a, b).
    pub fn span(&self, a: usize, b: usize) -> Span {
        let s = self.map.get(a).copied().unwrap_or(0);
        let e = b
            .checked_sub(1)
            .and_then(|i| self.map.get(i))
            .map_or(s, |e| e + 1);
        (s, e)
    }

    /// The clean text [a, b).
    pub fn text(&self, a: usize, b: usize) -> String {
        self.chars
            .get(a..b.min(self.len()))
            .unwrap_or(&[])
            .iter()
            .collect()
    }

    /// Whether `needle` is at clean index `i`.
    pub fn at(&self, i: usize, needle: &str) -> bool {
        let n: Vec<char> = needle.chars().collect();
        self.at_chars(i, &n)
    }

    fn at_chars(&self, i: usize, n: &[char]) -> bool {
        i.checked_add(n.len())
            .and_then(|e| self.chars.get(i..e))
            .is_some_and(|s| s == n)
    }

    /// Every clean index in [from, to) where `needle` starts.
    pub fn find_all(&self, needle: &str, from: usize, to: usize) -> Vec<usize> {
        let n: Vec<char> = needle.chars().collect();
        (from..to.min(self.len()))
            .filter(|&i| self.at_chars(i, &n))
            .collect()
    }

    /// The first index ≥ from where `needle` starts, before `to`.
    pub fn find(&self, needle: &str, from: usize, to: usize) -> Option<usize> {
        let n: Vec<char> = needle.chars().collect();
        (from..to.min(self.len())).find(|&i| self.at_chars(i, &n))
    }

    /// The last index < to (and ≥ from) where `needle` starts.
    pub fn rfind(&self, needle: &str, from: usize, to: usize) -> Option<usize> {
        let n = needle.chars().count();
        (from..to.min(self.len()))
            .rev()
            .find(|&i| i + n <= self.len() && self.at(i, needle))
    }

    /// Where the last heading line ("（一）…情况说明", which has no full stop) before clean index `i` ends, if it
    /// ends at or before `i`: the text after it is not the heading's.
    pub fn after_heading(&self, i: usize) -> Option<usize> {
        // headings and lines are in text order, and a heading is a line's start: the last heading at or
        // before `i` whose line ends by `i` is one of the last two, so the look-up stays short on long pastes
        let upto = self.headings.partition_point(|&h| h <= i);
        self.headings[..upto].iter().rev().find_map(|&h| {
            let end = self
                .lines
                .get(self.lines.partition_point(|&l| l <= h))
                .copied()?;
            (end <= i).then_some(end)
        })
    }

    /// The part [start, end) that clean index `i` is in: between top-level headings, its （一）（二） inside.
    pub fn part(&self, i: usize) -> (usize, usize) {
        around(&self.parts, i, self.len())
    }

    /// The section [start, end) that clean index `i` is in.
    pub fn section(&self, i: usize) -> (usize, usize) {
        around(&self.headings, i, self.len())
    }

    /// The sentence (between 。) that clean index `i` is in, within its section.
    pub fn sentence(&self, i: usize) -> (usize, usize) {
        let (s, e) = self.section(i);
        let start = self.rfind("。", s, i).map_or(s, |p| p + 1);
        let end = self.find("。", i, e).map_or(e, |p| p + 1);
        (start, end)
    }

    /// A number at clean index `i`: its value, scale and the index after it.
    fn number(&self, i: usize) -> Option<(Decimal, u32, usize)> {
        let mut j = i;
        if self.chars.get(j) == Some(&'-') {
            j += 1;
        }
        let digits_start = j;
        while self.chars.get(j).is_some_and(|c| {
            c.is_ascii_digit()
                || ((*c == '.' || *c == ',' || *c == '，')
                    && self.chars.get(j + 1).is_some_and(char::is_ascii_digit)
                    && j > digits_start)
        }) {
            j += 1;
        }
        if j == digits_start {
            return None;
        }
        let text: String = self.chars[i..j]
            .iter()
            .map(|c| if *c == '，' { ',' } else { *c })
            .collect();
        let f = parse_figure(&text).ok()?;
        Some((f.value, f.scale, j))
    }

    /// A figure with `unit` ("万元" or "%") at clean index `i`, after at most two filler chars
    /// (为, 是, ：, 共, 达, 约, 计).
    pub fn figure_after(&self, i: usize, unit: &str) -> Option<NFig> {
        let mut j = i;
        for _ in 0..2 {
            if self
                .chars
                .get(j)
                .is_some_and(|c| "为是：共达约计".contains(*c))
            {
                j += 1;
            }
        }
        let (value, scale, end) = self.number(j)?;
        if !self.at(end, unit) {
            return None;
        }
        Some(NFig {
            value,
            scale,
            at: j,
            end: end + unit.chars().count(),
            span: self.span(j, end),
        })
    }

    /// An amount in 万元 right after `key` at clean index `i` (the key itself is at i).
    pub fn amount_after_key(&self, i: usize, key: &str) -> Option<NFig> {
        self.figure_after(i + key.chars().count(), "万元")
    }
}

/// The last of `starts` (in text order) at or before `i` and the first after it: the span between two
/// headings that `i` is in, found by halving rather than by a walk over every heading of a long paste.
fn around(starts: &[usize], i: usize, len: usize) -> (usize, usize) {
    let at = starts.partition_point(|&h| h <= i);
    let start = at.checked_sub(1).and_then(|k| starts.get(k)).copied();
    (start.unwrap_or(0), starts.get(at).copied().unwrap_or(len))
}
