//! 表文 rules, continued: N-07/N-08 (年初预算 and the item paragraphs), N-09 (基本支出 人员/公用),
//! N-10 (“三公” budget and actual, under every remaining reading of T7), N-11 (机关运行经费, a hint),
//! N-12 (no 政府性基金 / 国有资本经营 money) and T7-0 (no “三公” spending).

use super::finding::{combine, not_checked, Severity, TableFinding};
use super::kinds::{squash, Col, SgItem, StandardKind};
use super::kit::{get, get_in, tagged, total, Got};
use super::lines::Line;
use super::model::{Lookup, Row, StandardTable};
use super::narrative::NFig;
use super::pct::RateForm;
use super::rules_n::{narrative_sum, rule, Ctx, E, H};

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
                        cell,
                        bt,
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
                a,
                b,
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
    let diff = actual.value - budget.value;
    let is = if diff.is_sign_positive() && !diff.is_zero() {
        ("大于", 1)
    } else if diff.is_zero() {
        ("等于", 0)
    } else {
        ("小于", -1)
    };
    let severity = if sign == is.1 {
        Severity::Ok
    } else if sign == 0 {
        Severity::Hint
    } else {
        Severity::Error
    };
    ctx.out.push(TableFinding {
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

fn econ(t6: &StandardTable, which: &str) -> Option<Got> {
    t6.rows
        .iter()
        .find(|r| r.code.is_none() && r.name.starts_with(which))
        .map(|r| tagged(get(t6, r, Col::Amount), "T6"))
}

/// N-09: 基本支出 = T5 合计·基本支出; 人员经费, 公用经费 = T6 totals; 人员 + 公用 = 基本.
pub(crate) fn basic(ctx: &mut Ctx<'_>) {
    let key = "一般公共预算财政拨款基本支出";
    for i in ctx.c.find_all(key, 0, ctx.c.len()) {
        let Some(f) = ctx.c.amount_after_key(i, key) else {
            continue;
        };
        if let Some(t5) = ctx.t(StandardKind::T5) {
            ctx.eq(
                rule("N-09", E),
                "说明 一般公共预算财政拨款基本支出 = T5 合计·基本支出",
                &f,
                i,
                key,
                tagged(total(t5, Col::Basic), "T5"),
            );
        }
        let (_, sec_end) = ctx.c.section(i);
        let find = |w: &str| {
            ctx.c
                .find_all(w, f.end, sec_end)
                .into_iter()
                .find_map(|k| ctx.c.amount_after_key(k, w).map(|g| (k, g)))
        };
        let (p, q) = (find("人员经费"), find("公用经费"));
        for (hit, which) in [(&p, "人员经费"), (&q, "公用经费")] {
            if let (Some((k, g)), Some(cell)) =
                (hit, ctx.t(StandardKind::T6).and_then(|t| econ(t, which)))
            {
                ctx.eq(
                    rule("N-09", E),
                    &format!("说明 {which} = T6 {which}合计"),
                    g,
                    *k,
                    which,
                    cell,
                );
            }
        }
        if let (Some((_, pg)), Some((_, qg))) = (&p, &q) {
            narrative_sum(
                ctx,
                "N-09",
                "说明 基本支出 = 人员经费 + 公用经费",
                (&f, "基本支出"),
                vec![(pg, "人员经费".into()), (qg, "公用经费".into())],
                i,
            );
        }
    }
}

const SG_NAMES: [(&str, SgItem); 7] = [
    ("公务用车购置及运行维护费", SgItem::CarSubtotal),
    ("公务用车购置及运行费", SgItem::CarSubtotal),
    ("因公出国（境）费", SgItem::Abroad),
    ("公务用车运行维护费", SgItem::CarRunning),
    ("公务用车购置费", SgItem::CarPurchase),
    ("公务用车运行费", SgItem::CarRunning),
    ("公务接待费", SgItem::Reception),
];

/// N-10: “三公” 年初预算 / 决算 / 完成预算 and each item, against T7 under every remaining reading.
pub(crate) fn sangong(ctx: &mut Ctx<'_>) {
    let Some(t7) = ctx.t(StandardKind::T7) else {
        return;
    };
    let Some(row) = t7.rows.first() else { return };
    let n = row.readings.len().max(1);
    let assumption = super::sangong::assumed_text(t7);
    let cell = |r: usize, item: SgItem, budget: bool| {
        tagged(
            get_in(
                t7,
                Some(row),
                Some(r),
                Col::Sg(item, budget),
                item.title().to_string(),
                "",
            ),
            "T7",
        )
    };
    let mut done = Vec::new();
    for i in ctx.c.find_all("三公", 0, ctx.c.len()) {
        let (s0, e) = ctx.c.sentence(i);
        if done.contains(&s0) {
            continue;
        }
        let Some(b) = ctx
            .c
            .find("年初预算为", i, e)
            .and_then(|k| ctx.c.amount_after_key(k, "年初预算为"))
        else {
            continue;
        };
        done.push(s0);
        let first_item = SG_NAMES
            .iter()
            .filter_map(|(w, _)| ctx.c.find(w, b.end, e))
            .min()
            .unwrap_or(e);
        let a = ctx
            .c
            .find("决算为", b.end, first_item)
            .and_then(|k| ctx.c.amount_after_key(k, "决算为"));
        let mut checks: Vec<(
            &'static str,
            String,
            NFig,
            Box<dyn Fn(&Ctx<'_>, usize) -> TableFinding + '_>,
        )> = Vec::new();
        let bb = b.clone();
        checks.push((
            "N-10",
            "说明 三公 年初预算 = T7 合计·预算数".into(),
            b.clone(),
            Box::new(move |c, r| {
                super::kit::eq_rule(
                    rule("N-10", E),
                    "说明 三公 年初预算 = T7 合计·预算数",
                    c.claim(&bb, "年初预算"),
                    cell(r, SgItem::Total, true),
                )
            }),
        ));
        if let Some(a) = a.clone() {
            checks.push((
                "N-10",
                String::new(),
                a.clone(),
                Box::new(move |c, r| {
                    super::kit::eq_rule(
                        rule("N-10", E),
                        "说明 三公 支出决算 = T7 合计·决算数",
                        c.claim(&a, "支出决算"),
                        cell(r, SgItem::Total, false),
                    )
                }),
            ));
        }
        if let Some(s) = ctx
            .c
            .find("完成预算的", b.end, first_item)
            .and_then(|k| ctx.c.figure_after(k + 5, "%"))
        {
            let s2 = s.clone();
            checks.push((
                "N-10s",
                String::new(),
                s,
                Box::new(move |c, r| {
                    c.rate_of(
                        rule("N-10s", E),
                        "三公 完成预算 = 决算 ÷ 预算",
                        &s2,
                        s0,
                        cell(r, SgItem::Total, false),
                        cell(r, SgItem::Total, true),
                        RateForm::Ratio,
                    )
                }),
            ));
        }
        let mut used: Vec<(usize, usize)> = Vec::new();
        for (name, item) in SG_NAMES {
            if !t7.columns.contains(&Col::Sg(item, false)) {
                continue;
            }
            for p in ctx.c.find_all(name, first_item, e) {
                let q = p + name.chars().count();
                if used.iter().any(|&(x, y)| p < y && x < q) {
                    continue;
                }
                used.push((p, q));
                let end = ctx.c.find("；", q, e).unwrap_or(e);
                if let Some(g) = ctx
                    .c
                    .find("决算为", q, end)
                    .and_then(|k| ctx.c.amount_after_key(k, "决算为"))
                {
                    let g2 = g.clone();
                    let what = format!("说明 {name} 决算 = T7 {}·决算数", item.title());
                    checks.push((
                        "N-10",
                        what.clone(),
                        g,
                        Box::new(move |c, r| {
                            super::kit::eq_rule(
                                rule("N-10", E),
                                &what,
                                c.claim(&g2, name),
                                cell(r, item, false),
                            )
                        }),
                    ));
                }
                if let Some(s) = ctx
                    .c
                    .find("完成预算的", q, end)
                    .and_then(|k| ctx.c.figure_after(k + 5, "%"))
                {
                    let s2 = s.clone();
                    let what = format!("{name} 完成预算 = 决算 ÷ 预算");
                    checks.push((
                        "N-10s",
                        what.clone(),
                        s,
                        Box::new(move |c, r| {
                            c.rate_of(
                                rule("N-10s", E),
                                &what,
                                &s2,
                                p,
                                cell(r, item, false),
                                cell(r, item, true),
                                RateForm::Ratio,
                            )
                        }),
                    ));
                }
                if let Some(s) = ctx.share_after_in(q, end) {
                    let s2 = s.clone();
                    let what = format!("{name} 占比 = 决算 ÷ 合计决算");
                    checks.push((
                        "N-10s",
                        what.clone(),
                        s,
                        Box::new(move |c, r| {
                            c.rate_of(
                                rule("N-10s", E),
                                &what,
                                &s2,
                                p,
                                cell(r, item, false),
                                cell(r, SgItem::Total, false),
                                RateForm::Ratio,
                            )
                        }),
                    ));
                }
            }
        }
        for (_, _, fig, eval) in &checks {
            let results: Vec<TableFinding> = (0..n)
                .map(|r| {
                    let mut x = eval(ctx, r);
                    x.span = Some(fig.span);
                    x.quote = Some(ctx.c.text(s0.max(fig.at.saturating_sub(30)), fig.end));
                    x
                })
                .collect();
            ctx.out.extend(combine(results, &assumption));
        }
    }
}

/// N-11 机关运行经费 (a hint), N-12 无政府性基金/国有资本经营, T7-0 无“三公”经费.
pub(crate) fn others(ctx: &mut Ctx<'_>) {
    for i in ctx.c.find_all("机关运行经费", 0, ctx.c.len()) {
        let key = if ctx.c.at(i, "机关运行经费支出") {
            "机关运行经费支出"
        } else {
            "机关运行经费"
        };
        let Some(f) = ctx.c.amount_after_key(i, key) else {
            continue;
        };
        if let Some(cell) = ctx.t(StandardKind::T6).and_then(|t| econ(t, "公用经费")) {
            ctx.eq(
                rule("N-11", H),
                "说明 机关运行经费 = T6 公用经费合计（行政单位的通常口径，仅作提示）",
                &f,
                i,
                key,
                cell,
            );
        }
    }
    for (word, kind, col, inc) in [
        (
            "政府性基金预算财政拨款",
            StandardKind::T8,
            Col::GovFund,
            Line::IncFund,
        ),
        (
            "国有资本经营预算财政拨款",
            StandardKind::T9,
            Col::StateCapital,
            Line::IncCapital,
        ),
    ] {
        for neg in ["无", "没有"] {
            for i in ctx.c.find_all(&format!("{neg}{word}"), 0, ctx.c.len()) {
                none_claim(ctx, i, kind, col, inc);
            }
        }
    }
    if let Some(t7) = ctx.t(StandardKind::T7) {
        for neg in ["无\"三公\"经费", "没有\"三公\"经费", "无三公经费"] {
            for i in ctx.c.find_all(neg, 0, ctx.c.len()) {
                no_sangong(ctx, t7, i);
            }
        }
    }
}

fn none_claim(ctx: &mut Ctx<'_>, i: usize, kind: StandardKind, col: Col, inc: Line) {
    let fund = ctx.t(kind).map(|t| t.has_numbers());
    let t4 = ctx.t(StandardKind::T4).map(|t4| {
        t4.row_by_line(inc)
            .is_some_and(|r| r.lookup(Col::Amount) != Lookup::Blank)
            || t4.rows.iter().any(|r| {
                r.line.is_some_and(Line::is_expense_side)
                    && matches!(r.lookup(col), Lookup::Value(_))
            })
    });
    if fund.is_none() && t4.is_none() {
        return;
    }
    let has = fund == Some(true) || t4 == Some(true);
    let (s0, e) = ctx.c.sentence(i);
    ctx.out.push(TableFinding {
        rule: "N-12".to_string(),
        kind: super::finding::FindingKind::TextTable,
        severity: if has { Severity::Error } else { Severity::Ok },
        stated: "无".to_string(),
        expected: if has {
            "有".to_string()
        } else {
            "无".to_string()
        },
        difference: None,
        formula: format!(
            "说明称无{} ⇒ {} 无数字，T4“{}”列为空",
            col.title(),
            kind.id(),
            col.title()
        ),
        cells: Vec::new(),
        quote: Some(ctx.c.text(s0, e)),
        span: Some(ctx.c.span(i, i + 1)),
        message: if has {
            format!("错误：说明称无{}收入和支出，但表中有此类数字", col.title())
        } else {
            "一致：表中也没有此类数字".to_string()
        },
    });
}

fn no_sangong(ctx: &mut Ctx<'_>, t7: &StandardTable, i: usize) {
    let Some(row) = t7.rows.first() else { return };
    let (s0, e) = ctx.c.sentence(i);
    let assumption = super::sangong::assumed_text(t7);
    let results: Vec<TableFinding> = (0..row.readings.len().max(1))
        .map(|r| {
            let spent = SgItem::ALL
                .iter()
                .any(|it| matches!(row.lookup_in(r, Col::Sg(*it, false)), Lookup::Value(_)));
            TableFinding {
                rule: "T7-0".to_string(),
                kind: super::finding::FindingKind::TextTable,
                severity: if spent { Severity::Error } else { Severity::Ok },
                stated: "无".to_string(),
                expected: if spent {
                    "有".to_string()
                } else {
                    "无".to_string()
                },
                difference: None,
                formula: "说明称无“三公”经费财政拨款支出 ⇒ T7 各项决算数为空".to_string(),
                cells: Vec::new(),
                quote: Some(ctx.c.text(s0, e)),
                span: Some(ctx.c.span(i, i + 1)),
                message: if spent {
                    "错误：说明称无“三公”经费财政拨款支出，但“三公”经费表有决算数".to_string()
                } else {
                    "一致：“三公”经费表的决算数均为空".to_string()
                },
            }
        })
        .collect();
    ctx.out.extend(combine(results, &assumption));
}
