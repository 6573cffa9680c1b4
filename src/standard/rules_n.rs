//! 表文 rules: the 说明's figures against the cells (N-01 … N-07, N-13 here; N-08 … N-12 and T7-0 in
//! `rules_n2`). Each finding names the cell it used and quotes the 说明.

use super::ctx::{rule, Ctx, E, H};
use super::finding::TableFinding;
use super::kinds::{squash, Col, StandardKind};
use super::kit::{code, line, tagged, total, Got};
use super::lines::{class_code, Line};
use super::model::StandardTable;
use super::narrative::Clean;
use super::outcome::not_checked;
use super::pct::RateForm;
use super::resolve::TableSet;

/// All N findings.
pub(crate) fn check(narrative: &str, offset: usize, set: &TableSet) -> Vec<TableFinding> {
    let mut ctx = Ctx {
        c: Clean::new(narrative, offset),
        set,
        out: Vec::new(),
    };
    totals(&mut ctx);
    income(&mut ctx);
    expense(&mut ctx);
    general_budget(&mut ctx);
    super::rules_n_items::items(&mut ctx);
    super::rules_n2::basic(&mut ctx);
    super::rules_n_sg::sangong(&mut ctx);
    super::rules_n_link::link(&mut ctx);
    super::rules_n2::others(&mut ctx);
    super::rules_n2::growth(&mut ctx);
    ctx.out
}

/// N-01 收入支出总计 (T1), N-04 财政拨款收入支出总计 (T4).
fn totals(ctx: &mut Ctx<'_>) {
    let key = "收入支出总计";
    for i in ctx.c.find_all(key, 0, ctx.c.len()) {
        let Some(f) = ctx.c.amount_after_key(i, key) else {
            continue;
        };
        let fin = i >= 4 && ctx.c.at(i - 4, "财政拨款");
        let (kind, id, what) = if fin {
            (
                StandardKind::T4,
                "N-04",
                "说明 财政拨款收入支出总计 = T4 总计",
            )
        } else {
            (StandardKind::T1, "N-01", "说明 收入支出总计 = T1 总计")
        };
        if let Some(t) = ctx.t(kind) {
            let cell = tagged(line(t, Line::IncomeGrand, Col::Amount), kind.id());
            let label = if fin {
                "财政拨款收入支出总计"
            } else {
                key
            };
            ctx.eq(rule(id, E), what, &f, i, label, cell);
        }
    }
}

