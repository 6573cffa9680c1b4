//! The one rounding decision of the crate: 四舍五入 (half away from zero), never bankers' rounding.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds half away from zero to `dp` decimals and pads, so `50.8` at 2 dp prints as `50.80`.
///
/// # Example
/// ```
/// use juesuan::decimal::round_half_up;
/// use rust_decimal::Decimal;
/// let d: Decimal = "0.125".parse().unwrap();
/// assert_eq!(round_half_up(d, 2).to_string(), "0.13");
/// assert_eq!(round_half_up("50.8".parse().unwrap(), 2).to_string(), "50.80");
/// ```
pub fn round_half_up(value: Decimal, dp: u32) -> Decimal {
    with_scale(
        value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero),
        dp,
    )
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
