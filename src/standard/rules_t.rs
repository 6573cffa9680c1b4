//! 表内 rules of the coded tables: T2/T3/T5 (row sums, 合计 = Σ类 = Σ款 = Σ项 by code, column by column),
//! T6 (类 = Σ款, 人员经费 / 公用经费), T7 (合计 = Σ items, 公务用车 小计), T8/T9 (balance, hierarchy,
//! and T8-0/T9-0: an empty fund table carries its note).

use super::coded::families;
use super::finding::{cell_ref, FindingKind, Rule, Severity, TableFinding, Term};
use super::infer::keeps;
use super::kinds::{Col, StandardKind};
use super::kit::{all_blank, get, get_in, short, sum_rule, Got};
use super::model::{Lookup, Row, StandardTable};
use super::outcome::not_checked;
use super::resolve::TableSet;

fn rule(id: &'static str) -> Rule {
    Rule {
        id,
        kind: FindingKind::TableSum,
        mismatch: Severity::Error,
    }
}

/// The T2, T3, T5, T6, T7, T8 and T9 findings.
pub(crate) fn check(set: &TableSet) -> Vec<TableFinding> {
    let mut out = Vec::new();
    for (kind, row_id, tree_id) in [
        (StandardKind::T2, "T2-1", "T2-2"),
        (StandardKind::T3, "T3-1", "T3-2"),
        (StandardKind::T5, "T5-1", "T5-2"),
        (StandardKind::T8, "T8-1", "T8-1"),
        (StandardKind::T9, "T9-1", "T9-1"),
    ] {
        if let Some(t) = set.get(kind) {
            if matches!(kind, StandardKind::T8 | StandardKind::T9) {
                fund_rows(t, rule(row_id), &mut out);
            } else {
                for row in t.rows.iter().filter(|r| r.has_numbers()) {
                    out.extend(row_rule(t, rule(row_id), row));
                }
            }
            hierarchy(t, rule(tree_id), &mut out);
        }
    }
    if let Some(t6) = set.get(StandardKind::T6) {
        super::rules_t67::check_t6(t6, &mut out);
    }
    if let Some(t7) = set.get(StandardKind::T7) {
        super::rules_t67::check_t7(t7, &mut out);
    }
    for (kind, id, col) in [
        (StandardKind::T8, "T8-0", Col::GovFund),
        (StandardKind::T9, "T9-0", Col::StateCapital),
    ] {
        if let Some(t) = set.get(kind) {
            out.extend(super::rules_t67::empty_fund_table(
                t,
                set.get(StandardKind::T4),
                rule(id),
                col,
            ));
        }
    }
    out
}

/// 合计 = Σ the other columns, for one row of T2/T3/T5.
pub(crate) fn row_rule(t: &StandardTable, r: Rule, row: &Row) -> Option<TableFinding> {
    let total = *t.columns.first()?;
    let what = |cols: &str| {
        format!(
            "{} 行 {}：{} = {cols}",
            t.kind.title(),
            row.label(),
            total.title()
        )
    };
    let rest: Vec<Col> = t.columns.iter().copied().skip(1).collect();
    let names: Vec<String> = rest.iter().map(|c| c.title()).collect();
    if !row.ambiguous {
        let by_col = |c: Col| get_in(t, Some(row), None, c, c.title(), "");
        let parts = rest.iter().map(|c| (by_col(*c), 1)).collect();
        return Some(sum_rule(r, &what(&names.join(" + ")), by_col(total), parts));
    }
    // columns undecided: the identity does not depend on which part column holds which number, as long as
    // the total's own place is known
    let ids = super::coded::identities(t.kind, &t.columns);
    let fits = row
        .readings
        .iter()
        .any(|rd| ids.iter().all(|id| keeps(row, rd, id)));
    let (stated_at, stated_look) = match row.lookup(total) {
        Lookup::Value(a) => (
            row.values
                .iter()
                .position(|v| v.as_ref().is_some_and(|x| x.span == a.span)),
            Some(a),
        ),
        _ if !fits => (Some(0), row.values.first().and_then(Option::as_ref)),
        _ => (None, None),
    };
    let Some(at) = stated_at else {
        let cell = cell_ref(t.kind, row.code.as_deref(), row.label(), total, None);
        return Some(not_checked(
            r,
            what(&names.join(" + ")),
            format!("行“{}”的数缺少空白单元格，合计所在列无法确定", row.label()),
            vec![cell],
        ));
    };
    let stated = Got::Term(Term::cell(
        short(row),
        stated_look,
        cell_ref(t.kind, row.code.as_deref(), row.label(), total, stated_look),
    ));
    let parts = row
        .values
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != at)
        .map(|(i, v)| {
            let mut cell = cell_ref(t.kind, row.code.as_deref(), row.label(), total, v.as_ref());
            cell.column = "（所在列未定）".to_string();
            (
                Got::Term(Term::cell(format!("第{}个数", i + 1), v.as_ref(), cell)),
                1,
            )
        })
        .collect();
    let mut f = sum_rule(
        r,
        &what("其余各数之和（各数所在列未定，但不影响本式）"),
        stated,
        parts,
    );
    if !fits {
        f.message = format!("{}；该行任何列对应都不满足本行合计关系", f.message);
    }
    Some(f)
}

