//! The non-space characters of a region, for finding header words that a PDF broke over lines (`项目名⏎称`).

use super::tokens::{decode, Tok};

/// Non-space characters of a token range, and where each token's chars begin.
pub(super) struct Compact<'a> {
    chars: Vec<char>,
    /// The tokens of the region.
    toks: &'a [Tok<'a>],
    /// The index of the region's first token.
    a: usize,
    /// The compact index of each token's first char (tokens are never empty, so these rise).
    starts: Vec<usize>,
}

impl<'a> Compact<'a> {
    pub fn new(toks: &'a [Tok<'a>], a: usize, b: usize) -> Compact<'a> {
        let toks = toks.get(a..b.min(toks.len())).unwrap_or(&[]);
        let len = toks.iter().map(Tok::chars).sum();
        let mut chars = Vec::with_capacity(len);
        let mut starts = Vec::with_capacity(toks.len());
        for t in toks {
            starts.push(chars.len());
            let bytes = t.raw.as_bytes();
            let mut at = 0;
            while at < bytes.len() {
                let (c, width) = decode(bytes, at);
                chars.push(c);
                at += width;
            }
        }
        Compact {
            chars,
            toks,
            a,
            starts,
        }
    }

    /// The first match of `pat` at or after `from`.
    pub fn find(&self, pat: &str, from: usize) -> Option<usize> {
        self.find_near(pat, from, usize::MAX)
    }

    /// The first match of `pat` starting at most `window` chars after `from` (searches no further).
    pub fn find_near(&self, pat: &str, from: usize, window: usize) -> Option<usize> {
        let p: Vec<char> = pat.chars().collect();
        let first = *p.first()?;
        let last = self
            .chars
            .len()
            .checked_sub(p.len())?
            .min(from.saturating_add(window));
        let hay = self.chars.get(from..=last)?;
        hay.iter()
            .enumerate()
            .filter(|&(_, &c)| c == first)
            .map(|(k, _)| from + k)
            .find(|&i| self.chars.get(i..i + p.len()) == Some(&p[..]))
    }

    /// Compact chars `from..to` as text.
    pub fn text(&self, from: usize, to: usize) -> String {
        self.chars
            .get(from..to.min(self.chars.len()))
            .unwrap_or(&[])
            .iter()
            .collect()
    }

    /// The token (index into the whole text's tokens) holding compact char `i`.
    pub fn tok(&self, i: usize) -> Option<usize> {
        if i >= self.chars.len() {
            return None;
        }
        let k = self.starts.partition_point(|&s| s <= i).checked_sub(1)?;
        Some(self.a + k)
    }

    /// The token after the one holding compact char `i`.
    pub fn tok_after(&self, i: usize) -> Option<usize> {
        self.tok(i).map(|t| t + 1)
    }

    /// The byte offset in the text of compact char `i`.
    pub fn byte(&self, i: usize) -> Option<usize> {
        let k = self.tok(i)? - self.a;
        let t = self.toks.get(k)?;
        let nth = i - self.starts.get(k)?;
        t.raw.char_indices().nth(nth).map(|(b, _)| t.byte + b)
    }
}
