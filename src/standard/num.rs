//! The one place where `standard` reaches into the rest of the crate: the figure parser, the exact decimal
//! helpers and the verdicts. When those paths move (to `crate::num::…`), only this file changes.

pub(crate) use crate::error::Result as NumResult;
pub(crate) use crate::num::decimal::{add, div, mul, round_half_up, sub, text};
pub(crate) use crate::num::figure::{parse_figure, Figure};
pub(crate) use crate::num::rates::{Label, Rate};
pub(crate) use crate::num::verdict::{check_rate, check_sum, Check, Verdict};
pub(crate) use rust_decimal::Decimal;

/// A figure for a value read with `scale` decimals (it stands for value ± ½·10⁻ˢᶜᵃˡᵉ).
pub(crate) fn figure(value: Decimal, scale: u32) -> Figure {
    let mut f = Figure::from_decimal(value);
    f.scale = scale;
    f
}

/// A blank cell: exactly zero, with no rounding tolerance.
pub(crate) fn blank_figure() -> Figure {
    Figure::from_decimal(Decimal::ZERO).into_exact()
}

/// Σ values, or None on overflow.
pub(crate) fn sum(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values.into_iter().try_fold(Decimal::ZERO, add)
}

/// The decimal as text with its scale, never in exponent form.
pub(crate) fn show(value: Decimal) -> String {
    text(value)
}
