//! 表间 rules (X-01 … X-16): the same figure in two tables, and the ≤ relations between a fund's table and
//! the all-funds table.

use super::finding::{cell_ref, FindingKind, Rule, Severity, TableFinding};
use super::kinds::{Col, SgItem, StandardKind};
use super::kit::{code, eq_rule, get, get_in, le_rule, line, tagged, total, Got};
use super::lines::Line;
use super::model::StandardTable;
use super::outcome::combine;
use super::resolve::TableSet;

fn rule(id: &'static str, mismatch: Severity) -> Rule {
    Rule {
        id,
        kind: FindingKind::TableLink,
        mismatch,
    }
}

const E: Severity = Severity::Error;
const H: Severity = Severity::Hint;

/// The X findings of a set.
pub(crate) fn check(set: &TableSet) -> Vec<TableFinding> {
    let mut out = Vec::new();
    let g = |k| set.get(k);
    use StandardKind::*;
    if let (Some(t1), Some(t2)) = (g(T1), g(T2)) {
        t1_t2(t1, t2, &mut out);
    }
    if let (Some(t1), Some(t3)) = (g(T1), g(T3)) {
        out.push(eq_rule(
            rule("X-04", E),
            "T1 本年支出合计 = T3 合计行·本年支出合计",
            tagged(line(t1, Line::ExpenseTotal, Col::Amount), "T1"),
            tagged(total(t3, Col::ExpenseTotal), "T3"),
        ));
        for r in t1.rows.iter().filter(|r| r.line == Some(Line::ExpClass)) {
            let Some(c) = &r.code else { continue };
            let (a, b) = (
                tagged(get(t1, r, Col::Amount), "T1"),
                tagged(code(t3, c, Col::ExpenseTotal), "T3"),
            );
            if !(a.is_blank() && b.is_blank()) {
                let what = format!("T1 支出类行 {c} {} = T3 类行 {c}·本年支出合计", r.name);
                out.push(eq_rule(rule("X-05", H), &what, a, b));
            }
        }
    }
    if let (Some(t2), Some(t3)) = (g(T2), g(T3)) {
        out.push(same_codes(t2, t3));
    }
    if let (Some(t4), Some(t1)) = (g(T4), g(T1)) {
        for l in [Line::IncGeneral, Line::IncFund, Line::IncCapital] {
            if t4.row_by_line(l).is_some() && t1.row_by_line(l).is_some() {
                let what = format!(
                    "T4 收入·{} = T1 {}",
                    l.title().trim_end_matches("收入"),
                    l.title()
                );
                out.push(eq_rule(
                    rule("X-07", E),
                    &what,
                    tagged(line(t4, l, Col::Amount), "T4"),
                    tagged(line(t1, l, Col::Amount), "T1"),
                ));
            }
        }
        out.push(le_rule(
            rule("X-13", H),
            "T4 年初财政拨款结转和结余 ≤ T1 年初结转和结余",
            tagged(line(t4, Line::Opening, Col::Amount), "T4"),
            tagged(line(t1, Line::Opening, Col::Amount), "T1"),
        ));
        out.push(le_rule(
            rule("X-13", H),
            "T4 年末财政拨款结转和结余 ≤ T1 年末结转和结余",
            tagged(line(t4, Line::Closing, Col::Total), "T4"),
            tagged(line(t1, Line::Closing, Col::Amount), "T1"),
        ));
        out.push(le_rule(
            rule("X-16", H),
            "T4 本年支出合计 ≤ T1 本年支出合计（财政拨款是全部资金的一部分）",
            tagged(line(t4, Line::ExpenseTotal, Col::Total), "T4"),
            tagged(line(t1, Line::ExpenseTotal, Col::Amount), "T1"),
        ));
    }
    if let (Some(t4), Some(t2)) = (g(T4), g(T2)) {
        out.push(eq_rule(
            rule("X-08", E),
            "T4 本年收入合计 = T2 合计行·财政拨款收入",
            tagged(line(t4, Line::IncomeTotal, Col::Amount), "T4"),
            tagged(total(t2, Col::Appropriation), "T2"),
        ));
    }
    if let (Some(t4), Some(t5)) = (g(T4), g(T5)) {
        t4_t5(t4, t5, &mut out);
    }
    if let (Some(t5), Some(t6)) = (g(T5), g(T6)) {
        let person = t6
            .rows
            .iter()
            .find(|r| r.code.is_none() && r.name.starts_with("人员经费"));
        let public = t6
            .rows
            .iter()
            .find(|r| r.code.is_none() && r.name.starts_with("公用经费"));
        if let (Some(p), Some(q)) = (person, public) {
            let parts = vec![
                (tagged(get(t6, p, Col::Amount), "T6"), 1),
                (tagged(get(t6, q, Col::Amount), "T6"), 1),
            ];
            out.push(super::kit::sum_rule(
                rule("X-11", E),
                "T5 合计行·基本支出 = T6 人员经费合计 + 公用经费合计",
                tagged(total(t5, Col::Basic), "T5"),
                parts,
            ));
        }
    }
    if let (Some(t5), Some(t3)) = (g(T5), g(T3)) {
        for r in t5.rows.iter().filter(|r| r.code.is_some()) {
            let c = r.code.clone().unwrap_or_default();
            for (c5, c3) in [
                (Col::Total, Col::ExpenseTotal),
                (Col::Basic, Col::Basic),
                (Col::Project, Col::Project),
            ] {
                let what = format!(
                    "T5 {c}·{} ≤ T3 {c}·{}（一般公共预算是全部资金的一部分）",
                    c5.title(),
                    c3.title()
                );
                out.push(le_rule(
                    rule("X-12", H),
                    &what,
                    tagged(get(t5, r, c5), "T5"),
                    tagged(code(t3, &c, c3), "T3"),
                ));
            }
        }
    }
    if let (Some(t6), Some(t7)) = (g(T6), g(T7)) {
        t6_t7(t6, t7, &mut out);
    }
    if let Some(t4) = g(T4) {
        for (kind, col, inc, open) in [
            (T8, Col::GovFund, Line::IncFund, Line::OpeningFund),
            (
                T9,
                Col::StateCapital,
                Line::IncCapital,
                Line::OpeningCapital,
            ),
        ] {
            if let Some(t) = g(kind) {
                fund_links(t4, t, col, inc, open, &mut out);
            }
        }
    }
    out
}

