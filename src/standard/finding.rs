//! Findings as an audit report: rule id, formula with the numbers, the cells used, and a severity.

use super::kinds::{Col, StandardKind};
use super::model::{Amount, Span};
use super::num::{
    blank_figure, check_sum, figure, round_half_up, show, sub, sum, Check, Decimal, Figure, Verdict,
};
use serde::Serialize;

/// Which family of rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum FindingKind {
    /// 表内: a total against its parts within one table (T*).
    #[serde(rename = "table-sum")]
    TableSum,
    /// 表间: a cell against the same figure in another table (X-*).
    #[serde(rename = "table-link")]
    TableLink,
    /// 表文: a figure of the 说明 against the cells (N-*).
    #[serde(rename = "text-table")]
    TextTable,
}

impl FindingKind {
    /// "table-sum", "table-link", "text-table".
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::TableSum => "table-sum",
            FindingKind::TableLink => "table-link",
            FindingKind::TextTable => "text-table",
        }
    }
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 错误: must be fixed before publishing.
    Error,
    /// 提示: needs a sentence of explanation (a drift between a summary and a detail table, a ≤ rule).
    Hint,
    /// 尾差: differs only within the rounding band 0.005·(n+1).
    Rounding,
    /// 无法计算: the stated rate has a zero denominator.
    NotComputable,
    /// 未核对: the paste leaves a needed cell undecided (the reason is in the message).
    NotChecked,
    /// 一致.
    Ok,
}

impl Severity {
    /// The Chinese word.
    pub fn title(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Hint => "提示",
            Severity::Rounding => "尾差",
            Severity::NotComputable => "无法计算",
            Severity::NotChecked => "未核对",
            Severity::Ok => "一致",
        }
    }

    /// "error", "hint", "rounding", "not_computable", "not_checked", "ok".
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Hint => "hint",
            Severity::Rounding => "rounding",
            Severity::NotComputable => "not_computable",
            Severity::NotChecked => "not_checked",
            Severity::Ok => "ok",
        }
    }
}

/// A cell a finding used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CellRef {
    /// The table.
    pub table: StandardKind,
    /// The row's code, when it has one ("2010601").
    pub code: Option<String>,
    /// The row: code and name ("201 一般公共服务支出"), "合计", or a line name ("本年收入合计").
    pub row: String,
    /// The column ("财政拨款收入").
    pub column: String,
    /// The value as printed without separators; None for a blank cell.
    pub value: Option<String>,
    /// Where the number is in the paste; None for a blank cell.
    pub span: Option<Span>,
}

/// One check's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TableFinding {
    /// The catalogue id ("T2-2", "X-05", "N-06s").
    pub rule: String,
    /// table-sum, table-link or text-table.
    pub kind: FindingKind,
    /// The severity.
    pub severity: Severity,
    /// The stated figure ("2940.05", "71.73"); for a flag, a word.
    pub stated: String,
    /// The recomputed or linked figure ("2940.06"), "无法计算", or a word for a flag.
    pub expected: String,
    /// stated − expected, when both are numbers.
    pub difference: Option<String>,
    /// The formula with its numbers, in Chinese.
    pub formula: String,
    /// The cells used; for T and X rules the stated cell comes first.
    pub cells: Vec<CellRef>,
    /// For N rules: the 说明's words around the figure.
    pub quote: Option<String>,
    /// For N rules: where the stated figure is in the paste.
    pub span: Option<Span>,
    /// What it means, in Chinese.
    pub message: String,
    /// For N rules: the 说明's own amounts the check used (the stated one first), with where they are.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<TextFigure>,
}

/// An amount of the 说明 that a finding used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextFigure {
    /// What it is ("说明 年初预算").
    pub label: String,
    /// The value as written, without separators ("683.51").
    pub value: String,
    /// Where the number is in the paste.
    pub span: Span,
}

/// One term of a formula: a label for the formula text, its figure, and the cell it came from.
#[derive(Debug, Clone)]
pub(crate) struct Term {
    pub label: String,
    pub fig: Figure,
    pub cell: Option<CellRef>,
    /// Where a 说明 figure is in the paste.
    pub span: Option<Span>,
}

impl Term {
    /// A term for a cell's value (None = blank).
    pub fn cell(label: String, amount: Option<&Amount>, cell: CellRef) -> Term {
        let fig = amount.map_or_else(blank_figure, |a| figure(a.value, a.scale));
        Term {
            label,
            fig,
            cell: Some(cell),
            span: None,
        }
    }

    /// A term for a figure that is not a cell (a 说明 figure, a computed value).
    pub fn plain(label: String, fig: Figure) -> Term {
        Term {
            label,
            fig,
            cell: None,
            span: None,
        }
    }

    /// A term for a figure of the 说明 at `span` of the paste.
    pub fn text(label: String, fig: Figure, span: Span) -> Term {
        Term {
            span: Some(span),
            ..Term::plain(label, fig)
        }
    }

    /// The 说明 figure this term is, if it is one.
    pub fn text_figure(&self) -> Option<TextFigure> {
        self.span.map(|span| TextFigure {
            label: self.label.clone(),
            value: show(self.fig.value),
            span,
        })
    }

    pub fn is_blank(&self) -> bool {
        self.fig.value.is_zero()
    }

    pub(crate) fn show(&self) -> String {
        if self.is_blank() && self.fig.exact {
            format!("{} 0（空）", self.label)
        } else {
            format!("{} {}", self.label, show(self.fig.value))
        }
    }
}

