//! One document against its key: keyed claims found with the right verdict, false ✗, unchecked figures.

use crate::matching;
use juesuan::{review, Preset, Review, Verdict};

/// A corpus document: its stem, its key (metadata and claims) and its text.
pub struct Doc {
    pub stem: String,
    pub key: serde_json::Value,
    pub text: String,
}

/// Counts over documents.
#[derive(Default, Clone)]
pub struct Tally {
    pub docs: usize,
    pub keyed: usize,
    pub found: usize,
    pub right: usize,
    pub false_mismatch: usize,
    pub figures: usize,
    pub unchecked: usize,
    pub mutations: usize,
    pub mutations_flagged: usize,
}

impl Tally {
    pub fn add(&mut self, o: &Tally) {
        self.docs += o.docs;
        self.keyed += o.keyed;
        self.found += o.found;
        self.right += o.right;
        self.false_mismatch += o.false_mismatch;
        self.figures += o.figures;
        self.unchecked += o.unchecked;
        self.mutations += o.mutations;
        self.mutations_flagged += o.mutations_flagged;
    }
}

pub fn review_of(text: &str) -> Review {
    review(text, &Preset::proportional())
}

/// Which reported claim answers each keyed claim (None: not found).
pub fn matches(key: &serde_json::Value, text: &str, r: &Review) -> Vec<Option<usize>> {
    let chars: Vec<char> = text.chars().collect();
    let mut used = vec![false; r.claims.len()];
    key["claims"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|k| {
            let found = matching::find(k, &chars, &r.claims, &used);
            // a keyed direction answered by the 增减额 claim that carries it leaves that claim to its own key
            let carried = k["kind"].as_str() == Some("direction")
                && found.is_some_and(|i| matching::carries_direction(r.claims[i].kind.name()));
            if let Some(i) = found.filter(|_| !carried) {
                used[i] = true;
            }
            found
        })
        .collect()
}

pub fn measure(doc: &Doc, failures: &mut Vec<String>, misses: &mut Vec<String>) -> Tally {
    let r = review_of(&doc.text);
    let keys: Vec<&serde_json::Value> =
        doc.key["claims"].as_array().into_iter().flatten().collect();
    let found = matches(&doc.key, &doc.text, &r);
    let mut t = Tally {
        docs: 1,
        keyed: keys.len(),
        figures: r.summary.figures,
        unchecked: r.unchecked.len(),
        ..Tally::default()
    };
    let mut keyed_mismatch = vec![false; r.claims.len()];
    for (k, f) in keys.iter().zip(&found) {
        let Some(i) = *f else {
            misses.push(format!(
                "{}: missing {} {} «{}»",
                doc.stem,
                k["kind"].as_str().unwrap_or(""),
                k["stated"].as_str().unwrap_or(""),
                k["quote"].as_str().unwrap_or("")
            ));
            continue;
        };
        t.found += 1;
        let c = &r.claims[i];
        let want = k["verdict"].as_str().unwrap_or("");
        let recomputed_ok = match (k["recomputed"].as_str(), c.recomputed.as_deref()) {
            (Some(w), Some(g)) => matching::dec(w) == matching::dec(g),
            (Some(_), None) => false,
            (None, _) => true,
        };
        if c.verdict.name() == want && (recomputed_ok || want == "not_computable") {
            t.right += 1;
        } else {
            misses.push(format!(
                "{}: wrong {} {}: key {} {:?}, got {} {:?} ({})",
                doc.stem,
                c.kind.name(),
                c.stated,
                want,
                k["recomputed"].as_str(),
                c.verdict.name(),
                c.recomputed,
                c.formula
            ));
        }
        if want == "mismatch" {
            keyed_mismatch[i] = true;
        }
    }
    for (i, c) in r.claims.iter().enumerate() {
        if c.verdict == Verdict::Mismatch && !keyed_mismatch[i] {
            t.false_mismatch += 1;
            failures.push(format!(
                "{}: ✗ {} {} — {} ({})",
                doc.stem,
                c.kind.name(),
                c.stated,
                c.message,
                c.formula
            ));
        }
    }
    t
}
