//! A claim found in the paste: what was stated, what it was checked against, the verdict, and where every
//! figure came from. Claims hold numbers; the report turns them into text.

use crate::document::narrative::{CleanText, Token};
use crate::document::Span;
use crate::num::verdict::Check;
use rust_decimal::Decimal;
use serde::Serialize;

/// What kind of statement a claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimKind {
    /// A total against its parts.
    Sum,
    /// Two totals that must be equal (收入总计 = 支出总计).
    Balance,
    /// 占比
    Share,
    /// 增长率
    Growth,
    /// 增减额 = 本年 − 上年, both stated.
    Difference,
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
    /// A direction word (大于/小于/持平, 增加/减少) against the two figures it compares.
    Direction,
    /// 表内: a standard table's total against its rows (rule T*).
    TableSum,
    /// 表间: a cell against the same figure in another standard table (rule X-*).
    TableLink,
    /// 表文: a figure of the 说明 against the standard tables' cells (rule N-*).
    TextTable,
}

impl ClaimKind {
    /// The kind's name in reports (as serialized).
    pub fn name(self) -> &'static str {
        match self {
            ClaimKind::Sum => "sum",
            ClaimKind::Balance => "balance",
            ClaimKind::Share => "share",
            ClaimKind::Growth => "growth",
            ClaimKind::Difference => "difference",
            ClaimKind::Variance => "variance",
            ClaimKind::Completion => "completion",
            ClaimKind::Execution => "execution",
            ClaimKind::Count => "count",
            ClaimKind::SameFigure => "same-figure",
            ClaimKind::Direction => "direction",
            ClaimKind::TableSum => "table-sum",
            ClaimKind::TableLink => "table-link",
            ClaimKind::TextTable => "text-table",
        }
    }
}

/// One input of a claim and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// What the figure is (its label in the text, or a role such as 上年数).
    pub name: String,
    /// The value as written (its scale kept).
    pub value: Decimal,
    /// Where it is in the input; None for a derived value (上年数 = 本年 − 增减额).
    pub span: Option<Span>,
}

impl Source {
    /// A figure read from the text.
    pub fn token(text: &CleanText, token: &Token, name: &str) -> Source {
        Source {
            name: name.to_string(),
            value: token.figure.value,
            span: Some(text.span(token.start, token.end)),
        }
    }

    /// A value derived from others.
    pub fn derived(name: &str, value: Decimal) -> Source {
        Source {
            name: name.to_string(),
            value,
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
    /// Every figure it used, in the order its formula takes them.
    pub inputs: Vec<Source>,
    /// "%" for rates, the amount's unit for sums.
    pub unit: String,
    /// The stated value is reported as written: a 下降 rate is written positive, so the signed stated and
    /// recomputed values are shown negated.
    pub written_negated: bool,
    /// A likely cause of a mismatch, in Chinese.
    pub diagnosis: Option<String>,
    /// What the figures are, when the formula alone does not say (a table's name and column).
    pub context: Option<String>,
    /// The self-evaluation table the claim checks, if any (index into the document's tables).
    pub table: Option<usize>,
    /// The message, when the kind has its own (a direction word judged against two figures).
    pub message: Option<String>,
    /// Where the stated figure is, when it is not the first input (a percentage, a direction word).
    pub stated_span: Option<Span>,
    /// A direction claim's words: the one written and the one its two figures fit (小于, 大于); the report
    /// shows them as the stated and recomputed values.
    pub words: Option<(&'static str, &'static str)>,
}

impl Claim {
    /// A claim with no diagnosis, context or table.
    pub fn new(
        kind: ClaimKind,
        check: Check,
        span: Span,
        inputs: Vec<Source>,
        unit: &str,
    ) -> Claim {
        Claim {
            kind,
            check,
            span,
            inputs,
            unit: unit.to_string(),
            written_negated: false,
            diagnosis: None,
            context: None,
            table: None,
            message: None,
            stated_span: None,
            words: None,
        }
    }

    /// Where the stated figure starts: its own span, else the first input's (a total, a later mention).
    pub fn check_span_start(&self) -> usize {
        self.stated_span
            .or_else(|| self.inputs.first().and_then(|i| i.span))
            .map_or(self.span.0, |s| s.0)
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
