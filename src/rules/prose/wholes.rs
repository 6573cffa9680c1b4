//! The level amounts a share's whole can name, indexed once per text by the ends of their names: finding
//! "占一般公共预算收入的 P%"'s whole is then a look-up, not a walk back over every figure before the share
//! (which made a long paste quadratic).

use super::claims::normalize;
use crate::rules::context::Ctx;
use std::collections::HashMap;

/// Level amounts (token indices, in text order) by what their normalized names end with.
pub struct Wholes {
    /// Every ending of two chars or more of a name → the figures whose name ends so.
    by_ending: HashMap<String, Vec<usize>>,
    /// A whole name → the figures of exactly that name.
    by_name: HashMap<String, Vec<usize>>,
}

impl Wholes {
    /// The index of every labelled level amount of the text.
    pub fn new(ctx: &Ctx) -> Wholes {
        let mut by_ending: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, t) in ctx.tokens.iter().enumerate() {
            if !t.is_level_amount() || t.label.is_empty() {
                continue;
            }
            let l = normalize(&t.label);
            for (at, _) in l.char_indices() {
                let ending = &l[at..];
                if ending.chars().nth(1).is_some() {
                    by_ending.entry(ending.to_string()).or_default().push(i);
                }
            }
            by_name.entry(l).or_default().push(i);
        }
        Wholes { by_ending, by_name }
    }

    /// The figures before token `part` that `name` (normalized, two chars or more) can call its whole: a
    /// name that ends with it, or a name of four chars or more that it ends with — nearest first.
    pub fn named_before(&self, name: &str, part: usize) -> Vec<usize> {
        let mut found: Vec<usize> = self.by_ending.get(name).cloned().unwrap_or_default();
        for (at, _) in name.char_indices() {
            let ending = &name[at..];
            if ending.chars().nth(3).is_some() {
                if let Some(v) = self.by_name.get(ending) {
                    found.extend(v);
                }
            }
        }
        found.retain(|&i| i < part);
        found.sort_unstable_by(|a, b| b.cmp(a));
        found.dedup();
        found
    }
}
