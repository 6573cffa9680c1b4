//! 表文 rules N-07 (一般公共预算 年初预算, 完成年初预算, Σ item budgets) and N-08 (each "（类）…（款）…（项）"
//! paragraph against its T5 项 row, and its 大于/小于/持平 wording).

use super::ctx::{narrative_sum, rule, Ctx, E};
use super::finding::{Severity, TableFinding};
use super::kinds::{squash, Col, StandardKind};
use super::kit::{get, tagged, total};
use super::model::{Row, StandardTable};
use super::narrative::NFig;
use super::outcome::not_checked;
use super::pct::RateForm;

/// One "1、一般公共服务支出（类）财政事务（款）行政运行（项）…" paragraph.
struct Item {
    start: usize,
    body: (usize, usize),
    class: String,
    kuan: String,
    xiang: String,
}

fn find_items(ctx: &Ctx<'_>) -> Vec<Item> {
    let c = &ctx.c;
    let mut items: Vec<Item> = Vec::new();
    for p in c.find_all("（项）", 0, c.len()) {
        let (sec, sec_end) = c.section(p);
        let Some(k) = c.rfind("（款）", sec, p) else {
            continue;
        };
        let Some(l) = c.rfind("（类）", sec, k) else {
            continue;
        };
        if p - l > 90 || items.last().is_some_and(|it| l < it.body.0) {
            continue;
        }
        let start = (sec..l)
            .rev()
            .find(|&i| {
                c.chars
                    .get(i)
                    .is_some_and(|ch| "：；，。、".contains(*ch) || ch.is_ascii_digit())
            })
            .map_or(sec, |i| i + 1);
        if let Some(prev) = items.last_mut() {
            if prev.body.1 > start {
                prev.body.1 = start;
            }
        }
        items.push(Item {
            start,
            body: (p + 3, sec_end),
            class: c.text(start, l),
            kuan: c.text(l + 3, k),
            xiang: c.text(k + 3, p),
        });
    }
    items
}

/// The T5 项 row an item names (by 项 name, then 款 and 类 names when several match).
fn item_row<'t>(t5: &'t StandardTable, it: &Item) -> Option<&'t Row> {
    let named: Vec<&Row> = t5
        .rows
        .iter()
        .filter(|r| r.code.as_ref().is_some_and(|c| c.len() == 7) && squash(&r.name) == it.xiang)
        .collect();
    let parent_name = |r: &Row, len: usize| {
        r.code
            .as_ref()
            .and_then(|c| c.get(..len))
            .and_then(|p| t5.row_by_code(p))
            .map(|p| squash(&p.name))
    };
    match named.len() {
        0 => None,
        1 => named.first().copied(),
        _ => named.into_iter().find(|r| {
            parent_name(r, 5).as_deref() == Some(&it.kuan)
                && parent_name(r, 3).as_deref() == Some(&it.class)
        }),
    }
}