/// Column sums along the code tree, one finding per family and column; undecided columns of a family
/// are reported once.
fn hierarchy(t: &StandardTable, r: Rule, out: &mut Vec<TableFinding>) {
    for fam in families(&t.rows) {
        let Some(parent) = t.rows.get(fam.parent) else {
            continue;
        };
        let children: Vec<&Row> = fam.children.iter().filter_map(|&i| t.rows.get(i)).collect();
        let level = match parent.code.as_ref().map(String::len) {
            None => "合计 = Σ类",
            Some(3) => "类 = Σ款",
            _ => "款 = Σ项",
        };
        let mut open_cols = Vec::new();
        let mut open_cells = Vec::new();
        for col in &t.columns {
            let stated = get(t, parent, *col);
            let parts: Vec<(Got, i8)> = children.iter().map(|c| (get(t, c, *col), 1)).collect();
            if all_blank(&stated, &parts) {
                continue;
            }
            let what = format!("{}[{}] {level}", t.kind.title(), col.title());
            let f = sum_rule(r, &what, stated, parts);
            if f.severity == Severity::NotChecked {
                open_cols.push(col.title());
                open_cells.extend(f.cells);
            } else {
                out.push(f);
            }
        }
        if !open_cols.is_empty() {
            let what = format!("{} {level}：{}", t.kind.title(), parent.label());
            let reason = format!(
                "{} 的 {} 列，有行因空白单元格缺失而无法确定数所在的列，这些列的逐级核对未进行",
                parent.label(),
                open_cols.join("、")
            );
            out.push(not_checked(r, what, reason, open_cells));
        }
    }
}

/// T8/T9 rows: 本年支出 = 基本 + 项目; 年初 + 本年收入 = 本年支出 + 年末.
fn fund_rows(t: &StandardTable, r: Rule, out: &mut Vec<TableFinding>) {
    let has = |c: Col| t.columns.contains(&c);
    for row in t.rows.iter().filter(|r| r.has_numbers()) {
        let get =
            |t: &StandardTable, row: &Row, c: Col| get_in(t, Some(row), None, c, c.title(), "");
        if has(Col::ExpenseSubtotal) && has(Col::Basic) && has(Col::Project) {
            let parts = vec![(get(t, row, Col::Basic), 1), (get(t, row, Col::Project), 1)];
            let what = format!(
                "{} 行 {}：本年支出合计 = 基本支出 + 项目支出",
                t.kind.title(),
                row.label()
            );
            out.push(sum_rule(r, &what, get(t, row, Col::ExpenseSubtotal), parts));
        }
        if has(Col::Opening) && has(Col::Income) && has(Col::Closing) {
            let parts = vec![
                (get(t, row, Col::Opening), 1),
                (get(t, row, Col::Income), 1),
                (get(t, row, Col::Closing), -1),
            ];
            let what = format!(
                "{} 行 {}：本年支出 = 年初结转和结余 + 本年收入 − 年末结转和结余",
                t.kind.title(),
                row.label()
            );
            out.push(sum_rule(r, &what, get(t, row, Col::ExpenseSubtotal), parts));
        }
    }
}