/// N-02: 本年收入合计 and each source with its share.
fn income(ctx: &mut Ctx<'_>) {
    let key = "本年收入合计";
    for i in ctx.c.find_all(key, 0, ctx.c.len()) {
        let Some(f) = ctx.c.amount_after_key(i, key) else {
            continue;
        };
        let (t1, t2) = (ctx.t(StandardKind::T1), ctx.t(StandardKind::T2));
        let whole = t2
            .map(|t| tagged(total(t, Col::IncomeTotal), "T2"))
            .or_else(|| t1.map(|t| tagged(line(t, Line::IncomeTotal, Col::Amount), "T1")));
        if let Some(t1) = t1 {
            let cell = tagged(line(t1, Line::IncomeTotal, Col::Amount), "T1");
            ctx.eq(
                rule("N-02", E),
                "说明 本年收入合计 = T1 本年收入合计",
                &f,
                i,
                key,
                cell,
            );
        }
        let (_, sec_end) = ctx.c.section(i);
        let end = ctx
            .c
            .find("本年支出合计", f.end, sec_end)
            .unwrap_or(sec_end);
        let sources: [(&str, Line, Option<Col>); 11] = [
            ("一般公共预算财政拨款收入", Line::IncGeneral, None),
            ("政府性基金预算财政拨款收入", Line::IncFund, None),
            ("国有资本经营预算财政拨款收入", Line::IncCapital, None),
            ("使用非财政拨款结余", Line::UseBalance, None),
            (
                "附属单位上缴收入",
                Line::IncAffiliated,
                Some(Col::Affiliated),
            ),
            ("年初结转和结余", Line::Opening, None),
            (
                "财政拨款收入",
                Line::IncAppropriation,
                Some(Col::Appropriation),
            ),
            ("上级补助收入", Line::IncSuperior, Some(Col::Superior)),
            ("事业收入", Line::IncBusiness, Some(Col::Business)),
            ("经营收入", Line::IncOperating, Some(Col::Operating)),
            ("其他收入", Line::IncOther, Some(Col::OtherIncome)),
        ];
        let mut used: Vec<(usize, usize)> = Vec::new();
        for (name, l, col) in sources {
            for p in ctx.c.find_all(name, f.end, end) {
                let q = p + name.chars().count();
                if used.iter().any(|&(a, b)| p < b && a < q) {
                    continue;
                }
                let Some(g) = ctx.c.amount_after_key(p, name) else {
                    continue;
                };
                used.push((p, q));
                let cell = match (t2, col) {
                    (Some(t2), Some(c)) if t2.columns.contains(&c) => {
                        Some(tagged(total(t2, c), "T2"))
                    }
                    _ => t1
                        .filter(|t| t.row_by_line(l).is_some())
                        .map(|t| tagged(line(t, l, Col::Amount), "T1")),
                };
                let Some(cell) = cell else { continue };
                let what = format!("说明 {name} = 表中 {name}");
                ctx.eq(rule("N-02", E), &what, &g, p, name, cell.clone());
                if let (Some(s), Some(w)) = (ctx.share_after(g.end), whole.clone()) {
                    let what = format!("{name}占比 = {name} ÷ 本年收入合计");
                    ctx.rate(rule("N-02s", E), &what, &s, p, (cell, w), RateForm::Ratio);
                }
            }
        }
    }
}

/// N-03: 本年支出合计 and 基本/项目/… with shares.
fn expense(ctx: &mut Ctx<'_>) {
    let key = "本年支出合计";
    for i in ctx.c.find_all(key, 0, ctx.c.len()) {
        if (1..=2).any(|k| i >= k && ctx.c.at(i - k, "占")) {
            continue;
        }
        let Some(f) = ctx.c.amount_after_key(i, key) else {
            continue;
        };
        let Some(t3) = ctx.t(StandardKind::T3) else {
            continue;
        };
        let whole = tagged(total(t3, Col::ExpenseTotal), "T3");
        ctx.eq(
            rule("N-03", E),
            "说明 本年支出合计 = T3 合计",
            &f,
            i,
            key,
            whole.clone(),
        );
        let (_, sec_end) = ctx.c.section(i);
        let sec_end = ctx.c.find("。", f.end, sec_end).map_or(sec_end, |p| p + 1);
        for col in [
            Col::Basic,
            Col::Project,
            Col::RemitSuperior,
            Col::OperatingExpense,
            Col::SubsidyAffiliated,
        ] {
            let name = col.title();
            for p in ctx.c.find_all(&name, f.end, sec_end) {
                // "一般公共预算财政拨款基本支出" is T5's, not T3's
                if ctx.c.rfind("财政拨款", p.saturating_sub(6), p).is_some() {
                    continue;
                }
                let Some(g) = ctx.c.amount_after_key(p, &name) else {
                    continue;
                };
                let cell = tagged(total(t3, col), "T3");
                ctx.eq(
                    rule("N-03", E),
                    &format!("说明 {name} = T3 合计·{name}"),
                    &g,
                    p,
                    &name,
                    cell.clone(),
                );
                if let Some(s) = ctx.share_after(g.end) {
                    ctx.rate(
                        rule("N-03s", E),
                        &format!("{name}占比 = {name} ÷ 本年支出合计"),
                        &s,
                        p,
                        (cell, whole.clone()),
                        RateForm::Ratio,
                    );
                }
            }
        }
    }
}

