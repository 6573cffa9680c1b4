//! Stated percentages (占比, 完成预算, 增长/下降) against the ratio of their inputs.

use super::finding::{Rule, Severity, TableFinding, Term};
use super::num::{
    check_rate, div, mul, round_half_up, show, sub, Decimal, Label, NumResult, Rate, Verdict,
};

/// How a stated percentage is computed from its two inputs (a, b).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RateForm {
    /// a ÷ b × 100 (占比, 完成预算).
    Ratio,
    /// an increase a on this year's b: a ÷ (b − a) × 100.
    GrowthUp,
    /// a decrease a on this year's b: a ÷ (b + a) × 100.
    GrowthDown,
}

fn rate_of(form: RateForm, a: Decimal, b: Decimal) -> NumResult<Rate> {
    let den = match form {
        RateForm::Ratio => Some(b),
        RateForm::GrowthUp => sub(b, a),
        RateForm::GrowthDown => b.checked_add(a),
    };
    let value = den
        .filter(|d| !d.is_zero())
        .and_then(|d| mul(a, Decimal::ONE_HUNDRED).and_then(|n| div(n, d)));
    Ok(match value {
        Some(v) => Rate::Value(v),
        None if form == RateForm::Ratio => Rate::NotComputable(Label::NotComputable),
        None => Rate::NotComputable(Label::New),
    })
}

/// A stated percentage against `form`(a, b), judged at the stated decimals (interval method for 尾差; a
/// truncated value is 提示, a zero denominator 无法计算).
pub(crate) fn rate_finding(
    rule: Rule,
    what: &str,
    stated: Term,
    a: Term,
    b: Term,
    form: RateForm,
) -> TableFinding {
    let check = check_rate(|x, y| rate_of(form, x, y), &a.fig, &b.fig, &stated.fig).ok();
    let s = show(stated.fig.value);
    let exact = match rate_of(form, a.fig.value, b.fig.value) {
        Ok(Rate::Value(v)) => Some(v),
        _ => None,
    };
    let expected = check.as_ref().and_then(|c| c.recomputed);
    let truncated = exact.map(|e| e.trunc_with_scale(stated.fig.scale));
    let mut severity = match check.as_ref().map(|c| c.verdict) {
        Some(Verdict::Ok) => Severity::Ok,
        Some(Verdict::Rounding) => Severity::Rounding,
        Some(Verdict::NotComputable) => Severity::NotComputable,
        Some(Verdict::Mismatch) => rule.mismatch,
        Some(Verdict::Notice) => Severity::Hint,
        None => Severity::NotChecked,
    };
    if severity == rule.mismatch && truncated == Some(stated.fig.value) {
        severity = Severity::Hint;
    }
    let expected_text = match (expected, severity) {
        (Some(e), _) => show(e),
        (None, Severity::NotComputable) => "无法计算".to_string(),
        _ => "无法计算（溢出）".to_string(),
    };
    let formula_core = match form {
        RateForm::Ratio => format!("{} ÷ {} × 100%", a.show(), b.show()),
        RateForm::GrowthUp => format!(
            "{} ÷ ({} − {}) × 100%",
            a.show(),
            b.show(),
            show(a.fig.value)
        ),
        RateForm::GrowthDown => format!(
            "{} ÷ ({} + {}) × 100%",
            a.show(),
            b.show(),
            show(a.fig.value)
        ),
    };
    let exact_text = exact
        .map(|e| format!("（精确值 {}%）", show(round_half_up(e, 4))))
        .unwrap_or_default();
    let message = match severity {
        Severity::Ok => format!("一致：写 {s}%，计算为 {expected_text}%"),
        Severity::Rounding => format!(
            "尾差：写 {s}%，计算为 {expected_text}%{exact_text}，输入为四舍五入后的数，可以解释"
        ),
        Severity::Hint => {
            format!("提示：写 {s}%，按四舍五入应为 {expected_text}%{exact_text}（写成了截尾值）")
        }
        Severity::NotComputable => {
            format!("无法计算：分母为 0，比例没有数值，说明却写 {s}%；宜删去该比例或改写")
        }
        _ => format!("错误：写 {s}%，按表中数计算应为 {expected_text}%{exact_text}"),
    };
    TableFinding {
        rule: rule.id.to_string(),
        kind: rule.kind,
        severity,
        stated: s,
        expected: expected_text,
        difference: expected.and_then(|e| sub(stated.fig.value, e)).map(show),
        formula: format!(
            "{what}：{formula_core} = {}",
            expected.map_or("无法计算".to_string(), show)
        ),
        figures: [&a, &b].into_iter().filter_map(Term::text_figure).collect(),
        cells: a.cell.into_iter().chain(b.cell).collect(),
        quote: None,
        span: None,
        message,
    }
}
