//! A claim found in the text: what was stated, what it was checked against, the verdict, and where every
//! figure came from.

use super::clean::CleanText;
use super::tokens::Token;
use crate::decimal::text;
use crate::tables::Span;
use crate::verdict::Check;
use rust_decimal::Decimal;

/// What kind of statement a claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClaimKind {
    /// A total against its parts.
    Sum,
    /// Two totals that must be equal (收入总计 = 支出总计).
    Balance,
    /// 占比
    Share,
    /// 增长率
    Growth,
    /// 预决算差异率
    Variance,
    /// 完成预算比例
    Completion,
    /// 执行率
    Execution,
    /// A stated number of things against the things listed or found.
    Count,
    /// The same figure stated in two places.
    SameFigure,
}

impl ClaimKind {
    /// The kind's name in reports.
    pub fn name(self) -> &'static str {
        match self {
            ClaimKind::Sum => "sum",
            ClaimKind::Balance => "balance",
            ClaimKind::Share => "share",
            ClaimKind::Growth => "growth",
            ClaimKind::Variance => "variance",
            ClaimKind::Completion => "completion",
            ClaimKind::Execution => "execution",
            ClaimKind::Count => "count",
            ClaimKind::SameFigure => "same-figure",
        }
    }

    /// The kind in Chinese.
    pub fn title(self) -> &'static str {
        match self {
            ClaimKind::Sum => "合计",
            ClaimKind::Balance => "收支平衡",
            ClaimKind::Share => "占比",
            ClaimKind::Growth => "增长率",
            ClaimKind::Variance => "预决算差异率",
            ClaimKind::Completion => "完成预算比例",
            ClaimKind::Execution => "执行率",
            ClaimKind::Count => "个数",
            ClaimKind::SameFigure => "前后一致",
        }
    }
}

/// One input of a claim and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// What the figure is (its label in the text, or a role such as 上年数).
    pub name: String,
    /// The value as a decimal string with its scale.
    pub value: String,
    /// Where it is in the input; None for a derived value (上年数 = 本年 − 增减额).
    pub span: Option<Span>,
}

impl Source {
    /// A figure read from the text.
    pub fn token(text: &CleanText, token: &Token, name: &str) -> Source {
        Source {
            name: name.to_string(),
            value: crate::decimal::text(token.figure.value),
            span: Some(text.span(token.start, token.end)),
        }
    }

    /// A value derived from others.
    pub fn derived(name: &str, value: Decimal) -> Source {
        Source {
            name: name.to_string(),
            value: text(value),
            span: None,
        }
    }
}

/// A checked claim.
#[derive(Debug, Clone)]
pub struct Claim {
    /// What kind of statement.
    pub kind: ClaimKind,
    /// The verdict and the numbers behind it.
    pub check: Check,
    /// Where the claim is in the input.
    pub span: Span,
    /// Every figure it used.
    pub inputs: Vec<Source>,
    /// The formula with the numbers, in Chinese.
    pub formula: String,
    /// "%" for rates, the amount's unit for sums.
    pub unit: String,
    /// The stated value is reported as written: a 下降 rate is written positive, so the signed stated and
    /// recomputed values are shown negated.
    pub written_negated: bool,
    /// A likely cause of a mismatch, in Chinese.
    pub diagnosis: Option<String>,
}

impl Claim {
    /// The stated value as written.
    pub fn stated_text(&self) -> String {
        text(self.as_written(self.check.stated.value))
    }

    /// The recomputed value in the same convention as the stated one.
    pub fn recomputed_text(&self) -> Option<String> {
        self.check.recomputed.map(|r| text(self.as_written(r)))
    }

    /// A signed value in the written convention.
    pub fn as_written(&self, value: Decimal) -> Decimal {
        if self.written_negated {
            -value
        } else {
            value
        }
    }
}
