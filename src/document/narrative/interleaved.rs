//! Two text columns interleaved line by line (a two-column page's text layer, `pdftotext -layout`, a
//! yearbook's flipbook page): each line holds the left column's line, a wide gap, and the right column's
//! line, so read as written a sentence of one column runs into the other's. The page is read in its order
//! instead: the left column's lines, then the right column's.
//!
//! Only a block whose column edge is plain is re-ordered: two or more lines hold text on both sides of a
//! gap of six or more spaces with the right part starting at one char column, and every line of the block
//! keeps to its side of that edge (a line crossing it ends the block). Anything else is read as written.

use std::ops::Range;

/// The widest run of spaces between two columns is at least this wide.
const GAP: usize = 6;

/// How a line stands to the column edge.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    /// Text left of the edge only.
    Left,
    /// Text right of the edge only.
    Right,
    /// Both: the left part ends at this char, the right part starts at this char.
    Both(usize, usize),
    /// Text across the edge (or a page break): not part of a two-column block.
    Across,
}

/// One line: its byte range in the text (without its line break), and its chars.
struct L<'a> {
    start: usize,
    chars: Vec<(usize, char)>,
    body: &'a str,
}

impl L<'_> {
    /// Char index of the first and one past the last non-space char.
    fn extent(&self) -> Option<(usize, usize)> {
        let first = self.chars.iter().position(|(_, c)| !c.is_whitespace())?;
        let last = self.chars.iter().rposition(|(_, c)| !c.is_whitespace())?;
        Some((first, last + 1))
    }

    /// The start of the text after the widest inner run of `GAP` or more spaces, and where the text before
    /// it ends.
    fn gap(&self) -> Option<(usize, usize)> {
        let (first, end) = self.extent()?;
        let mut best: Option<(usize, usize)> = None;
        let mut run_start = None;
        for i in first..end {
            let space = self.chars.get(i).is_some_and(|(_, c)| *c == ' ');
            match (space, run_start) {
                (true, None) => run_start = Some(i),
                (false, Some(s)) => {
                    if i - s >= GAP && best.is_none_or(|(a, b)| i - s > b - a) {
                        best = Some((s, i));
                    }
                    run_start = None;
                }
                _ => {}
            }
        }
        best
    }

    /// Byte offset (in the text) of char `i` of the line.
    fn byte(&self, i: usize) -> usize {
        self.start + self.chars.get(i).map_or(self.body.len(), |(b, _)| *b)
    }

    fn kind(&self, edge: usize) -> Kind {
        let Some((first, end)) = self.extent() else {
            return Kind::Blank;
        };
        if self.body.contains('\u{c}') {
            return Kind::Across;
        }
        if first >= edge {
            return Kind::Right;
        }
        if end + 3 <= edge {
            return Kind::Left;
        }
        match self.gap() {
            Some((left_end, right))
                if (edge..=edge + 2).contains(&right) && left_end + 3 <= edge =>
            {
                Kind::Both(left_end, right)
            }
            _ => Kind::Across,
        }
    }
}

/// Whether a piece of a line is a column's text: six or more non-space chars, four of them Chinese.
fn wordy(chars: &[(usize, char)]) -> bool {
    let solid = chars.iter().filter(|(_, c)| !c.is_whitespace()).count();
    let han = chars
        .iter()
        .filter(|(_, c)| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count();
    solid >= 6 && han >= 4
}

/// The byte ranges of `text` in reading order when it holds a block of two interleaved columns: the text
/// before the block, the left column's line pieces, the right column's, the text after. None when it holds
/// none.
pub fn reading_order(text: &str) -> Option<Vec<Range<usize>>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let body = piece.trim_end_matches(['\n', '\r']);
        lines.push(L {
            start,
            chars: body.char_indices().collect(),
            body,
        });
        start += piece.len();
    }
    // the column edge: where the right part of two or more wordy two-sided lines starts
    let mut edges: Vec<usize> = lines
        .iter()
        .filter_map(|l| {
            let (left_end, right) = l.gap()?;
            (wordy(l.chars.get(..left_end)?) && wordy(l.chars.get(right..)?)).then_some(right)
        })
        .collect();
    edges.sort_unstable();
    let edge = edges
        .chunk_by(|a, b| a == b)
        .filter(|c| c.len() >= 2)
        .max_by_key(|c| c.len())?
        .first()
        .copied()?;
    let kinds: Vec<Kind> = lines.iter().map(|l| l.kind(edge)).collect();
    // the block: the run of lines without one across the edge around the first two-sided line
    let both = kinds.iter().position(|k| matches!(k, Kind::Both(..)))?;
    let first = kinds[..both]
        .iter()
        .rposition(|k| *k == Kind::Across)
        .map_or(0, |i| i + 1);
    let last = kinds[both..]
        .iter()
        .position(|k| *k == Kind::Across)
        .map_or(kinds.len(), |i| both + i);
    // lines of one side only above the first line with right-column text, or below the last, are above or
    // below the columns (a page header, a caption)
    let sided = |k: &Kind| matches!(k, Kind::Right | Kind::Both(..));
    let first = first + kinds[first..last].iter().position(sided).unwrap_or(0);
    let last = first
        + kinds[first..last]
            .iter()
            .rposition(sided)
            .map_or(0, |i| i + 1);
    let block = first..last;
    if kinds[block.clone()]
        .iter()
        .filter(|k| matches!(k, Kind::Both(..)))
        .count()
        < 2
    {
        return None;
    }
    let mut left = Vec::new();
    let mut right = Vec::new();
    for (l, k) in lines[block.clone()].iter().zip(&kinds[block.clone()]) {
        let whole = l.start..l.start + l.body.len();
        match *k {
            Kind::Left => left.push(whole),
            Kind::Right => right.push(whole),
            Kind::Both(left_end, right_start) => {
                left.push(l.start..l.byte(left_end));
                right.push(l.byte(right_start)..whole.end);
            }
            Kind::Blank | Kind::Across => {}
        }
    }
    let begin = lines.get(first).map_or(0, |l| l.start);
    let end = lines.get(last).map_or(text.len(), |l| l.start).max(begin);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(left.len() + right.len() + 2);
    out.push(0..begin);
    out.extend(left);
    out.extend(right);
    out.push(end..text.len());
    out.retain(|r| !r.is_empty());
    Some(out)
}