fn t1_t2(t1: &StandardTable, t2: &StandardTable, out: &mut Vec<TableFinding>) {
    out.push(eq_rule(
        rule("X-01", E),
        "T1 本年收入合计 = T2 合计行·本年收入合计",
        tagged(line(t1, Line::IncomeTotal, Col::Amount), "T1"),
        tagged(total(t2, Col::IncomeTotal), "T2"),
    ));
    let funds: Vec<Line> = if t1.row_by_line(Line::IncAppropriation).is_some() {
        vec![Line::IncAppropriation]
    } else {
        [Line::IncGeneral, Line::IncFund, Line::IncCapital]
            .into_iter()
            .filter(|l| t1.row_by_line(*l).is_some())
            .collect()
    };
    if !funds.is_empty() && t2.columns.contains(&Col::Appropriation) {
        let parts = funds
            .iter()
            .map(|l| (tagged(line(t1, *l, Col::Amount), "T1"), 1))
            .collect();
        out.push(super::kit::sum_rule(
            rule("X-02", E),
            "T2 合计行·财政拨款收入 = T1 (一般公共预算 + 政府性基金 + 国有资本经营 财政拨款收入)",
            tagged(total(t2, Col::Appropriation), "T2"),
            parts,
        ));
    }
    for (l, c) in [
        (Line::IncSuperior, Col::Superior),
        (Line::IncBusiness, Col::Business),
        (Line::IncOperating, Col::Operating),
        (Line::IncAffiliated, Col::Affiliated),
        (Line::IncOther, Col::OtherIncome),
    ] {
        if t1.row_by_line(l).is_none() || !t2.columns.contains(&c) {
            continue;
        }
        let (a, b) = (
            tagged(line(t1, l, Col::Amount), "T1"),
            tagged(total(t2, c), "T2"),
        );
        if !(a.is_blank() && b.is_blank()) {
            let what = format!("T1 {} = T2 合计行·{}", l.title(), c.title());
            out.push(eq_rule(rule("X-03", E), &what, a, b));
        }
    }
}

fn t4_t5(t4: &StandardTable, t5: &StandardTable, out: &mut Vec<TableFinding>) {
    if !t4.columns.contains(&Col::GeneralBudget) {
        return;
    }
    out.push(eq_rule(
        rule("X-09", E),
        "T4 本年支出合计·一般公共预算财政拨款列 = T5 合计行·合计",
        tagged(line(t4, Line::ExpenseTotal, Col::GeneralBudget), "T4"),
        tagged(total(t5, Col::Total), "T5"),
    ));
    for r in t4.rows.iter().filter(|r| r.line == Some(Line::ExpClass)) {
        let Some(c) = &r.code else { continue };
        let (a, b) = (
            tagged(get(t4, r, Col::GeneralBudget), "T4"),
            tagged(code(t5, c, Col::Total), "T5"),
        );
        if !(a.is_blank() && b.is_blank()) {
            let what = format!(
                "T4 支出类行 {c} {} [一般公共预算列] = T5 类行 {c}·合计",
                r.name
            );
            out.push(eq_rule(rule("X-10", H), &what, a, b));
        }
    }
}

