//! Judging a stated figure against its formula with interval arithmetic (domain.md "Verdicts").
//!
//! A figure written with d decimals stands for v ± ½·10⁻ᵈ. A stated total holds when it is within the sum of
//! the half-widths of itself and its parts (for n parts of one precision: ½·10⁻ᵈ·(n+1), XBRL Calculations
//! 1.1); a stated rate holds when its own interval meets the range of the formula over the inputs' intervals,
//! found at the corners (each formula here is monotone in each input on a box that avoids a zero denominator).

use crate::error::Result;
use crate::num::decimal::{ceil_to, floor_to, round_half_up};
use crate::num::figure::Figure;
use crate::num::rates::{add, sub, Label, Rate};
use rust_decimal::Decimal;

/// The verdict on one stated figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// A real inconsistency: no choice of true values behind the rounded inputs gives the stated figure.
    Mismatch,
    /// 提示: the figures differ in a way that needs a sentence of explanation, not a correction (a 0.01 drift
    /// between a summary and a detail table, an inequality rule not met). Never counted as ✗.
    Notice,
    /// 尾差: differs from the recomputed value, but rounding of the inputs explains it.
    Rounding,
    /// The formula cannot be evaluated (zero denominator).
    NotComputable,
    /// Equals the recomputed value at the stated precision.
    Ok,
}

impl Verdict {
    /// The verdict's name in reports (as serialized): `ok`, `rounding`, `mismatch`, `not_computable`.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Notice => "notice",
            Verdict::Rounding => "rounding",
            Verdict::Mismatch => "mismatch",
            Verdict::NotComputable => "not_computable",
        }
    }
}

/// The outcome of checking one stated figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// The verdict.
    pub verdict: Verdict,
    /// The stated figure.
    pub stated: Figure,
    /// The recomputed value rounded half-up to the stated precision; None when not computable.
    pub recomputed: Option<Decimal>,
    /// stated − recomputed (both at the stated precision); None when not computable.
    pub difference: Option<Decimal>,
    /// The stated values, at the stated precision, that the rule would accept; None when not computable.
    pub interval: Option<(Decimal, Decimal)>,
    /// Why it could not be computed, when it could not.
    pub label: Option<Label>,
}

impl Check {
    fn not_computable(stated: &Figure, label: Label) -> Check {
        Check {
            verdict: Verdict::NotComputable,
            stated: stated.clone(),
            recomputed: None,
            difference: None,
            interval: None,
            label: Some(label),
        }
    }

    /// Verdict from the exact recomputed value and the range [lo, hi] the formula can take over the inputs.
    /// `shown` is the precision the accepted range is shown at: the stated figure's, or finer when the
    /// inputs are finer (a total stated as 536.1 of parts summing to 536.07 shows 536.01 ~ 536.13).
    fn judge(
        stated: &Figure,
        exact: Decimal,
        lo: Decimal,
        hi: Decimal,
        shown: u32,
    ) -> Result<Check> {
        let d = stated.scale;
        let h = stated.half_width();
        let recomputed = round_half_up(exact, d);
        let s = stated.value;
        let verdict = if recomputed == s {
            Verdict::Ok
        } else if sub(s, h)? <= hi && add(s, h)? >= lo {
            Verdict::Rounding
        } else {
            Verdict::Mismatch
        };
        // Saturating: an unbounded range (a corner with a zero denominator) has no finite edge to widen.
        let interval = (
            ceil_to(lo.saturating_sub(h), shown.max(d)),
            floor_to(hi.saturating_add(h), shown.max(d)),
        );
        Ok(Check {
            verdict,
            stated: stated.clone(),
            recomputed: Some(recomputed),
            difference: Some(sub(s, recomputed)?),
            interval: Some(interval),
            label: None,
        })
    }
}

/// Checks a stated total against its parts.
///
/// # Errors
/// Only on overflow beyond exact decimal range.
///
/// # Example
/// ```
/// use juesuan::num::{figure::parse_figure, verdict::{check_sum, Verdict}};
/// let f = parse_figure;
/// // 1511.95 + 298.27 + 0.00 = 1810.22; stated 1810.23 is within ½·0.01·(3+1) = 0.02
/// let c = check_sum(&f("1,810.23")?, &[f("1,511.95")?, f("298.27")?, f("0.00")?])?;
/// assert_eq!((c.verdict, c.recomputed.map(|r| r.to_string())), (Verdict::Rounding, Some("1810.22".to_string())));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_sum(total: &Figure, parts: &[Figure]) -> Result<Check> {
    // The parts' true sum lies within Σ ± Σ half-widths; `judge` adds the total's own half-width.
    let mut sum = Decimal::ZERO;
    let mut tolerance = Decimal::ZERO;
    for p in parts {
        sum = add(sum, p.value)?;
        tolerance = add(tolerance, p.half_width())?;
    }
    let shown = parts.iter().map(|p| p.scale).max().unwrap_or(total.scale);
    Check::judge(
        total,
        sum,
        sub(sum, tolerance)?,
        add(sum, tolerance)?,
        shown,
    )
}

/// Checks a stated rate computed by `formula` from two input figures.
///
/// # Errors
/// Only on overflow beyond exact decimal range.
pub fn check_rate(
    formula: impl Fn(Decimal, Decimal) -> Result<Rate>,
    a: &Figure,
    b: &Figure,
    stated: &Figure,
) -> Result<Check> {
    check_rate_dyn(&formula, a, b, stated)
}

/// [`check_rate`] with the formula behind a reference: one copy of this code in the wasm, whatever the
/// formula (each generic copy would cost the page about 1.5 KB).
fn check_rate_dyn(
    formula: &dyn Fn(Decimal, Decimal) -> Result<Rate>,
    a: &Figure,
    b: &Figure,
    stated: &Figure,
) -> Result<Check> {
    let exact = match formula(a.value, b.value)? {
        Rate::Value(v) => v,
        Rate::NotComputable(label) => return Ok(Check::not_computable(stated, label)),
    };
    let (mut lo, mut hi) = (exact, exact);
    for x in [sub(a.value, a.half_width())?, add(a.value, a.half_width())?] {
        for y in [sub(b.value, b.half_width())?, add(b.value, b.half_width())?] {
            match formula(x, y)? {
                Rate::Value(v) => {
                    lo = lo.min(v);
                    hi = hi.max(v);
                }
                // A corner with a zero denominator: the formula is unbounded there, so any stated value
                // is consistent with some true inputs. Only reachable for inputs written as 0 at their scale.
                Rate::NotComputable(_) => {
                    return Check::judge(stated, exact, Decimal::MIN, Decimal::MAX, stated.scale)
                }
            }
        }
    }
    Check::judge(stated, exact, lo, hi, stated.scale)
}