/// Makes a cell reference.
pub(crate) fn cell_ref(
    table: StandardKind,
    code: Option<&str>,
    row: String,
    col: Col,
    amount: Option<&Amount>,
) -> CellRef {
    CellRef {
        table,
        code: code.map(str::to_string),
        row,
        column: col.title(),
        value: amount.map(|a| show(a.value)),
        span: amount.map(|a| a.span),
    }
}

/// The parts of a sum: a part of value 0 adds nothing and no rounding tolerance.
fn figures(parts: &[(Term, i8)]) -> Vec<Figure> {
    parts
        .iter()
        .filter(|(t, _)| !t.fig.value.is_zero())
        .map(|(t, s)| {
            let mut f = t.fig.clone();
            if *s < 0 {
                f.value = -f.value;
            }
            f
        })
        .collect()
}

/// What a rule reports when the numbers disagree beyond rounding.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rule {
    pub id: &'static str,
    pub kind: FindingKind,
    pub mismatch: Severity,
}

/// `stated` = Σ sign·parts, judged with the rounding band of the non-blank figures.
pub(crate) fn sum_finding(
    rule: Rule,
    what: &str,
    stated: Term,
    parts: Vec<(Term, i8)>,
) -> TableFinding {
    let figs = figures(&parts);
    let exact = sum(figs.iter().map(|f| f.value));
    let stated_fig = if stated.fig.value.is_zero() && stated.fig.exact {
        figure(Decimal::ZERO, 2)
    } else {
        stated.fig.clone()
    };
    let check = check_sum(&stated_fig, &figs).ok();
    let scale = figs
        .iter()
        .map(|f| f.scale)
        .chain([stated.fig.scale, 2])
        .max()
        .unwrap_or(2);
    let expected = exact.map(|e| round_half_up(e, scale));
    let band = figs
        .iter()
        .map(|f| f.half_width())
        .chain([stated_fig.half_width()])
        .try_fold(Decimal::ZERO, |a, h| a.checked_add(h));
    let mut terms: Vec<String> = Vec::new();
    let mut blanks = 0;
    for (t, sign) in &parts {
        if t.is_blank() && t.fig.exact && parts.len() > 1 {
            blanks += 1;
            continue;
        }
        let op = match (terms.is_empty(), *sign < 0) {
            (true, false) => "",
            (_, true) => "− ",
            (false, false) => "+ ",
        };
        terms.push(format!("{op}{}", t.show()));
    }
    let shown = if terms.is_empty() {
        "0".to_string()
    } else {
        terms.join(" ")
    };
    let shown = if blanks > 0 {
        format!("{shown}（另有 {blanks} 项为空）")
    } else {
        shown
    };
    let expected_text = expected.map_or_else(|| "无法计算（溢出）".to_string(), show);
    let formula = format!("{what}：{} = {shown} = {expected_text}", stated.show());
    let mut cells: Vec<CellRef> = stated.cell.clone().into_iter().collect();
    cells.extend(parts.iter().filter_map(|(t, _)| t.cell.clone()));
    let (severity, difference) = judge(rule, check.as_ref(), stated.fig.value, expected);
    let message = message(
        severity,
        &show(stated.fig.value),
        &expected_text,
        difference,
        band,
    );
    let message = if rule.kind == FindingKind::TextTable {
        message
            .replacen("填列", "说明写", 1)
            .replacen("按各数相加为", "表中为", 1)
            .replacen("应为", "表中为", 1)
            .replacen("对应数为", "表中为", 1)
    } else {
        message
    };
    let figures = std::iter::once(&stated)
        .chain(parts.iter().map(|(t, _)| t))
        .filter_map(Term::text_figure)
        .collect();
    TableFinding {
        rule: rule.id.to_string(),
        kind: rule.kind,
        severity,
        stated: show(stated.fig.value),
        expected: expected_text,
        difference: difference.map(show),
        formula,
        cells,
        quote: None,
        span: None,
        message,
        figures,
    }
}

fn judge(
    rule: Rule,
    check: Option<&Check>,
    stated: Decimal,
    expected: Option<Decimal>,
) -> (Severity, Option<Decimal>) {
    let difference = expected.and_then(|e| sub(stated, e));
    let severity = match check.map(|c| c.verdict) {
        Some(Verdict::Ok) => Severity::Ok,
        Some(Verdict::Rounding) => Severity::Rounding,
        Some(Verdict::NotComputable) => Severity::NotComputable,
        Some(Verdict::Mismatch) => rule.mismatch,
        Some(Verdict::Notice) => Severity::Hint,
        None => Severity::NotChecked,
    };
    (severity, difference)
}

fn message(
    severity: Severity,
    stated: &str,
    expected: &str,
    difference: Option<Decimal>,
    band: Option<Decimal>,
) -> String {
    let d = difference.map(|d| show(d.abs())).unwrap_or_default();
    let b = band.map(|b| show(b.normalize())).unwrap_or_default();
    match severity {
        Severity::Ok => format!("一致：填列 {stated}，应为 {expected}"),
        Severity::Rounding => format!(
            "尾差：填列 {stated}，按各数相加为 {expected}，相差 {d}，在四舍五入允许范围 ±{b} 内，不是错误"
        ),
        Severity::Error => format!("错误：填列 {stated}，应为 {expected}，相差 {d}，超出四舍五入允许范围 ±{b}"),
        Severity::Hint => format!(
            "提示：填列 {stated}，对应数为 {expected}，相差 {d}（超出 ±{b}）；请核实或在说明中解释"
        ),
        Severity::NotComputable => format!("无法计算：分母为 0，填列的 {stated} 无从核对"),
        Severity::NotChecked => "未核对：计算溢出".to_string(),
    }
}
