//! 表内 rules of T6 (类 = Σ款, 人员经费 / 公用经费), T7 (合计 = Σ items, 公务用车 小计, under every
//! remaining reading of a short data line) and T8-0/T9-0 (an empty fund table carries its note).

use super::coded::families;
use super::finding::{cell_ref, FindingKind, Rule, Severity, TableFinding};
use super::kinds::{squash, Col, SgItem, StandardKind};
use super::kit::{all_blank, get, get_in, short, sum_rule, Got};
use super::lines::Line;
use super::model::{Lookup, Row, StandardTable};
use super::outcome::{combine, not_checked};

fn rule(id: &'static str) -> Rule {
    Rule {
        id,
        kind: FindingKind::TableSum,
        mismatch: Severity::Error,
    }
}

pub(crate) fn check_t6(t: &StandardTable, out: &mut Vec<TableFinding>) {
    let a = Col::Amount;
    for fam in families(&t.rows) {
        let Some(parent) = t.rows.get(fam.parent) else {
            continue;
        };
        let stated = get(t, parent, a);
        let parts: Vec<(Got, i8)> = fam
            .children
            .iter()
            .filter_map(|&i| t.rows.get(i))
            .map(|c| (get(t, c, a), 1))
            .collect();
        if !all_blank(&stated, &parts) {
            let what = format!(
                "一般公共预算财政拨款基本支出决算表 类 {} = Σ款 {}xx",
                parent.label(),
                short(parent)
            );
            out.push(sum_rule(rule("T6-1"), &what, stated, parts));
        }
    }
    // the rows that make up each class: the class row when printed, else its 款 rows
    let mut class_codes: Vec<String> = t
        .rows
        .iter()
        .filter_map(|r| r.code.as_ref().and_then(|c| c.get(..3)).map(str::to_string))
        .collect();
    class_codes.sort();
    class_codes.dedup();
    let personnel = |c: &str| c == "301" || c == "303";
    for (id, which, keep) in [("T6-2", "人员经费", true), ("T6-3", "公用经费", false)] {
        let Some(total) = t
            .rows
            .iter()
            .find(|r| r.code.is_none() && squash(&r.name).starts_with(which))
        else {
            continue;
        };
        let mut rows: Vec<&Row> = Vec::new();
        for cl in class_codes.iter().filter(|c| personnel(c) == keep) {
            match t.row_by_code(cl) {
                Some(r) => rows.push(r),
                None => rows.extend(t.rows.iter().filter(|r| {
                    r.code
                        .as_ref()
                        .is_some_and(|c| c.len() == 5 && c.starts_with(cl.as_str()))
                })),
            }
        }
        if rows.is_empty() {
            // a total with nothing printed to add up: nothing to check it against
            continue;
        }
        let parts: Vec<(Got, i8)> = rows.iter().map(|r| (get(t, r, a), 1)).collect();
        let names: Vec<String> = rows.iter().map(|r| short(r)).collect();
        let what = format!("{which}合计 = {}", names.join(" + "));
        out.push(sum_rule(rule(id), &what, get(t, total, a), parts));
    }
}

