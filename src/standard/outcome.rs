//! Findings that are not a plain sum: an inequality, a check the paste leaves undecided, and one check
//! under several readings of an ambiguous row.

use super::finding::{CellRef, Rule, Severity, TableFinding, Term};
use super::num::{show, sub, Decimal};

/// `stated` ≤ `bound` (an inequality rule): a violation within 0.01 is 尾差, beyond it the rule's severity.
pub(crate) fn le_finding(rule: Rule, what: &str, stated: Term, bound: Term) -> TableFinding {
    let band = stated.fig.half_width() + bound.fig.half_width();
    let over = sub(stated.fig.value, bound.fig.value);
    let severity = match over {
        Some(o) if o <= Decimal::ZERO => Severity::Ok,
        Some(o) if o <= band => Severity::Rounding,
        Some(_) => rule.mismatch,
        None => Severity::NotChecked,
    };
    let s = show(stated.fig.value);
    let e = show(bound.fig.value);
    let message = match severity {
        Severity::Ok => format!("成立：{s} ≤ {e}"),
        Severity::Rounding => format!(
            "尾差：{s} 比 {e} 大 {}，在四舍五入范围内",
            over.map(show).unwrap_or_default()
        ),
        _ => format!(
            "提示：{s} 大于 {e}（多 {}），与“{what}”不符，请核实",
            over.map(show).unwrap_or_default()
        ),
    };
    TableFinding {
        rule: rule.id.to_string(),
        kind: rule.kind,
        severity,
        stated: s,
        expected: e,
        difference: over.map(show),
        formula: format!("{what}：{} ≤ {}", stated.show(), bound.show()),
        figures: [&stated, &bound]
            .into_iter()
            .filter_map(Term::text_figure)
            .collect(),
        cells: stated.cell.into_iter().chain(bound.cell).collect(),
        quote: None,
        span: None,
        message,
    }
}

/// A check that depends on a cell the paste leaves undecided.
pub(crate) fn not_checked(
    rule: Rule,
    formula: String,
    reason: String,
    cells: Vec<CellRef>,
) -> TableFinding {
    TableFinding {
        rule: rule.id.to_string(),
        kind: rule.kind,
        severity: Severity::NotChecked,
        stated: String::new(),
        expected: String::new(),
        difference: None,
        formula,
        cells,
        quote: None,
        span: None,
        message: format!("未核对：{reason}"),
        figures: Vec::new(),
    }
}

/// Several evaluations of one check under the remaining readings of an assumed row (T7): the first is the
/// assumed reading. Identical results are reported once; otherwise the assumed result is kept with the
/// assumption named, except that an 错误 that another reading does not give becomes 未核对.
pub(crate) fn combine(mut results: Vec<TableFinding>, assumption: &str) -> Option<TableFinding> {
    if results.is_empty() {
        return None;
    }
    let first = results.remove(0);
    let same = results.iter().all(|r| {
        r.severity == first.severity && r.stated == first.stated && r.expected == first.expected
    });
    if same {
        return Some(first);
    }
    let mut f = first;
    let differs = results.iter().any(|r| r.severity != Severity::Error);
    if f.severity == Severity::Error && differs {
        f.severity = Severity::NotChecked;
        f.message = format!(
            "未核对：结论取决于列对应（{assumption}）；按假设的对应为：{}",
            f.message
        );
    } else {
        f.message = format!(
            "{}（按假设的列对应：{assumption}；其他对应下结论不同）",
            f.message
        );
    }
    Some(f)
}
