//! 表内 rules of the summary tables: T1 收入支出决算总表 (T1-1 … T1-5) and T4 财政拨款收入支出决算总表
//! (T4-1 … T4-8).

use super::finding::{FindingKind, Rule, Severity, TableFinding};
use super::kinds::{Col, StandardKind};
use super::kit::{all_blank, get, line, sum_rule, Got};
use super::lines::Line;
use super::model::StandardTable;
use super::resolve::TableSet;

fn rule(id: &'static str) -> Rule {
    Rule {
        id,
        kind: FindingKind::TableSum,
        mismatch: Severity::Error,
    }
}

/// The T1 and T4 findings.
pub(crate) fn check(set: &TableSet) -> Vec<TableFinding> {
    let mut out = Vec::new();
    if let Some(t1) = set.get(StandardKind::T1) {
        check_t1(t1, &mut out);
    }
    if let Some(t4) = set.get(StandardKind::T4) {
        check_t4(t4, &mut out);
    }
    out
}

fn has(t: &StandardTable, l: Line) -> bool {
    t.row_by_line(l).is_some()
}

/// The income lines that make up 本年收入合计: the three 财政拨款 lines (or the one 财政拨款收入 line of
/// older tables) and the other sources.
fn income_lines(t: &StandardTable) -> Vec<Line> {
    let mut lines = if has(t, Line::IncAppropriation) {
        vec![Line::IncAppropriation]
    } else {
        vec![Line::IncGeneral, Line::IncFund, Line::IncCapital]
    };
    lines.extend([
        Line::IncSuperior,
        Line::IncBusiness,
        Line::IncOperating,
        Line::IncAffiliated,
        Line::IncOther,
    ]);
    lines.into_iter().filter(|l| has(t, *l)).collect()
}

fn push_sum(out: &mut Vec<TableFinding>, r: Rule, what: &str, stated: Got, parts: Vec<(Got, i8)>) {
    out.push(sum_rule(r, what, stated, parts));
}

fn check_t1(t: &StandardTable, out: &mut Vec<TableFinding>) {
    let a = Col::Amount;
    let plus = |l: Line| (line(t, l, a), 1);
    if has(t, Line::IncomeTotal) {
        let parts = income_lines(t).into_iter().map(plus).collect();
        push_sum(
            out,
            rule("T1-1"),
            "收入支出决算总表 本年收入合计 = Σ收入行（一…八）",
            line(t, Line::IncomeTotal, a),
            parts,
        );
    }
    if has(t, Line::ExpenseTotal) {
        let parts = t
            .rows
            .iter()
            .filter(|r| r.line == Some(Line::ExpClass))
            .map(|r| (get(t, r, a), 1))
            .collect();
        push_sum(
            out,
            rule("T1-2"),
            "收入支出决算总表 本年支出合计 = Σ支出功能分类类级行",
            line(t, Line::ExpenseTotal, a),
            parts,
        );
    }
    if has(t, Line::IncomeGrand) {
        let parts = [Line::IncomeTotal, Line::UseBalance, Line::Opening]
            .map(plus)
            .into();
        push_sum(
            out,
            rule("T1-3"),
            "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
            line(t, Line::IncomeGrand, a),
            parts,
        );
    }
    if has(t, Line::ExpenseGrand) {
        let parts = [Line::ExpenseTotal, Line::Distribution, Line::Closing]
            .map(plus)
            .into();
        push_sum(
            out,
            rule("T1-4"),
            "支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余",
            line(t, Line::ExpenseGrand, a),
            parts,
        );
    }
    if has(t, Line::IncomeGrand) && has(t, Line::ExpenseGrand) {
        push_sum(
            out,
            rule("T1-5"),
            "收入总计 = 支出总计",
            line(t, Line::IncomeGrand, a),
            vec![plus(Line::ExpenseGrand)],
        );
    }
}

