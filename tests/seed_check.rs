//! The seed disclosure against its answer key (tests/fixtures/seed/claims.json): every keyed claim is
//! found (same kind — a keyed "sum" may be reported as count/balance/same-figure —, same stated value, span
//! overlapping the quote's location) with the key's verdict and recomputed value, and no claim of our own
//! is a mismatch the key does not have. The same comparison as ../shared/tools/seedcheck.py, on the core.

use juesuan::{review, Preset, Review};

fn check_text(text: &str) -> Review {
    review(text, &Preset::proportional())
}
use serde_json::Value;

const SEED: &str = include_str!("fixtures/seed/seed.txt");

mod matching;

use matching::dec;

#[test]
fn every_keyed_claim_of_the_seed_is_found_with_its_verdict() {
    let key: Value =
        serde_json::from_str(include_str!("fixtures/seed/claims.json")).expect("claims.json");
    let chars: Vec<char> = SEED.chars().collect();
    let report = check_text(SEED);
    let mut used = vec![false; report.claims.len()];
    let mut failures = Vec::new();
    let key = key["claims"].as_array().expect("claims");
    for c in key {
        let id = c["id"].as_str().unwrap_or("?");
        let want_recomputed = c["recomputed"].as_str().and_then(dec);
        let best = matching::find(c, &chars, &report.claims, &used).map(|i| (i, &report.claims[i]));
        match best {
            None => failures.push(format!("{id}: missing")),
            Some((i, f)) => {
                if Some(f.verdict.name()) == c["verdict"].as_str()
                    && (want_recomputed.is_none()
                        || f.recomputed.as_deref().and_then(dec) == want_recomputed)
                {
                    used[i] = true;
                } else {
                    failures.push(format!(
                        "{id}: got {} {:?} ({})",
                        f.verdict.name(),
                        f.recomputed,
                        f.formula
                    ));
                }
            }
        }
    }
    let extra: Vec<String> = report
        .claims
        .iter()
        .zip(&used)
        .filter(|(f, u)| !**u && f.verdict.name() == "mismatch")
        .map(|(f, _)| {
            format!(
                "extra mismatch: {} {} ({})",
                f.kind.name(),
                f.stated,
                f.formula
            )
        })
        .collect();
    failures.extend(extra);
    assert!(
        failures.is_empty(),
        "{} of {} keyed claims matched:\n{}",
        used.iter().filter(|u| **u).count(),
        key.len(),
        failures.join("\n")
    );
    assert_eq!(used.iter().filter(|u| **u).count(), 86);
    // the one mismatch is diagnosed as a transposition
    let transposed = report
        .claims
        .iter()
        .find(|f| f.verdict.name() == "mismatch")
        .and_then(|f| f.diagnosis.clone());
    assert!(
        transposed.is_some_and(|d| d.contains("颠倒")),
        "579.64 vs 579.46 diagnosis"
    );
    assert_eq!(
        (
            report.summary.claims.rounding,
            report.summary.claims.not_computable,
            report.summary.claims.mismatch
        ),
        (2, 4, 1)
    );
}

/// Two disclosures pasted one after the other are each checked whole: the second one's narrative after the
/// first one's tables is read too, its tables are counted for its own narrative, and figures of the two are
/// never compared with each other.
#[test]
fn two_disclosures_pasted_together_are_each_checked() {
    let one = check_text(SEED);
    let two = check_text(&format!("{SEED}\n{SEED}"));
    assert_eq!(two.claims.len(), 2 * one.claims.len());
    assert_eq!(
        (two.summary.claims.mismatch, two.summary.claims.rounding),
        (2, 4)
    );
    // another department's 公用经费 differs: no claim compares it with the first one's 63.87
    let other = SEED.replace("63.87", "50.01");
    let mixed = check_text(&format!("{SEED}\n{other}"));
    let crossed = mixed
        .claims
        .iter()
        .filter(|c| c.kind.name() == "same-figure")
        .any(|c| {
            let pair = (c.stated.as_str(), c.recomputed.as_deref());
            pair == ("50.01", Some("63.87")) || pair == ("63.87", Some("50.01"))
        });
    assert!(!crossed, "a same-figure claim across two disclosures");
}

/// The summary counts each check once: a 绩效自评表's indicator row and the score finding on that row are one
/// check, so `summary.tables` is the table findings plus the indicator rows no finding speaks of.
#[test]
fn the_summary_counts_an_indicator_row_and_its_finding_once() {
    let seed = include_str!("fixtures/seed/seed.txt");
    let r = check_text(seed);
    let mut expected = 0;
    for t in &r.tables {
        let judged: std::collections::HashSet<usize> =
            t.findings.iter().filter_map(|f| f.row).collect();
        expected += t.findings.len();
        expected += t
            .indicators
            .iter()
            .filter(|i| !judged.contains(&i.row))
            .count();
    }
    assert!(r.tables.iter().any(|t| t
        .indicators
        .iter()
        .any(|i| t.findings.iter().any(|f| f.row == Some(i.row)))));
    assert_eq!(r.summary.tables.total, expected);
    assert_eq!(
        r.summary.all.total,
        r.summary.claims.total + r.summary.tables.total
    );
}
