//! Matching hand-built keys to reported claims, shared by the seed test and the corpus measurement.
//!
//! A key claim is found when a reported claim has the same kind (a keyed `sum` may be reported as count,
//! balance or same-figure: all say "these figures must add up / agree"), the same stated value, a span that
//! (or one of whose figures) overlaps the key's quote in the text, and the same input figures: for sums and equalities exactly the
//! key's figures (the keyed stated figure may then be any of them: a = b + c and b = a − c are one check),
//! for rates at least the key's (a rate may add a derived 上年数). Two keys can therefore
//! never match each other's claims.

use juesuan::report::ClaimReport;
use rust_decimal::Decimal;
use serde_json::Value;

/// A decimal from a keyed or reported figure ("1,810.23", "50.80%", "60000.00元").
pub fn dec(s: &str) -> Option<Decimal> {
    let t = s.replace([',', '%'], "");
    let t = t
        .trim()
        .trim_end_matches("万元")
        .trim_end_matches("亿元")
        .trim_end_matches('元');
    t.trim().parse().ok()
}

/// The char span of `quote` in `text`, ignoring white space on both sides.
pub fn quote_span(text: &[char], quote: &str) -> Option<(usize, usize)> {
    let q: Vec<char> = quote.chars().filter(|c| !c.is_whitespace()).collect();
    let first = *q.first()?;
    (0..text.len())
        .filter(|&i| text[i] == first)
        .find_map(|start| {
            let mut i = start;
            for &c in &q {
                while text.get(i).is_some_and(|t| t.is_whitespace()) {
                    i += 1;
                }
                if text.get(i) != Some(&c) {
                    return None;
                }
                i += 1;
            }
            Some((start, i))
        })
}

const SUM_LIKE: [&str; 7] = [
    "sum",
    "count",
    "same-figure",
    "balance",
    "table-sum",
    "table-link",
    "text-table",
];

/// Whether a reported kind answers a keyed kind.
pub fn kind_matches(keyed: &str, reported: &str) -> bool {
    keyed == reported || (SUM_LIKE.contains(&keyed) && SUM_LIKE.contains(&reported))
}

/// A keyed input: its absolute value, and whether it was written with a money unit of its own ("14484元"
/// in a 万元 sentence): the checker states such a figure in the sentence's unit (1.4484).
#[derive(Clone, Copy)]
pub struct KeyValue {
    value: Decimal,
    own_unit: bool,
}

impl KeyValue {
    fn accepts(&self, got: Decimal) -> bool {
        if got == self.value {
            return true;
        }
        let scales = [Decimal::from(10_000), Decimal::from(100_000_000)];
        self.own_unit
            && scales
                .iter()
                .any(|s| (self.value / s).normalize() == got || (self.value * s).normalize() == got)
    }
}

/// The keyed inputs (a list of parts flattened; `relation` and such words skipped).
pub fn key_values(inputs: &Value) -> Vec<KeyValue> {
    let mut out = Vec::new();
    let mut push = |v: &Value| {
        if let Some(text) = v.as_str() {
            if let Some(d) = dec(text) {
                out.push(KeyValue {
                    value: d.abs().normalize(),
                    own_unit: text.trim_end().ends_with('元'),
                });
            }
        }
    };
    for v in inputs.as_object().into_iter().flat_map(|o| o.values()) {
        match v {
            Value::Array(items) => items.iter().for_each(&mut push),
            v => push(v),
        }
    }
    out
}

/// The absolute values of a reported claim's inputs.
pub fn claim_values(c: &ClaimReport) -> Vec<Decimal> {
    c.sources
        .iter()
        .map(|s| s.value.0.abs().normalize())
        .collect()
}

/// Whether a reported claim used the keyed figures: the same multiset for sum-like kinds (parts of 0, which
/// keys often leave out, aside), a subset for rates (keyed zeros aside).
pub fn inputs_match(keyed_kind: &str, key: &[KeyValue], got: &[Decimal]) -> bool {
    let sum_like = SUM_LIKE.contains(&keyed_kind);
    let mut rest: Vec<Decimal> = got
        .iter()
        .copied()
        .filter(|g| !(sum_like && g.is_zero()))
        .collect();
    // a keyed 0 may be absent from a rate too: an empty table cell is read as 0 without being a source, and
    // a ratio over a zero budget is not computable whatever the engine lists ("决算为 0 万元，完成年初预算的
    // 100%" with a budget of 0)
    for k in key.iter().filter(|k| !k.value.is_zero()) {
        match rest.iter().position(|&g| k.accepts(g)) {
            Some(i) => {
                rest.swap_remove(i);
            }
            None => return false,
        }
    }
    !sum_like || rest.is_empty()
}

/// Whether a claim is at the quote: its span, or the span of one of its figures, overlaps it (a 类 list's
/// sum is reported over the list, its total keyed where it was stated).
fn overlaps(c: &ClaimReport, (s, e): (usize, usize)) -> bool {
    let at = |a: usize, b: usize| a < e && b > s;
    at(c.span[0], c.span[1])
        || c.sources
            .iter()
            .any(|src| src.span.is_some_and(|[a, b]| at(a, b)))
}

/// The reported claim (index) that answers a key claim, among those not yet used.
pub fn find(key: &Value, text: &[char], claims: &[ClaimReport], used: &[bool]) -> Option<usize> {
    let kind = key["kind"].as_str().unwrap_or("");
    let stated = key["stated"].as_str().and_then(dec);
    let span = quote_span(text, key["quote"].as_str().unwrap_or(""))?;
    let values = key_values(&key["inputs"]);
    let direct = claims.iter().enumerate().position(|(i, c)| {
        let got = claim_values(c);
        // a = b + c keyed as b = a − c is the same check: for sums the keyed stated figure may be any of
        // the claim's figures, as long as the figures are exactly the key's
        let stated_ok = dec(&c.stated) == stated
            || (SUM_LIKE.contains(&kind)
                && stated.is_some_and(|s| got.contains(&s.abs().normalize())));
        !used[i]
            && kind_matches(kind, c.kind.name())
            && (kind == "direction" || stated_ok)
            && overlaps(c, span)
            && inputs_match(kind, &values, &got)
    });
    // a direction word between two written levels whose 增减额 or rate is judged is carried by that claim
    // (the engine gives no second claim on the same two figures): it answers the keyed direction too
    direct.or_else(|| {
        (kind == "direction" && values.len() == 2)
            .then(|| {
                claims.iter().position(|c| {
                    carries_direction(c.kind.name())
                        && overlaps(c, span)
                        && inputs_match(kind, &values, &claim_values(c))
                })
            })
            .flatten()
    })
}

/// Whether a claim of this kind judges the direction of the two levels it compares.
pub fn carries_direction(kind: &str) -> bool {
    kind == "difference" || kind == "growth"
}
