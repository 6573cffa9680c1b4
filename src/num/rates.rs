//! The five rates of a disclosure, computed exactly. Each has an explicit "cannot compute" outcome for a
//! zero denominator, with the conventional label, instead of a number or a panic.

use crate::error::{Error, Result};
use crate::num::decimal::{self, round_half_up};
use rust_decimal::Decimal;

/// Which rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateKind {
    /// 预决算差异率 = (决算 − 预算) ÷ 预算 × 100; inputs (预算, 决算).
    Variance,
    /// 完成预算比例 = 决算 ÷ 预算 × 100; inputs (预算, 决算).
    Completion,
    /// 增长率 = (本年 − 上年) ÷ 上年 × 100; inputs (本年, 上年).
    Growth,
    /// 占比 = 部分 ÷ 总数 × 100; inputs (部分, 总数).
    Share,
    /// 执行率 = 执行数 ÷ 预算数 × 100; inputs (预算数, 执行数).
    Execution,
}

impl RateKind {
    /// Every kind, in the order the page lists them.
    pub const ALL: [RateKind; 5] = [
        RateKind::Variance,
        RateKind::Completion,
        RateKind::Growth,
        RateKind::Share,
        RateKind::Execution,
    ];

    /// Reads a kind name as the CLI and the JS API spell it.
    ///
    /// # Errors
    /// [`Error::UnknownKind`] for any other name.
    pub fn parse(name: &str) -> Result<RateKind> {
        RateKind::ALL
            .into_iter()
            .find(|k| k.name() == name.trim())
            .ok_or_else(|| Error::UnknownKind {
                kind: name.to_string(),
            })
    }

    /// The kind's name in reports (`variance`, `growth`, …).
    pub fn name(self) -> &'static str {
        match self {
            RateKind::Variance => "variance",
            RateKind::Completion => "completion",
            RateKind::Growth => "growth",
            RateKind::Share => "share",
            RateKind::Execution => "execution",
        }
    }

    /// The Chinese name of the rate.
    pub fn title(self) -> &'static str {
        match self {
            RateKind::Variance => "预决算差异率",
            RateKind::Completion => "完成预算比例",
            RateKind::Growth => "增长率",
            RateKind::Share => "占比",
            RateKind::Execution => "执行率",
        }
    }

    /// The Chinese names of the two inputs, in argument order.
    pub fn input_names(self) -> (&'static str, &'static str) {
        match self {
            RateKind::Variance => ("年初预算数", "决算数"),
            RateKind::Completion => ("预算数", "决算数"),
            RateKind::Growth => ("本年数", "上年数"),
            RateKind::Share => ("部分", "总数"),
            RateKind::Execution => ("全年预算数", "全年执行数"),
        }
    }
}

/// The conventional label shown instead of a number when a rate cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// 新增: nothing last year, something this year.
    New,
    /// 持平: nothing in either year.
    Flat,
    /// 无法计算: the denominator is zero.
    NotComputable,
}

impl Label {
    /// The label as shown.
    pub fn text(self) -> &'static str {
        match self {
            Label::New => "新增",
            Label::Flat => "持平",
            Label::NotComputable => "无法计算",
        }
    }
}

/// A computed rate: the exact value (in percent, unrounded) or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rate {
    /// The exact rate in percent.
    Value(Decimal),
    /// The denominator is zero.
    NotComputable(Label),
}

impl Rate {
    /// The rate rounded half-up to `dp` decimals, or None.
    pub fn rounded(self, dp: u32) -> Option<Decimal> {
        match self {
            Rate::Value(v) => Some(round_half_up(v, dp)),
            Rate::NotComputable(_) => None,
        }
    }

    /// The label of a rate that cannot be computed.
    pub fn label(self) -> Option<Label> {
        match self {
            Rate::Value(_) => None,
            Rate::NotComputable(l) => Some(l),
        }
    }
}

/// Computes a rate from its two inputs, in the kind's argument order.
///
/// # Errors
/// [`Error::Overflow`] when the result leaves exact decimal range.
///
/// # Example
/// ```
/// use juesuan::num::rates::{rate, RateKind};
/// let r = rate(RateKind::Variance, "993.12".parse()?, "1497.60".parse()?)?;
/// assert_eq!(r.rounded(2).map(|v| v.to_string()).as_deref(), Some("50.80")); // (1497.60 − 993.12) ÷ 993.12 × 100
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn rate(kind: RateKind, a: Decimal, b: Decimal) -> Result<Rate> {
    let (numerator, denominator) = match kind {
        RateKind::Variance => (sub(b, a)?, a),
        RateKind::Completion | RateKind::Execution => (b, a),
        RateKind::Growth => (sub(a, b)?, b),
        RateKind::Share => (a, b),
    };
    if denominator.is_zero() {
        let label = match kind {
            RateKind::Growth if a.is_zero() => Label::Flat,
            RateKind::Growth => Label::New,
            _ => Label::NotComputable,
        };
        return Ok(Rate::NotComputable(label));
    }
    percent_of(numerator, denominator).map(Rate::Value)
}

/// numerator ÷ denominator × 100, exact to 28 significant digits. Dividing before multiplying by 100 would
/// lose nothing either, but multiplying first keeps small rates' digits; both are checked.
pub fn percent_of(numerator: Decimal, denominator: Decimal) -> Result<Decimal> {
    let overflow = || Error::Overflow {
        what: format!("{numerator} ÷ {denominator} × 100"),
    };
    decimal::mul(numerator, Decimal::ONE_HUNDRED)
        .and_then(|n| decimal::div(n, denominator))
        .or_else(|| {
            decimal::div(numerator, denominator).and_then(|q| decimal::mul(q, Decimal::ONE_HUNDRED))
        })
        .ok_or_else(overflow)
}

/// a − b, checked.
pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal> {
    decimal::sub(a, b).ok_or_else(|| Error::Overflow {
        what: format!("{a} − {b}"),
    })
}

/// a + b, checked.
pub fn add(a: Decimal, b: Decimal) -> Result<Decimal> {
    decimal::add(a, b).ok_or_else(|| Error::Overflow {
        what: format!("{a} + {b}"),
    })
}
