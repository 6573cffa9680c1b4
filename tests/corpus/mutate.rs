//! Mutation testing on the real texts: one error planted at a time in a keyed claim that holds — two
//! digits transposed (in a total, a part or a rate), the figure ±1, the direction word flipped, an amount
//! typed again as the percentage, a part dropped from a list — and the checker must then report a ✗ of
//! the right kind at that place. A mutation whose arithmetic still holds (the new figure happens to fit
//! within rounding) is not counted: the expected verdict is computed from the key's own figures.

use crate::matching::{dec, kind_matches, quote_span};
use crate::measure::{review_of, Doc, Tally};
use juesuan::num::figure::{parse_figure, Figure};
use juesuan::num::rates::{rate, sub, RateKind};
use juesuan::num::verdict::{check_rate, check_sum, Verdict};
use rust_decimal::Decimal;
use serde_json::Value;

/// A number written in the text: its chars [start, end) and value.
struct Written {
    start: usize,
    end: usize,
    value: Decimal,
}

/// The numbers of text[from..to].
fn numbers(chars: &[char], from: usize, to: usize) -> Vec<Written> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        if !chars[i].is_ascii_digit()
            || (i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.'))
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut s = String::new();
        while i < to && (chars[i].is_ascii_digit() || chars[i] == ',' || chars[i] == '.') {
            if chars[i] != ',' {
                s.push(chars[i]);
            }
            i += 1;
        }
        let s = s.trim_end_matches('.').to_string();
        if let Ok(value) = s.parse::<Decimal>() {
            out.push(Written {
                start,
                end: start + s.len() + chars[start..i].iter().filter(|c| **c == ',').count(),
                value,
            });
        }
    }
    out
}

fn fig(s: &str) -> Option<Figure> {
    let t = s.replace(',', "");
    let t = t
        .trim()
        .trim_end_matches("万元")
        .trim_end_matches("亿元")
        .trim_end_matches('元');
    parse_figure(t).ok()
}

/// The verdict of a keyed claim with its stated figure (signed as the rule reads it) replaced.
fn verdict(
    kind: &str,
    inputs: &Value,
    stated: &Figure,
    parts: Option<&[Figure]>,
) -> Option<Verdict> {
    let get = |k: &str| inputs[k].as_str().and_then(fig);
    let check = match kind {
        "sum" | "count" => {
            let own: Vec<Figure>;
            let parts = match parts {
                Some(p) => p,
                None => {
                    own = inputs["parts"]
                        .as_array()?
                        .iter()
                        .filter_map(|p| p.as_str().and_then(fig))
                        .collect();
                    &own
                }
            };
            let exact = kind == "count";
            let parts: Vec<Figure> = parts
                .iter()
                .map(|p| {
                    if exact {
                        p.clone().into_exact()
                    } else {
                        p.clone()
                    }
                })
                .collect();
            let stated = if exact {
                stated.clone().into_exact()
            } else {
                stated.clone()
            };
            check_sum(&stated, &parts).ok()?
        }
        "balance" | "same-figure" => check_sum(stated, &[get("a")?]).ok()?,
        "share" => check_rate(
            |a, b| rate(RateKind::Share, a, b),
            &get("part")?,
            &get("whole")?,
            stated,
        )
        .ok()?,
        "completion" => check_rate(
            |a, b| rate(RateKind::Completion, a, b),
            &get("budget")?,
            &get("actual")?,
            stated,
        )
        .ok()?,
        "variance" => check_rate(
            |a, b| rate(RateKind::Variance, a, b),
            &get("budget")?,
            &get("actual")?,
            stated,
        )
        .ok()?,
        "execution" => check_rate(
            |a, b| rate(RateKind::Execution, a, b),
            &get("budget")?,
            &get("executed")?,
            stated,
        )
        .ok()?,
        "growth" => match (get("prior"), get("change")) {
            (Some(prior), _) => check_rate(
                |a, b| rate(RateKind::Growth, a, b),
                &get("current")?,
                &prior,
                stated,
            )
            .ok()?,
            (None, Some(change)) => check_rate(
                |cur, chg| rate(RateKind::Growth, cur, sub(cur, chg)?),
                &get("current")?,
                &change,
                stated,
            )
            .ok()?,
            _ => return None,
        },
        "difference" => {
            let mut prior = get("prior")?;
            prior.value = -prior.value;
            check_sum(stated, &[get("current")?, prior]).ok()?
        }
        _ => return None,
    };
    Some(check.verdict)
}

/// The stated figure as the rule reads it: negated after a 下降 word.
fn signed(claim: &Value, value: Decimal, scale: u32) -> Figure {
    let mut f = Figure::from_decimal(value);
    f.scale = scale;
    if claim["direction"].as_str() == Some("down") {
        f.value = -f.value;
    }
    f
}

const FLIPS: [(&str, &str); 8] = [
    ("增加", "减少"),
    ("增长", "下降"),
    ("上升", "下降"),
    ("提高", "降低"),
    ("大于", "小于"),
    ("增收", "减收"),
    ("增支", "减支"),
    ("超支", "节约"),
];

