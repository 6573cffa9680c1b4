//! Deciding the columns of short rows with the help of the other tables: T1's income lines fix the columns
//! of T2's 合计 row, T6's 人员/公用经费 fix T5's 基本支出 total, T5 (一般公共预算, a part of all funds)
//! bounds T3 row by row, and T4's fund columns fix T8/T9's 合计 row. Each step only removes readings that
//! contradict a linked figure, and only when at least one reading survives.

use super::coded::families;
use super::infer::{propagate, restrict, value_of};
use super::kinds::{squash, Col, StandardKind};
use super::lines::{class_code, Line};
use super::model::{Lookup, Row, StandardTable};
use super::num::{add, sub, Decimal};

/// The tables of one set, resolved, one per kind.
pub(crate) struct TableSet {
    tables: Vec<StandardTable>,
}

impl TableSet {
    pub fn new(tables: &[StandardTable]) -> TableSet {
        TableSet {
            tables: resolve_tables(tables),
        }
    }

    pub fn get(&self, kind: StandardKind) -> Option<&StandardTable> {
        self.tables.iter().find(|t| t.kind == kind)
    }
}

/// The tables with their short rows decided as far as the other tables allow (the first table of each
/// kind; later duplicates are dropped). Idempotent.
pub fn resolve_tables(tables: &[StandardTable]) -> Vec<StandardTable> {
    let mut set: Vec<StandardTable> = Vec::new();
    for t in tables {
        if !set.iter().any(|s| s.kind == t.kind) {
            set.push(t.clone());
        }
    }
    let idx = |set: &[StandardTable], k: StandardKind| set.iter().position(|t| t.kind == k);
    // class codes of the summary tables' class lines, from the coded tables' names
    let names: Vec<(String, String)> = set
        .iter()
        .filter(|t| {
            matches!(
                t.kind,
                StandardKind::T3 | StandardKind::T5 | StandardKind::T2
            )
        })
        .flat_map(|t| t.rows.iter())
        .filter_map(|r| {
            r.code
                .as_ref()
                .filter(|c| c.len() == 3)
                .map(|c| (squash(&r.name), c.clone()))
        })
        .collect();
    for t in set
        .iter_mut()
        .filter(|t| matches!(t.kind, StandardKind::T1 | StandardKind::T4))
    {
        for r in t.rows.iter_mut().filter(|r| r.line == Some(Line::ExpClass)) {
            let n = squash(&r.name);
            if let Some((_, c)) = names.iter().find(|(name, _)| *name == n) {
                r.code = Some(c.clone());
            } else if r.code.is_none() {
                r.code = class_code(&n).map(str::to_string);
            }
        }
    }
    if let (Some(t1), Some(t2)) = (idx(&set, StandardKind::T1), idx(&set, StandardKind::T2)) {
        let known = t2_from_t1(&set[t1]);
        anchor_total(&mut set[t2], &known);
    }
    if let (Some(t6), Some(t5)) = (idx(&set, StandardKind::T6), idx(&set, StandardKind::T5)) {
        let p = econ_total(&set[t6], "人员经费");
        let q = econ_total(&set[t6], "公用经费");
        if let (Some(p), Some(q)) = (p, q) {
            if let Some(b) = add(p, q) {
                anchor_total(&mut set[t5], &[(Col::Basic, b)]);
            }
        }
    }
    if let (Some(t5), Some(t3)) = (idx(&set, StandardKind::T5), idx(&set, StandardKind::T3)) {
        let t5 = set[t5].clone();
        bound_t3_by_t5(&mut set[t3], &t5);
    }
    if let Some(t4) = idx(&set, StandardKind::T4) {
        let t4t = set[t4].clone();
        for (kind, col, inc, open) in [
            (
                StandardKind::T8,
                Col::GovFund,
                Line::IncFund,
                Line::OpeningFund,
            ),
            (
                StandardKind::T9,
                Col::StateCapital,
                Line::IncCapital,
                Line::OpeningCapital,
            ),
        ] {
            if let Some(t) = idx(&set, kind) {
                let known = fund_from_t4(&t4t, col, inc, open);
                anchor_total(&mut set[t], &known);
            }
        }
    }
    set
}

/// A value known from another table: Blank counts as 0; Undecided or missing is unknown.
fn known(look: Option<Lookup<'_>>) -> Option<Decimal> {
    match look? {
        Lookup::Value(a) => Some(a.value),
        Lookup::Blank => Some(Decimal::ZERO),
        Lookup::Undecided => None,
    }
}

fn line_value(t: &StandardTable, line: Line, col: Col) -> Option<Decimal> {
    known(t.row_by_line(line).map(|r| r.lookup(col)))
}

