//! The narrative as the rules read it: the text between the tables cleaned of PDF line breaks
//! ([`clean`]) and cut into figures with their units, labels, direction words and sentences ([`tokens`]).

pub mod clean;
mod digits;
mod interleaved;
mod run_in;
pub mod tokens;
mod traditional;

pub use clean::CleanText;
pub use tokens::{Direction, Token, UnitClass, Unread};

use std::ops::Range;

/// The narrative's cleaned text and figures.
#[derive(Debug, Clone, Default)]
pub struct Narrative {
    /// The narrative sections as one cleaned text.
    pub clean: CleanText,
    /// Every figure in it, in order.
    pub tokens: Vec<Token>,
    /// Cleaned spans of numbers not read as figures, and why (reported, never read as a wrong number).
    pub unread: Vec<(usize, usize, Unread)>,
}

impl Narrative {
    /// Reads the byte ranges `segments` of `text` as narrative.
    pub fn read(text: &str, segments: &[Range<usize>]) -> Narrative {
        let clean = CleanText::from_segments(text, segments);
        let mut unread = Vec::new();
        let tokens = tokens::scan(&clean, clean.chars.len(), &mut unread);
        Narrative {
            clean,
            tokens,
            unread,
        }
    }
}
