//! The narrative as the rules read it: the text between the tables cleaned of PDF line breaks
//! ([`clean`]) and cut into figures with their units, labels, direction words and sentences ([`tokens`]).

pub mod clean;
mod run_in;
pub mod tokens;
mod traditional;

pub use clean::CleanText;
pub use tokens::{Direction, Token, UnitClass};

use std::ops::Range;

/// The narrative's cleaned text and figures.
#[derive(Debug, Clone, Default)]
pub struct Narrative {
    /// The narrative sections as one cleaned text.
    pub clean: CleanText,
    /// Every figure in it, in order.
    pub tokens: Vec<Token>,
    /// Cleaned spans of numbers too long to hold exactly (reported, never read as a wrong number).
    pub too_long: Vec<(usize, usize)>,
}

impl Narrative {
    /// Reads the byte ranges `segments` of `text` as narrative.
    pub fn read(text: &str, segments: &[Range<usize>]) -> Narrative {
        let clean = CleanText::from_segments(text, segments);
        let mut too_long = Vec::new();
        let tokens = tokens::scan(&clean, clean.chars.len(), &mut too_long);
        Narrative {
            clean,
            tokens,
            too_long,
        }
    }
}