/// N-05 一般公共预算财政拨款支出 (T5 合计, share of T3 合计) and N-06 its classes (T5 类 rows, shares,
/// and the same class in T4/T1: N-06x).
fn general_budget(ctx: &mut Ctx<'_>) {
    let key = "一般公共预算财政拨款支出";
    let Some(t5) = ctx.t(StandardKind::T5) else {
        return;
    };
    let t5_total = tagged(total(t5, Col::Total), "T5");
    for i in ctx.c.find_all(key, 0, ctx.c.len()) {
        let Some(f) = ctx.c.amount_after_key(i, key) else {
            continue;
        };
        ctx.eq(
            rule("N-05", E),
            "说明 一般公共预算财政拨款支出 = T5 合计",
            &f,
            i,
            key,
            t5_total.clone(),
        );
        let j = if ctx.c.at(f.end, "，") {
            f.end + 1
        } else {
            f.end
        };
        let k = "占本年支出合计的";
        if ctx.c.at(j, k) {
            if let (Some(s), Some(t3)) = (
                ctx.c.figure_after(j + k.chars().count(), "%"),
                ctx.t(StandardKind::T3),
            ) {
                let whole = tagged(total(t3, Col::ExpenseTotal), "T3");
                ctx.rate(
                    rule("N-05s", E),
                    "一般公共预算财政拨款支出占本年支出合计 = T5 合计 ÷ T3 合计",
                    &s,
                    i,
                    (t5_total.clone(), whole),
                    RateForm::Ratio,
                );
            }
        }
    }
    for i in ctx.c.find_all("（类）", 0, ctx.c.len()) {
        let Some(f) = ctx.c.figure_after(i + 3, "万元") else {
            continue;
        };
        let (sec, _) = ctx.c.section(i);
        let start = (sec..i)
            .rev()
            .find(|&k| {
                ctx.c
                    .chars
                    .get(k)
                    .is_some_and(|ch| "：；，。、".contains(*ch) || ch.is_ascii_digit())
            })
            .map_or(sec, |k| k + 1);
        let name = ctx.c.text(start, i);
        let code_of = t5
            .rows
            .iter()
            .find(|r| r.code.as_ref().is_some_and(|c| c.len() == 3) && squash(&r.name) == name)
            .and_then(|r| r.code.clone())
            .or_else(|| class_code(&name).map(str::to_string));
        let Some(cl) = code_of else {
            let x = not_checked(
                rule("N-06", E),
                format!("说明 {name}（类）= T5 类级行"),
                format!("一般公共预算财政拨款支出决算表中没有“{name}”"),
                Vec::new(),
            );
            let x = ctx.mark(x, &f, start);
            ctx.out.push(x);
            continue;
        };
        let cell = tagged(code(t5, &cl, Col::Total), "T5");
        ctx.eq(
            rule("N-06", E),
            &format!("说明 类 {cl} {name} = T5 类行"),
            &f,
            start,
            &name,
            cell.clone(),
        );
        if let Some(s) = ctx.share_after(f.end) {
            ctx.rate(
                rule("N-06s", E),
                &format!("类 {cl} 占比 = 类 ÷ T5 合计"),
                &s,
                start,
                (cell, t5_total.clone()),
                RateForm::Ratio,
            );
        }
        // T4's 一般公共预算 column has the same scope as T5; T1 (all funds) does not, so it is not used
        let other = ctx
            .t(StandardKind::T4)
            .filter(|t4| t4.columns.contains(&Col::GeneralBudget))
            .map(|t4| tagged(class_line(t4, &cl, Col::GeneralBudget), "T4"));
        if let Some(o) = other {
            ctx.eq(
                rule("N-06x", H),
                &format!("说明 类 {cl} {name}（与 T5 一致）= 总表类行"),
                &f,
                start,
                &name,
                o,
            );
        }
    }
}

/// The class line with `code` of T1/T4 (absent: blank).
fn class_line(t: &StandardTable, cl: &str, col: Col) -> Got {
    let row = t
        .rows
        .iter()
        .find(|r| r.line == Some(Line::ExpClass) && r.code.as_deref() == Some(cl));
    super::kit::get_in(t, row, None, col, cl.to_string(), cl)
}
