//! The one rounding decision of the crate: 四舍五入 (half away from zero), never bankers' rounding.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds half away from zero to `dp` decimals and pads, so `50.8` at 2 dp prints as `50.80`.
///
/// # Example
/// ```
/// use juesuan::num::decimal::round_half_up;
/// use rust_decimal::Decimal;
/// let d: Decimal = "0.125".parse()?;
/// assert_eq!(round_half_up(d, 2).to_string(), "0.13");
/// assert_eq!(round_half_up("50.8".parse()?, 2).to_string(), "50.80");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn round_half_up(value: Decimal, dp: u32) -> Decimal {
    with_scale(
        value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero),
        dp,
    )
}

/// The decimal as text with its scale ("50.80", "-0.05"), as `Display` prints it but faster (reports
/// print hundreds of figures per check, on every keystroke).
///
/// # Example
/// ```
/// use juesuan::num::decimal::text;
/// assert_eq!(text("50.80".parse()?), "50.80");
/// assert_eq!(text("-0.05".parse()?), "-0.05");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn text(value: Decimal) -> String {
    let mantissa = value.mantissa();
    let scale = value.scale() as usize;
    // u64 formats faster than u128, and nearly every mantissa fits
    let magnitude = mantissa.unsigned_abs();
    let digits = u64::try_from(magnitude).map_or_else(|_| magnitude.to_string(), |m| m.to_string());
    let mut out = String::with_capacity(digits.len() + scale + 3);
    if mantissa < 0 {
        out.push('-');
    }
    if scale == 0 {
        out.push_str(&digits);
    } else if digits.len() > scale {
        let (int, frac) = digits.split_at(digits.len() - scale);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    } else {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', scale - digits.len()));
        out.push_str(&digits);
    }
    out
}

/// The smallest number with `dp` decimals that is ≥ `value`.
pub fn ceil_to(value: Decimal, dp: u32) -> Decimal {
    with_scale(
        value.round_dp_with_strategy(dp, RoundingStrategy::ToPositiveInfinity),
        dp,
    )
}

/// The largest number with `dp` decimals that is ≤ `value`.
pub fn floor_to(value: Decimal, dp: u32) -> Decimal {
    with_scale(
        value.round_dp_with_strategy(dp, RoundingStrategy::ToNegativeInfinity),
        dp,
    )
}

/// Half a unit in the last place of a figure written with `scale` decimals: `50.80` stands for 50.80 ± 0.005.
pub fn half_ulp(scale: u32) -> Decimal {
    Decimal::new(5, scale.saturating_add(1).min(28))
}

/// `value` printed with exactly `dp` decimals (only ever adds zeros; callers round first).
fn with_scale(mut value: Decimal, dp: u32) -> Decimal {
    if value.scale() < dp {
        value.rescale(dp);
    }
    value
}

// Checked arithmetic behind calls that are never inlined: rust_decimal's operations are marked #[inline],
// and inlined at every call site each one costs the page's wasm a kilobyte or more.

/// a × b, or None on overflow.
#[inline(never)]
pub fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// a ÷ b, or None on overflow or a zero divisor.
#[inline(never)]
pub fn div(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_div(b)
}

/// a + b, or None on overflow.
#[inline(never)]
pub fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// a − b, or None on overflow.
#[inline(never)]
pub fn sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_sub(b)
}