fn check_t4(t: &StandardTable, out: &mut Vec<TableFinding>) {
    let a = Col::Amount;
    let cols = t.columns.clone();
    let funds: Vec<Col> = cols.iter().copied().filter(|c| *c != Col::Total).collect();
    if has(t, Line::IncomeTotal) {
        let parts = [Line::IncGeneral, Line::IncFund, Line::IncCapital]
            .into_iter()
            .filter(|l| has(t, *l))
            .map(|l| (line(t, l, a), 1))
            .collect();
        push_sum(out, rule("T4-1"), "财政拨款收入支出决算总表 本年收入合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算财政拨款", line(t, Line::IncomeTotal, a), parts);
    }
    if cols.first() == Some(&Col::Total) && !funds.is_empty() {
        for r in t
            .rows
            .iter()
            .filter(|r| r.line == Some(Line::ExpClass) && r.has_numbers())
        {
            out.extend(super::rules_t::row_rule(t, rule("T4-2"), r));
        }
    }
    if has(t, Line::ExpenseTotal) {
        for c in &cols {
            let stated = line(t, Line::ExpenseTotal, *c);
            let parts: Vec<(Got, i8)> = t
                .rows
                .iter()
                .filter(|r| r.line == Some(Line::ExpClass))
                .map(|r| (get(t, r, *c), 1))
                .collect();
            if !all_blank(&stated, &parts) {
                let what = format!("本年支出合计[{}] = Σ支出类级行", c.title());
                push_sum(out, rule("T4-3"), &what, stated, parts);
            }
        }
    }
    if has(t, Line::Opening) {
        let subs: Vec<Line> = [
            Line::OpeningGeneral,
            Line::OpeningFund,
            Line::OpeningCapital,
        ]
        .into_iter()
        .filter(|l| has(t, *l))
        .collect();
        if !subs.is_empty() {
            let parts = subs.into_iter().map(|l| (line(t, l, a), 1)).collect();
            push_sum(
                out,
                rule("T4-4"),
                "年初财政拨款结转和结余 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算财政拨款",
                line(t, Line::Opening, a),
                parts,
            );
        }
    }
    if has(t, Line::IncomeGrand) {
        let parts = vec![
            (line(t, Line::IncomeTotal, a), 1),
            (line(t, Line::Opening, a), 1),
        ];
        push_sum(
            out,
            rule("T4-5"),
            "收入总计 = 本年收入合计 + 年初财政拨款结转和结余",
            line(t, Line::IncomeGrand, a),
            parts,
        );
    }
    if has(t, Line::ExpenseGrand) {
        for c in &cols {
            let stated = line(t, Line::ExpenseGrand, *c);
            let parts = vec![
                (line(t, Line::ExpenseTotal, *c), 1),
                (line(t, Line::Closing, *c), 1),
            ];
            if !all_blank(&stated, &parts) {
                let what = format!(
                    "支出总计[{}] = 本年支出合计 + 年末财政拨款结转和结余",
                    c.title()
                );
                push_sum(out, rule("T4-6"), &what, stated, parts);
            }
        }
        if has(t, Line::IncomeGrand) && cols.contains(&Col::Total) {
            push_sum(
                out,
                rule("T4-7"),
                "收入总计 = 支出总计[合计]",
                line(t, Line::IncomeGrand, a),
                vec![(line(t, Line::ExpenseGrand, Col::Total), 1)],
            );
        }
    }
    for (c, inc, open) in [
        (Col::GeneralBudget, Line::IncGeneral, Line::OpeningGeneral),
        (Col::GovFund, Line::IncFund, Line::OpeningFund),
        (Col::StateCapital, Line::IncCapital, Line::OpeningCapital),
    ] {
        if !cols.contains(&c) || !has(t, Line::ExpenseTotal) {
            continue;
        }
        let stated = line(t, Line::ExpenseTotal, c);
        let parts = vec![
            (line(t, open, a), 1),
            (line(t, inc, a), 1),
            (line(t, Line::Closing, c), -1),
        ];
        if !all_blank(&stated, &parts) {
            let what = format!(
                "{}：本年支出 = 年初结转和结余 + 本年收入 − 年末结转和结余",
                c.title()
            );
            push_sum(out, rule("T4-8"), &what, stated, parts);
        }
    }
}