fn same_codes(t2: &StandardTable, t3: &StandardTable) -> TableFinding {
    let codes = |t: &StandardTable| -> Vec<String> {
        t.rows
            .iter()
            .filter(|r| r.has_numbers())
            .filter_map(|r| r.code.clone())
            .collect()
    };
    let (a, b) = (codes(t2), codes(t3));
    let only2: Vec<String> = a.iter().filter(|c| !b.contains(c)).cloned().collect();
    let only3: Vec<String> = b.iter().filter(|c| !a.contains(c)).cloned().collect();
    let same = only2.is_empty() && only3.is_empty();
    let message = if same {
        format!("一致：两表列出相同的 {} 个科目", a.len())
    } else {
        format!(
            "提示：科目不一致（仅收入决算表有：{}；仅支出决算表有：{}）；收入和支出可因结转结余不同，但科目通常应一致，请核实",
            if only2.is_empty() { "无".to_string() } else { only2.join("、") },
            if only3.is_empty() { "无".to_string() } else { only3.join("、") }
        )
    };
    TableFinding {
        figures: Vec::new(),
        rule: "X-06".to_string(),
        kind: FindingKind::TableLink,
        severity: if same { Severity::Ok } else { Severity::Hint },
        stated: a.join(" "),
        expected: b.join(" "),
        difference: None,
        formula: "T2 的功能分类科目 = T3 的功能分类科目（金额可因结转不同）".to_string(),
        cells: only2
            .iter()
            .map(|c| cell_ref(StandardKind::T2, Some(c), c.clone(), Col::IncomeTotal, None))
            .chain(only3.iter().map(|c| {
                cell_ref(
                    StandardKind::T3,
                    Some(c),
                    c.clone(),
                    Col::ExpenseTotal,
                    None,
                )
            }))
            .collect(),
        quote: None,
        span: None,
        message,
    }
}

fn t6_t7(t6: &StandardTable, t7: &StandardTable, out: &mut Vec<TableFinding>) {
    let Some(row) = t7.rows.first() else { return };
    let assumption = super::sangong::assumed_text(t7);
    for (c, name, item) in [
        ("30212", "因公出国（境）费用", SgItem::Abroad),
        ("30217", "公务接待费", SgItem::Reception),
        ("30231", "公务用车运行维护费", SgItem::CarRunning),
        ("31013", "公务用车购置", SgItem::CarPurchase),
    ] {
        let col = Col::Sg(item, false);
        if !t7.columns.contains(&col) {
            continue;
        }
        let what = format!(
            "T6 {c} {name} ≤ T7 {}·决算数（“三公”也可由项目支出安排）",
            item.title()
        );
        let stated = tagged(code(t6, c, Col::Amount), "T6");
        let results: Vec<TableFinding> = (0..row.readings.len().max(1))
            .map(|r| {
                let bound: Got = tagged(
                    get_in(t7, Some(row), Some(r), col, item.title().to_string(), ""),
                    "T7",
                );
                le_rule(rule("X-14", H), &what, stated.clone(), bound)
            })
            .collect();
        out.extend(combine(results, &assumption));
    }
}

fn fund_links(
    t4: &StandardTable,
    t: &StandardTable,
    col: Col,
    inc: Line,
    open: Line,
    out: &mut Vec<TableFinding>,
) {
    let id = t.kind.id();
    let mut pairs: Vec<(String, Got, Got)> = vec![
        (
            format!("T4 收入·{} = {id} 合计行·本年收入", col.title()),
            line(t4, inc, Col::Amount),
            total(t, Col::Income),
        ),
        (
            format!(
                "T4 年初结转和结余·{} = {id} 合计行·年初结转和结余",
                col.title()
            ),
            line(t4, open, Col::Amount),
            total(t, Col::Opening),
        ),
    ];
    if t4.columns.contains(&col) {
        pairs.push((
            format!(
                "T4 本年支出合计·{}列 = {id} 合计行·本年支出合计",
                col.title()
            ),
            line(t4, Line::ExpenseTotal, col),
            total(t, Col::ExpenseSubtotal),
        ));
        pairs.push((
            format!(
                "T4 年末结转和结余·{}列 = {id} 合计行·年末结转和结余",
                col.title()
            ),
            line(t4, Line::Closing, col),
            total(t, Col::Closing),
        ));
    }
    let cols_of = [
        Col::Income,
        Col::Opening,
        Col::ExpenseSubtotal,
        Col::Closing,
    ];
    for ((what, a, b), c) in pairs.into_iter().zip(cols_of) {
        if !t.columns.contains(&c) {
            continue;
        }
        out.push(eq_rule(
            rule("X-15", E),
            &what,
            tagged(a, "T4"),
            tagged(b, id),
        ));
    }
}