/// T2 合计 row columns as T1 gives them.
fn t2_from_t1(t1: &StandardTable) -> Vec<(Col, Decimal)> {
    let v = |l: Line| line_value(t1, l, Col::Amount);
    let mut out = Vec::new();
    if let Some(x) = v(Line::IncomeTotal) {
        out.push((Col::IncomeTotal, x));
    }
    let funds = [Line::IncGeneral, Line::IncFund, Line::IncCapital];
    let approp = if t1.row_by_line(Line::IncAppropriation).is_some() {
        v(Line::IncAppropriation)
    } else if funds.iter().any(|l| t1.row_by_line(*l).is_some()) {
        funds
            .iter()
            .filter(|l| t1.row_by_line(**l).is_some())
            .try_fold(Decimal::ZERO, |a, l| v(*l).and_then(|x| add(a, x)))
    } else {
        None
    };
    if let Some(x) = approp {
        out.push((Col::Appropriation, x));
    }
    for (line, col) in [
        (Line::IncSuperior, Col::Superior),
        (Line::IncBusiness, Col::Business),
        (Line::IncOperating, Col::Operating),
        (Line::IncAffiliated, Col::Affiliated),
        (Line::IncOther, Col::OtherIncome),
    ] {
        if let Some(x) = v(line) {
            out.push((col, x));
        }
    }
    out
}

/// T8/T9 合计 row columns as T4's fund column gives them.
fn fund_from_t4(t4: &StandardTable, col: Col, inc: Line, open: Line) -> Vec<(Col, Decimal)> {
    let mut out = Vec::new();
    if let Some(x) = line_value(t4, inc, Col::Amount) {
        out.push((Col::Income, x));
    }
    if let Some(x) = line_value(t4, open, Col::Amount) {
        out.push((Col::Opening, x));
    }
    if t4.columns.contains(&col) {
        if let Some(x) = line_value(t4, Line::ExpenseTotal, col) {
            out.push((Col::ExpenseSubtotal, x));
        }
        if let Some(x) = line_value(t4, Line::Closing, col) {
            out.push((Col::Closing, x));
        }
    }
    out
}

/// T6 人员经费合计 / 公用经费合计.
pub(crate) fn econ_total(t6: &StandardTable, which: &str) -> Option<Decimal> {
    let row = t6
        .rows
        .iter()
        .find(|r| r.code.is_none() && r.name.starts_with(which))?;
    known(Some(row.lookup(Col::Amount)))
}

fn near(a: Decimal, b: Decimal) -> bool {
    sub(a, b).is_some_and(|d| d.abs() <= Decimal::new(1, 2))
}

/// Keeps the readings of the 合计 row that agree with linked values: first which columns are blank
/// (robust to a wrong amount in either table), then the amounts within 0.01; then re-propagates.
fn anchor_total(t: &mut StandardTable, known: &[(Col, Decimal)]) {
    let cols = t.columns.clone();
    let Some(i) = t
        .rows
        .iter()
        .position(|r| r.code.is_none() && r.line.is_none() && super::model::is_total_name(&r.name))
    else {
        return;
    };
    let known: Vec<(Col, Decimal)> = known
        .iter()
        .copied()
        .filter(|(c, _)| cols.contains(c))
        .collect();
    let mut changed = restrict(&mut t.rows[i], |r, reading| {
        known
            .iter()
            .all(|(c, v)| value_of(r, reading, *c).0.is_zero() == v.is_zero())
    });
    changed |= restrict(&mut t.rows[i], |r, reading| {
        known
            .iter()
            .all(|(c, v)| near(value_of(r, reading, *c).0, *v))
    });
    if changed {
        let fams = families(&t.rows);
        propagate(&mut t.rows, &fams, &cols);
    }
}

/// X-12 as a bound: a T3 row's 合计/基本/项目 are at least the same row's in T5.
fn bound_t3_by_t5(t3: &mut StandardTable, t5: &StandardTable) {
    let pairs = [
        (Col::ExpenseTotal, Col::Total),
        (Col::Basic, Col::Basic),
        (Col::Project, Col::Project),
    ];
    let mut changed = false;
    for row in &mut t3.rows {
        let twin = match &row.code {
            Some(c) => t5.row_by_code(c),
            None if super::model::is_total_name(&row.name) => t5.total_row(),
            None => None,
        };
        let Some(twin) = twin else { continue };
        let floors: Option<Vec<(Col, Decimal)>> = pairs
            .iter()
            .map(|(c3, c5)| known(Some(twin.lookup(*c5))).map(|v| (*c3, v)))
            .collect();
        let Some(floors) = floors else { continue };
        changed |= restrict(row, |r: &Row, reading| {
            floors.iter().all(|(c, v)| {
                sub(*v, value_of(r, reading, *c).0).is_some_and(|d| d <= Decimal::new(1, 2))
            })
        });
    }
    if changed {
        let fams = families(&t3.rows);
        let cols = t3.columns.clone();
        propagate(&mut t3.rows, &fams, &cols);
    }
}