/// N-07 (total 年初预算, 完成年初预算, Σ item budgets) and N-08 (each item against its T5 项 row).
pub(crate) fn items(ctx: &mut Ctx<'_>) {
    let items = find_items(ctx);
    let t5 = ctx.t(StandardKind::T5);
    let mut budgets: Vec<(NFig, String, usize)> = Vec::new();
    for it in &items {
        let (a, b) = it.body;
        let budget = ctx
            .c
            .find("年初预算为", a, b)
            .and_then(|k| ctx.c.amount_after_key(k, "年初预算为"));
        let actual = ctx
            .c
            .find("支出决算为", a, b)
            .and_then(|k| ctx.c.amount_after_key(k, "支出决算为"));
        if let Some(bg) = &budget {
            budgets.push((bg.clone(), format!("{} 年初预算", it.xiang), it.start));
        }
        let Some(actual) = actual else { continue };
        let Some(t5) = t5 else { continue };
        let Some(row) = item_row(t5, it) else {
            let x = not_checked(
                rule("N-08", E),
                format!("说明 {}（项）支出决算 = T5 项级行", it.xiang),
                format!("一般公共预算财政拨款支出决算表中没有“{}”项", it.xiang),
                Vec::new(),
            );
            ctx.out.push(x);
            continue;
        };
        let code = row.code.clone().unwrap_or_default();
        let cell = tagged(get(t5, row, Col::Total), "T5");
        ctx.eq(
            rule("N-08", E),
            &format!("说明 {}（项）支出决算 = T5 项 {code}·合计", it.xiang),
            &actual,
            it.start,
            "支出决算",
            cell.clone(),
        );
        if let Some(bg) = &budget {
            direction(ctx, it, bg, &actual);
            if let Some(k) = ctx.c.find("完成年初预算的", a, b) {
                if let Some(s) = ctx.c.figure_after(k + 7, "%") {
                    let bt = ctx.claim(bg, "年初预算");
                    ctx.rate(
                        rule("N-08", E),
                        &format!("{} 完成年初预算 = T5 {code} ÷ 年初预算", it.xiang),
                        &s,
                        it.start,
                        (cell, bt),
                        RateForm::Ratio,
                    );
                }
            }
        }
    }
    let in_item = |k: usize| items.iter().any(|it| k >= it.start && k < it.body.1);
    for q in ctx.c.find_all("完成年初预算的", 0, ctx.c.len()) {
        if in_item(q) {
            continue;
        }
        let (s0, _) = ctx.c.sentence(q);
        let Some(total_budget) = ctx
            .c
            .rfind("年初预算为", s0, q)
            .and_then(|k| ctx.c.amount_after_key(k, "年初预算为"))
        else {
            continue;
        };
        let actual = ctx
            .c
            .rfind("支出决算为", s0, q)
            .and_then(|k| ctx.c.amount_after_key(k, "支出决算为"));
        if let (Some(t5), Some(actual)) = (t5, &actual) {
            let cell = tagged(total(t5, Col::Total), "T5");
            ctx.eq(
                rule("N-07", E),
                "说明 一般公共预算财政拨款支出决算 = T5 合计",
                actual,
                s0,
                "支出决算",
                cell,
            );
        }
        if let Some(s) = ctx.c.figure_after(q + 7, "%") {
            let a = match t5 {
                Some(t5) => tagged(total(t5, Col::Total), "T5"),
                None => match &actual {
                    Some(x) => ctx.claim(x, "支出决算"),
                    None => continue,
                },
            };
            let b = ctx.claim(&total_budget, "年初预算");
            ctx.rate(
                rule("N-07", E),
                "完成年初预算 = 支出决算 ÷ 年初预算",
                &s,
                s0,
                (a, b),
                RateForm::Ratio,
            );
        }
        let (sec, sec_end) = ctx.c.section(q);
        let parts: Vec<(&NFig, String)> = budgets
            .iter()
            .filter(|(_, _, at)| *at >= sec && *at < sec_end)
            .map(|(f, l, _)| (f, l.clone()))
            .collect();
        if parts.len() >= 2 {
            narrative_sum(
                ctx,
                "N-07",
                "年初预算（合计）= Σ 各项年初预算",
                (&total_budget, "年初预算"),
                parts,
                s0,
            );
        }
    }
}

/// "决算数大于/小于预算数", "基本持平" against the two figures just stated.
fn direction(ctx: &mut Ctx<'_>, it: &Item, budget: &NFig, actual: &NFig) {
    let (a, b) = it.body;
    let said = [
        ("大于", 1),
        ("小于", -1),
        ("基本持平", 0),
        ("持平", 0),
        ("一致", 0),
        ("相等", 0),
        ("等于", 0),
    ]
    .into_iter()
    .find(|(w, _)| {
        ctx.c.find(&format!("决算数{w}"), a, b).is_some()
            || ctx.c.find(&format!("与预算数{w}"), a, b).is_some()
    });
    let Some((word, sign)) = said else { return };
    let is = match actual.value.cmp(&budget.value) {
        std::cmp::Ordering::Greater => ("大于", 1),
        std::cmp::Ordering::Equal => ("等于", 0),
        std::cmp::Ordering::Less => ("小于", -1),
    };
    let severity = if sign == is.1 {
        Severity::Ok
    } else if sign == 0 {
        Severity::Hint
    } else {
        Severity::Error
    };
    ctx.out.push(TableFinding {
        figures: Vec::new(),
        rule: "N-08".to_string(),
        kind: super::finding::FindingKind::TextTable,
        severity,
        stated: word.to_string(),
        expected: is.0.to_string(),
        difference: None,
        formula: format!(
            "{}：决算数 {} 与 年初预算数 {} 比较",
            it.xiang, actual.value, budget.value
        ),
        cells: Vec::new(),
        quote: Some(ctx.c.text(it.start, b.min(it.start + 200))),
        span: Some(actual.span),
        message: match severity {
            Severity::Ok => format!(
                "一致：说明写“{word}”，决算数 {} {} 预算数 {}",
                actual.value, is.0, budget.value
            ),
            Severity::Hint => format!(
                "提示：说明写“{word}”，但决算数 {} {} 预算数 {}，请核实措辞",
                actual.value, is.0, budget.value
            ),
            _ => format!(
                "错误：说明写“决算数{word}预算数”，但决算数 {} {} 预算数 {}",
                actual.value, is.0, budget.value
            ),
        },
    });
}
