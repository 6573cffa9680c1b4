//! Getting the terms of a rule out of the tables: a cell's value, a blank, or "undecided" (the paste leaves
//! the column open), and turning a formula over those into a finding or a 未核对.

use super::finding::{cell_ref, sum_finding, CellRef, Rule, TableFinding, Term};
use super::kinds::Col;
use super::lines::Line;
use super::model::{Lookup, Row, StandardTable};
use super::outcome::{le_finding, not_checked};

/// A term, or the cell that could not be decided.
#[derive(Debug, Clone)]
pub(crate) enum Got {
    Term(Term),
    Undecided(CellRef),
}

impl Got {
    /// Whether the value is known to be 0 (blank).
    pub fn is_blank(&self) -> bool {
        matches!(self, Got::Term(t) if t.is_blank())
    }
}

/// The label a row gets in a formula: its code, or its name.
pub(crate) fn short(row: &Row) -> String {
    row.code.clone().unwrap_or_else(|| row.name.clone())
}

/// Cell `col` of `row` (a missing row is blank) under reading `reading` (None: the decided value).
pub(crate) fn get_in(
    t: &StandardTable,
    row: Option<&Row>,
    reading: Option<usize>,
    col: Col,
    label: String,
    missing_name: &str,
) -> Got {
    let Some(row) = row else {
        let cell = cell_ref(t.kind, None, missing_name.to_string(), col, None);
        return Got::Term(Term::cell(label, None, cell));
    };
    let look = match reading {
        Some(r) => row.lookup_in(r, col),
        None => row.lookup(col),
    };
    let cell = |a| cell_ref(t.kind, row.code.as_deref(), row.label(), col, a);
    match look {
        Lookup::Value(a) => Got::Term(Term::cell(label, Some(a), cell(Some(a)))),
        Lookup::Blank => Got::Term(Term::cell(label, None, cell(None))),
        Lookup::Undecided => Got::Undecided(cell(None)),
    }
}

/// Cell `col` of `row`.
pub(crate) fn get(t: &StandardTable, row: &Row, col: Col) -> Got {
    get_in(t, Some(row), None, col, short(row), "")
}

/// Cell `col` of a labelled line of T1/T4 (a line the table does not print is blank).
pub(crate) fn line(t: &StandardTable, l: Line, col: Col) -> Got {
    get_in(
        t,
        t.row_by_line(l),
        None,
        col,
        l.title().to_string(),
        l.title(),
    )
}

/// Cell `col` of the row with `code` (absent: blank).
pub(crate) fn code(t: &StandardTable, code: &str, col: Col) -> Got {
    get_in(t, t.row_by_code(code), None, col, code.to_string(), code)
}

/// Cell `col` of the 合计 row (absent: blank).
pub(crate) fn total(t: &StandardTable, col: Col) -> Got {
    get_in(t, t.total_row(), None, col, "合计".to_string(), "合计")
}

/// Relabels a term for a formula that spans tables ("T5 合计").
pub(crate) fn tagged(g: Got, tag: &str) -> Got {
    match g {
        Got::Term(mut t) => {
            t.label = format!("{tag} {}", t.label);
            Got::Term(t)
        }
        u => u,
    }
}

fn undecided(all: &[&Got]) -> Vec<CellRef> {
    all.iter()
        .filter_map(|g| match g {
            Got::Undecided(c) => Some(c.clone()),
            Got::Term(_) => None,
        })
        .collect()
}

fn reason(cells: &[CellRef]) -> String {
    let names: Vec<String> = cells
        .iter()
        .map(|c| format!("{}“{}”行“{}”列", c.table.id(), c.row, c.column))
        .collect();
    format!(
        "{} 的数在粘贴文本中因空白单元格缺失而无法确定所在列，依赖它的核对未进行",
        names.join("、")
    )
}

/// `stated` = Σ sign·parts, or 未核对 when a term is undecided.
pub(crate) fn sum_rule(rule: Rule, what: &str, stated: Got, parts: Vec<(Got, i8)>) -> TableFinding {
    let mut all: Vec<&Got> = vec![&stated];
    all.extend(parts.iter().map(|(g, _)| g));
    let open = undecided(&all);
    if !open.is_empty() {
        let cells = all
            .iter()
            .filter_map(|g| match g {
                Got::Term(t) => t.cell.clone(),
                Got::Undecided(c) => Some(c.clone()),
            })
            .collect();
        return not_checked(rule, what.to_string(), reason(&open), cells);
    }
    let term = |g: Got| match g {
        Got::Term(t) => t,
        Got::Undecided(c) => Term::cell(String::new(), None, c),
    };
    sum_finding(
        rule,
        what,
        term(stated),
        parts.into_iter().map(|(g, s)| (term(g), s)).collect(),
    )
}

/// `stated` = `other` (a one-to-one link).
pub(crate) fn eq_rule(rule: Rule, what: &str, stated: Got, other: Got) -> TableFinding {
    sum_rule(rule, what, stated, vec![(other, 1)])
}

/// `stated` ≤ `bound`.
pub(crate) fn le_rule(rule: Rule, what: &str, stated: Got, bound: Got) -> TableFinding {
    match (stated, bound) {
        (Got::Term(s), Got::Term(b)) => le_finding(rule, what, s, b),
        (s, b) => {
            let open = undecided(&[&s, &b]);
            not_checked(rule, what.to_string(), reason(&open), open)
        }
    }
}

/// Whether every term is blank (such a check is not reported).
pub(crate) fn all_blank(stated: &Got, parts: &[(Got, i8)]) -> bool {
    stated.is_blank() && parts.iter().all(|(g, _)| g.is_blank())
}
