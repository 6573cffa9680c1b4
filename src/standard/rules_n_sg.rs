//! 表文 rules N-10s (“三公” 完成预算 and each item's 完成预算 / 占比 in the sentence that gives the 年初预算)
//! and T7-0 (无“三公”经费), evaluated under every remaining reading of T7's data line. The amounts themselves
//! are N-10 in `rules_n_link`.

use super::ctx::{rule, Ctx, E};
use super::finding::{Severity, TableFinding};
use super::kinds::{Col, SgItem, StandardKind};
use super::kit::{get_in, tagged};
use super::model::{Lookup, StandardTable};
use super::narrative::NFig;
use super::outcome::combine;
use super::pct::RateForm;

/// One N-10 check, evaluated under reading r of T7.
type Eval<'a> = Box<dyn Fn(&Ctx<'_>, usize) -> TableFinding + 'a>;

const SG_NAMES: [(&str, SgItem); 8] = [
    ("公务用车购置及运行维护费", SgItem::CarSubtotal),
    ("公务车购置及运行维护费", SgItem::CarSubtotal),
    ("公务用车购置及运行费", SgItem::CarSubtotal),
    ("因公出国（境）费", SgItem::Abroad),
    ("公务用车运行维护费", SgItem::CarRunning),
    ("公务用车购置费", SgItem::CarPurchase),
    ("公务用车运行费", SgItem::CarRunning),
    ("公务接待费", SgItem::Reception),
];

/// N-10s: “三公” 完成预算 and each item's 完成预算 / 占比, against T7 under every remaining reading.
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
    for (s0, e, from) in sentences(ctx) {
        if done.contains(&s0) {
            continue;
        }
        done.push(s0);
        let first_item = SG_NAMES
            .iter()
            .filter_map(|(w, _)| ctx.c.find(w, from, e))
            .min()
            .unwrap_or(e);
        // the amounts themselves (年初预算, 决算, each item's 决算) are N-10's in `rules_n_link`, which reads
        // any phrasing; here only the rates
        let mut checks: Vec<(&'static str, String, NFig, Eval<'_>)> = Vec::new();
        if let Some(s) = completed_in(ctx, from, first_item) {
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
                        (cell(r, SgItem::Total, false), cell(r, SgItem::Total, true)),
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
                if let Some(s) = completed_in(ctx, q, end) {
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
                                (cell(r, item, false), cell(r, item, true)),
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
                                (cell(r, item, false), cell(r, SgItem::Total, false)),
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

/// The sentences that state “三公” rates, each as (start, end, where its total's rate may begin): one that
/// gives the 年初预算 ("…年初预算为 683.51 万元，支出决算为 358.18 万元，完成预算的 52.4%"), one that states
/// the “三公” 决算 and its 完成预算 in one clause ("“三公”经费财政拨款支出决算为 68.3 万元，完成年初预算的
/// 88.7%"), and the 其中 sentence right after either, which can only list the items.
fn sentences(ctx: &Ctx<'_>) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for i in ctx.c.find_all("三公", 0, ctx.c.len()) {
        let (s0, e) = ctx.c.sentence(i);
        let from = if let Some(b) = ctx
            .c
            .find("年初预算为", i, e)
            .and_then(|k| ctx.c.amount_after_key(k, "年初预算为"))
        {
            b.end
        } else {
            // no budget named: the rate must close the clause of the “三公” 决算 itself
            let Some(k) = ["完成预算的", "完成年初预算的"]
                .iter()
                .filter_map(|w| ctx.c.find(w, i, e))
                .min()
            else {
                continue;
            };
            let clause = ctx.c.text(i, k);
            if !clause.contains("决算") || clause.contains('；') || clause.contains("其中") {
                continue;
            }
            i
        };
        out.push((s0, e, from));
        if let Some(n) = items_after(ctx, e) {
            out.push(n);
        }
    }
    out
}

/// The 其中 sentence at `e`, or after one sentence that only remarks on the “三公” scope without a figure
/// ("为全面反映“三公”经费支出，本次公布的“三公”经费为部门汇总数").
fn items_after(ctx: &Ctx<'_>, e: usize) -> Option<(usize, usize, usize)> {
    let mut at = e;
    for _ in 0..2 {
        if at >= ctx.c.len() {
            return None;
        }
        let (n0, ne) = ctx.c.sentence(at);
        let t = ctx.c.text(n0, ne);
        if t.trim_start().starts_with("其中") {
            return Some((n0, ne, n0));
        }
        if !t.contains("三公") || t.chars().any(|c| c.is_ascii_digit()) || ne <= at {
            return None;
        }
        at = ne;
    }
    None
}

/// The rate of a "完成预算的 X%" or "完成年初预算的 X%" in [from, to).
fn completed_in(ctx: &Ctx<'_>, from: usize, to: usize) -> Option<NFig> {
    ["完成预算的", "完成年初预算的"]
        .iter()
        .filter_map(|w| ctx.c.find(w, from, to).map(|k| (k, w.chars().count())))
        .min()
        .and_then(|(k, n)| ctx.c.figure_after(k + n, "%"))
}

pub(crate) fn no_sangong(ctx: &mut Ctx<'_>, t7: &StandardTable, i: usize) {
    let Some(row) = t7.rows.first() else { return };
    let (s0, e) = ctx.c.sentence(i);
    let assumption = super::sangong::assumed_text(t7);
    let results: Vec<TableFinding> = (0..row.readings.len().max(1))
        .map(|r| {
            let spent = SgItem::ALL
                .iter()
                .any(|it| matches!(row.lookup_in(r, Col::Sg(*it, false)), Lookup::Value(_)));
            TableFinding {
                figures: Vec::new(),
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
