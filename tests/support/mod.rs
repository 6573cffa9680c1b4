//! What the native narrative tests share: a check under the default preset, and the review written out
//! one item to a line for a failing assertion's message.

use juesuan::{review, Preset, Review};

/// The text reviewed under the national default preset (比例计分).
pub fn check(text: &str) -> Review {
    review(text, &Preset::proportional())
}

/// Every claim (kind, verdict, stated, recomputed, formula, message), unchecked figure and problem of a
/// review, one per line: what a failing test prints so the reading can be seen without a debugger.
pub fn describe(r: &Review) -> String {
    let claims = r.claims.iter().map(|c| {
        format!(
            "{} {} {} {:?} | {} | {}",
            c.kind.name(),
            c.verdict.name(),
            c.stated,
            c.recomputed,
            c.formula,
            c.message
        )
    });
    let unchecked = r
        .unchecked
        .iter()
        .map(|u| format!("unchecked {} — {}", u.value.0, u.reason));
    claims
        .chain(unchecked)
        .chain(r.problems.iter().map(|p| format!("problem {}", p.message)))
        .collect::<Vec<_>>()
        .join("\n  ")
}

/// Asserts that `text` gives exactly one claim of `kind` stating `stated`, with this verdict and recomputed
/// value. Not every test file uses it.
#[allow(dead_code)]
pub fn expect(text: &str, kind: &str, stated: &str, verdict: &str, recomputed: &str) {
    let r = check(text);
    let found: Vec<_> = r
        .claims
        .iter()
        .filter(|c| c.kind.name() == kind && c.stated == stated)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{kind} {stated} in {text}\n  {}",
        describe(&r)
    );
    assert_eq!(
        (found[0].verdict.name(), found[0].recomputed.as_deref()),
        (verdict, Some(recomputed)),
        "{text}\n  {}",
        describe(&r)
    );
}

/// Asserts that no claim of the review of `text` is a ✗. Not every test file uses it.
#[allow(dead_code)]
pub fn no_mismatch(text: &str) {
    let r = check(text);
    assert_eq!(r.summary.claims.mismatch, 0, "{text}\n  {}", describe(&r));
}