pub(crate) fn check_t7(t: &StandardTable, out: &mut Vec<TableFinding>) {
    let Some(row) = t.rows.first() else { return };
    let assumption = super::sangong::assumed_text(t);
    if row.readings.is_empty() {
        let cell = cell_ref(
            t.kind,
            None,
            row.label(),
            Col::Sg(SgItem::Total, true),
            None,
        );
        let mut f = not_checked(
            rule("T7-1"),
            "合计 = 因公出国（境）费 + 公务用车小计 + 公务接待费".to_string(),
            t.problems.last().cloned().unwrap_or_default(),
            vec![cell],
        );
        f.severity = Severity::Hint;
        out.push(f);
        return;
    }
    for budget in [true, false] {
        let stage = if budget { "预算数" } else { "决算数" };
        let c = |i: SgItem| Col::Sg(i, budget);
        if !t.columns.contains(&c(SgItem::Total)) {
            continue;
        }
        let g =
            |r: usize, i: SgItem| get_in(t, Some(row), Some(r), c(i), i.title().to_string(), "");
        let parts = super::sangong::total_parts(&t.columns, budget);
        let car = if parts.contains(&SgItem::CarSubtotal) {
            "公务用车购置及运行维护费小计"
        } else {
            "公务用车购置费 + 公务用车运行维护费"
        };
        let mut checks: Vec<(&'static str, String, SgItem, Vec<SgItem>)> = vec![(
            "T7-1",
            format!("[{stage}] 合计 = 因公出国（境）费 + {car} + 公务接待费"),
            SgItem::Total,
            parts,
        )];
        if super::sangong::has_breakdown(&t.columns, budget) {
            checks.push((
                "T7-2",
                format!("[{stage}] 公务用车小计 = 购置费 + 运行维护费"),
                SgItem::CarSubtotal,
                vec![SgItem::CarPurchase, SgItem::CarRunning],
            ));
        }
        for (id, what, total, items) in checks {
            let results: Vec<TableFinding> = (0..row.readings.len())
                .map(|r| {
                    sum_rule(
                        rule(id),
                        &what,
                        g(r, total),
                        items.iter().map(|i| (g(r, *i), 1)).collect(),
                    )
                })
                .collect();
            out.extend(combine(results, &assumption));
        }
    }
}

/// T8-0 / T9-0: when T4's fund column is all blank, the fund table is empty and says so under the table.
pub(crate) fn empty_fund_table(
    t: &StandardTable,
    t4: Option<&StandardTable>,
    r: Rule,
    col: Col,
) -> Option<TableFinding> {
    let column_blank = t4.map(|t4| {
        let (inc, open) = if col == Col::GovFund {
            (Line::IncFund, Line::OpeningFund)
        } else {
            (Line::IncCapital, Line::OpeningCapital)
        };
        let left = [inc, open].iter().all(|l| {
            t4.row_by_line(*l)
                .is_none_or(|x| x.lookup(Col::Amount) == Lookup::Blank)
        });
        let right = !t4.columns.contains(&col)
            || t4
                .rows
                .iter()
                .filter(|x| x.line.is_some_and(Line::is_expense_side))
                .all(|x| x.lookup(col) == Lookup::Blank);
        left && right
    });
    let numbers = t.has_numbers();
    if column_blank == Some(false) || (column_blank.is_none() && numbers) {
        return None;
    }
    let note = t.notes.iter().any(|n| {
        let n = squash(n);
        (n.contains('无') || n.contains("没有")) && n.contains("数据")
    });
    let stated = match (numbers, note) {
        (true, _) => "表中有数字",
        (false, true) => "空表，有说明",
        (false, false) => "空表，无说明",
    };
    let (severity, message) = match (numbers, note) {
        (true, _) => (
            Severity::Error,
            format!(
                "错误：财政拨款收入支出决算总表“{}”列为空，本表却有数字",
                col.title()
            ),
        ),
        (false, true) => (Severity::Ok, "一致：本表为空，并注明无数据".to_string()),
        (false, false) => (
            Severity::Hint,
            "提示：本表为空，但表下缺少“…没有/无…故本表无数据”的说明".to_string(),
        ),
    };
    let mut cells = vec![cell_ref(
        t.kind,
        None,
        "合计".to_string(),
        Col::ExpenseSubtotal,
        None,
    )];
    if t4.is_some() {
        cells.push(cell_ref(
            StandardKind::T4,
            None,
            "本年支出合计".to_string(),
            col,
            None,
        ));
    }
    Some(TableFinding {
        figures: Vec::new(),
        rule: r.id.to_string(),
        kind: r.kind,
        severity,
        stated: stated.to_string(),
        expected: "空表，有说明".to_string(),
        difference: None,
        formula: format!(
            "财政拨款收入支出决算总表“{}”列全为 0 ⇒ 本表无数字，且表下注明“…没有/无…故本表无数据”",
            col.title()
        ),
        cells,
        quote: t.notes.first().cloned(),
        span: None,
        message,
    })
}