/// Plants each error in each keyed claim that holds, and counts those the checker flags.
pub fn mutations(doc: &Doc, t: &mut Tally, misses: &mut Vec<String>) {
    let chars: Vec<char> = doc.text.chars().collect();
    for claim in doc.key["claims"].as_array().into_iter().flatten() {
        let kind = claim["kind"].as_str().unwrap_or("");
        if !matches!(claim["verdict"].as_str(), Some("ok" | "rounding")) || kind == "direction" {
            continue;
        }
        let Some(span) = quote_span(&chars, claim["quote"].as_str().unwrap_or("")) else {
            continue;
        };
        let Some(stated) = claim["stated"].as_str().and_then(dec) else {
            continue;
        };
        let written = numbers(&chars, span.0, span.1);
        let at = if matches!(kind, "sum" | "count") {
            written.iter().find(|w| w.value == stated)
        } else {
            written.iter().rev().find(|w| w.value == stated)
        };
        let Some(at) = at else { continue };
        let text_of = |w: &Written| chars[w.start..w.end].iter().collect::<String>();
        let scale = stated.scale();
        let mut planted: Vec<(&str, usize, usize, String, Option<Verdict>)> = Vec::new();
        // two adjacent digits of the stated figure transposed
        let digits = text_of(at);
        let ds: Vec<char> = digits.chars().collect();
        if let Some(p) = (0..ds.len().saturating_sub(1)).find(|&p| {
            ds[p].is_ascii_digit()
                && ds[p + 1].is_ascii_digit()
                && ds[p] != ds[p + 1]
                && !(p == 0 && ds[1] == '0')
        }) {
            let mut m = ds.clone();
            m.swap(p, p + 1);
            let m: String = m.into_iter().collect();
            let v =
                dec(&m).map(|v| verdict(kind, &claim["inputs"], &signed(claim, v, scale), None));
            planted.push(("transposed", at.start, at.end, m, v.flatten()));
        }
        // the figure plus one
        let plus = stated + Decimal::ONE;
        let v = verdict(kind, &claim["inputs"], &signed(claim, plus, scale), None);
        planted.push((
            "plus-one",
            at.start,
            at.end,
            juesuan::num::decimal::text(plus),
            v,
        ));
        // the direction word before the figure flipped
        if matches!(kind, "growth" | "difference") && claim["direction"].is_string() {
            let before: String = chars[at.start.saturating_sub(4)..at.start].iter().collect();
            if let Some((w, flipped)) = FLIPS.iter().find_map(|(a, b)| {
                if before.contains(a) {
                    Some((*a, *b))
                } else if before.contains(b) {
                    Some((*b, *a))
                } else {
                    None
                }
            }) {
                if let Some(off) = before.rfind(w) {
                    let start = at.start.saturating_sub(4) + before[..off].chars().count();
                    let mut flipped_claim = claim.clone();
                    let down = claim["direction"].as_str() == Some("down");
                    flipped_claim["direction"] = Value::from(if down { "up" } else { "down" });
                    let v = verdict(
                        kind,
                        &claim["inputs"],
                        &signed(&flipped_claim, stated, scale),
                        None,
                    );
                    planted.push((
                        "direction",
                        start,
                        start + w.chars().count(),
                        flipped.to_string(),
                        v,
                    ));
                }
            }
        }
        // an amount of the claim typed again as the percentage
        if matches!(kind, "share" | "growth" | "completion" | "variance") {
            if let Some(amount) = written
                .iter()
                .find(|w| w.start != at.start && w.value != stated && w.value > Decimal::ONE)
            {
                let v = verdict(
                    kind,
                    &claim["inputs"],
                    &signed(claim, amount.value, amount.value.scale()),
                    None,
                );
                planted.push(("amount-as-rate", at.start, at.end, text_of(amount), v));
            }
        }
        // the last part of a list dropped (its figure and the label before it, back to the separator)
        if kind == "sum" {
            let parts: Vec<Figure> = claim["inputs"]["parts"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|p| p.as_str().and_then(fig))
                .collect();
            if parts.len() >= 3 {
                if let Some(last) = parts.last().and_then(|l| {
                    written
                        .iter()
                        .rev()
                        .find(|w| w.value == l.value && w.start != at.start)
                }) {
                    let from = (span.0..last.start)
                        .rev()
                        .find(|&j| "，,、；;".contains(chars[j]))
                        .unwrap_or(last.start);
                    let total = Figure {
                        value: stated,
                        scale,
                        ..Figure::from_decimal(stated)
                    };
                    let v = verdict(
                        kind,
                        &claim["inputs"],
                        &total,
                        Some(&parts[..parts.len() - 1]),
                    );
                    let unit_end = (last.end..chars.len().min(last.end + 2))
                        .take_while(|&j| "万元亿".contains(chars[j]))
                        .last()
                        .map_or(last.end, |j| j + 1);
                    planted.push(("part-dropped", from, unit_end, String::new(), v));
                }
            }
        }
        for (what, start, end, with, expected) in planted {
            if expected != Some(Verdict::Mismatch) {
                continue;
            }
            t.mutations += 1;
            let mutated: String = chars[..start]
                .iter()
                .chain(with.chars().collect::<Vec<_>>().iter())
                .chain(chars[end..].iter())
                .collect();
            let r = review_of(&mutated);
            let shift = with.chars().count() as isize - (end - start) as isize;
            let (lo, hi) = (
                span.0,
                (span.1 as isize + shift).max(span.0 as isize + 1) as usize,
            );
            // a ✗, or a 提示 where the text cannot say the list is complete (a dropped part)
            let flagged = r.claims.iter().any(|c| {
                matches!(c.verdict, Verdict::Mismatch | Verdict::Notice)
                    && kind_matches(kind, c.kind.name())
                    && (c.span[0] < hi && c.span[1] > lo
                        || c.sources
                            .iter()
                            .any(|s| s.span.is_some_and(|[a, b]| a < hi && b > lo)))
            });
            if flagged {
                t.mutations_flagged += 1;
            } else {
                misses.push(format!(
                    "{}: mutation {what} of {kind} {stated} not flagged",
                    doc.stem
                ));
            }
        }
    }
}
