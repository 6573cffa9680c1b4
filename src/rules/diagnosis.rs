//! Likely causes of a mismatch, named only when one fits exactly: digits transposed (579.64 vs 579.46),
//! a direction word that contradicts the numbers, the amount repeated as the percentage, a part missing from
//! (or counted twice in) a sum.

use super::claim::{Claim, ClaimKind};
use super::context::Ctx;
use crate::document::narrative::UnitClass;
use crate::num::verdict::Verdict;
use crate::report::wording;
use rust_decimal::Decimal;

/// "579.64" against "579.46": the same digits with one adjacent pair swapped.
///
/// # Example
/// ```
/// let d = |s: &str| s.parse::<rust_decimal::Decimal>();
/// assert!(juesuan::rules::diagnosis::transposition(d("579.64")?, d("579.46")?).is_some());
/// assert!(juesuan::rules::diagnosis::transposition(d("579.64")?, d("579.47")?).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn transposition(stated: Decimal, recomputed: Decimal) -> Option<String> {
    let digits = |d: Decimal| -> Vec<char> {
        crate::num::decimal::text(d.abs())
            .chars()
            .filter(char::is_ascii_digit)
            .collect()
    };
    let (a, b) = (digits(stated), digits(recomputed));
    if a.len() != b.len() || a == b || stated.scale() != recomputed.scale() {
        return None;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a.get(i) != b.get(i)).collect();
    match diff[..] {
        [i, j] if j == i + 1 && a.get(i) == b.get(j) && a.get(j) == b.get(i) => {
            let pair: String = a.get(i..=j).map(|s| s.iter().collect()).unwrap_or_default();
            let swapped: String = b.get(i..=j).map(|s| s.iter().collect()).unwrap_or_default();
            Some(wording::transposition(stated, recomputed, &pair, &swapped))
        }
        _ => None,
    }
}

/// The stated percentage equals an amount the sentence also states: the amount was typed again as the rate.
pub fn repeated_amount(stated: Decimal, amounts: &[(String, Decimal)]) -> Option<String> {
    amounts
        .iter()
        .find(|(_, a)| *a == stated && !a.is_zero())
        .map(|(name, a)| wording::repeated_amount(stated, name, *a))
}

/// The difference of a sum equals one stated figure that is not among its parts (missing), or one of its
/// parts (counted twice).
pub fn missing_part(
    difference: Decimal,
    parts: &[(String, Decimal)],
    nearby: &[(String, Decimal)],
) -> Option<String> {
    if difference.is_zero() {
        return None;
    }
    if difference.is_sign_positive() {
        nearby
            .iter()
            .find(|(_, v)| *v == difference)
            .map(|(name, v)| wording::missing_part(difference, name, *v))
    } else {
        parts
            .iter()
            .find(|(_, v)| *v == -difference)
            .map(|(name, v)| wording::duplicated_part(-difference, name, *v))
    }
}

/// Names a likely cause for each mismatch of the narrative, using the figures near it.
pub(super) fn diagnose(ctx: &mut Ctx) {
    if !ctx
        .claims
        .iter()
        .any(|c| c.check.verdict == Verdict::Mismatch)
    {
        return;
    }
    let amounts: Vec<(usize, String, Decimal)> = ctx
        .tokens
        .iter()
        .filter(|t| t.start < ctx.end && t.class == UnitClass::Amount)
        .map(|t| (t.sentence, t.label.clone(), t.figure.value.abs()))
        .collect();
    for claim in &mut ctx.claims {
        if claim.check.verdict != Verdict::Mismatch {
            continue;
        }
        diagnose_numbers(claim);
        if claim.diagnosis.is_some() {
            continue;
        }
        let (Some(first), Some(diff)) = (claim.inputs.first(), claim.check.difference) else {
            continue;
        };
        let Some(span) = first.span else { continue };
        let at = ctx.text.index_of(span.0);
        let sentence = ctx
            .tokens
            .get(ctx.tokens.partition_point(|t| t.start < at))
            .map_or(0, |t| t.sentence);
        let near: Vec<(String, Decimal)> = amounts
            .iter()
            .filter(|(s, _, _)| s.abs_diff(sentence) <= 1)
            .filter(|(_, _, v)| !claim.inputs.iter().any(|i| i.value == *v))
            .map(|(_, l, v)| (l.clone(), *v))
            .collect();
        let parts: Vec<(String, Decimal)> = claim
            .inputs
            .iter()
            .skip(1)
            .map(|i| (i.name.clone(), i.value))
            .collect();
        claim.diagnosis = match claim.kind {
            ClaimKind::Sum | ClaimKind::Count => missing_part(diff, &parts, &near),
            ClaimKind::Share
            | ClaimKind::Growth
            | ClaimKind::Variance
            | ClaimKind::Execution
            | ClaimKind::Completion => {
                let stated = claim.check.stated.value.abs();
                let inputs: Vec<(String, Decimal)> = claim
                    .inputs
                    .iter()
                    .map(|i| (i.name.clone(), i.value.abs()))
                    .collect();
                repeated_amount(stated, &inputs)
            }
            _ => None,
        };
    }
}

/// Diagnoses that need only the claim's own numbers (a transposition).
pub(super) fn diagnose_numbers(claim: &mut Claim) {
    if claim.check.verdict != Verdict::Mismatch || claim.diagnosis.is_some() {
        return;
    }
    if let Some(r) = claim.check.recomputed {
        claim.diagnosis = transposition(
            claim.as_written(claim.check.stated.value),
            claim.as_written(r),
        );
    }
}
