//! What a mention of a 三公 item is stated for, beyond its words: the item a bare "支出预算 2.40 万元" names
//! by its heading, the year it is of, and whether a listed part is a budget's.

use crate::rules::context::Ctx;
use rust_decimal::Decimal;
use std::collections::HashSet;

/// Whether a level read as this year's is a part of a budget ("“三公”经费预算数为 20.1 万元……其中：公务接待费
/// 16.7 万元"): a listed part of a budget total, or a statement opening with 其中 after a statement of a
/// budget ("公务用车购置及运行费预算 3.4万元…。其中:公务用车运行费 3.4万元"), whose own name says no other
/// measure.
pub fn budget_part(ctx: &Ctx, budgets: &HashSet<usize>, i: usize) -> bool {
    let label = &ctx.tok(i).label;
    let other = ["决算", "实际", "执行", "完成", "上年"];
    if other.iter().any(|w| label.contains(w)) {
        return false;
    }
    let start = ctx.text.sentence_start(ctx.tok(i).start);
    let after_budget = ctx.text.starts_with_at(start, "其中")
        && start > 0
        && first_level(ctx, ctx.text.sentence_start(start - 1), start)
            .is_some_and(|b| budgets.contains(&b));
    after_budget || listed_in_budget(ctx, budgets, i, 3)
}

/// Whether `i` is a listed part of a budget total, or of a part of one ("预算总额1,938万元…其中：…公务用车
/// 购置和运行维护费1,502万元，其中：公车购置费384万元"), `depth` lists up at most.
fn listed_in_budget(ctx: &Ctx, budgets: &HashSet<usize>, i: usize, depth: usize) -> bool {
    depth > 0
        && ctx.lists_with_part(i).any(|l| {
            budgets.contains(&l.total) || listed_in_budget(ctx, budgets, l.total, depth - 1)
        })
}

/// Whether a text says nothing of what was spent (no 决算, no 实际): a budget disclosure, whose every level
/// of this year is a budget ("2018年财政拨款“三公”经费预算总额为2.7万元…2.公务用车购置及运行维护费1.5万元").
/// It must say 预算 again and again, as a budget disclosure does.
pub fn budget_only(ctx: &Ctx) -> bool {
    let n = ctx.text.chars.len();
    ["决算", "实际"]
        .iter()
        .all(|w| ctx.text.find_all(w, 0, n).is_empty())
        && ctx.text.find_all("预算", 0, n).len() >= 3
}

/// The first money figure of the statement [from, to).
fn first_level(ctx: &Ctx, from: usize, to: usize) -> Option<usize> {
    ctx.first_at(from)
        .filter(|&j| ctx.tok(j).start < to)
        .and_then(|j| {
            (j..ctx.tokens.len())
                .take_while(|&k| ctx.tok(k).start < to)
                .find(|&k| ctx.tok(k).class == crate::document::narrative::UnitClass::Amount)
        })
}

/// Whether token `j` is a year ("2015年"; not "肥财[2015]72号", which no 年 follows).
fn is_year(ctx: &Ctx, j: usize) -> bool {
    let t = ctx.tok(j);
    super::words::is_year(t) && ctx.text.starts_with_at(t.end, "年")
}

/// Whether the year token `j` names the year compared with ("比2017年预算减少", "与2015年度决算相比").
fn compared(ctx: &Ctx, j: usize) -> bool {
    ["比", "较", "与", "同", "对比", "相比", "低于", "高于"]
        .iter()
        .any(|w| ctx.text.ends_with_at(ctx.tok(j).start, w))
}

/// The year a figure's own statement names before it. A year a comparison names is the year of a level
/// that follows it ("较2014年度…合计16.08万元") and is passed over for a change ("比2017年预算减少0.1万元" is
/// this year's change).
pub fn own_year(ctx: &Ctx, i: usize, level: bool) -> Option<Decimal> {
    let start = ctx.text.sentence_start(ctx.tok(i).start);
    (0..i)
        .rev()
        .take_while(|&j| ctx.tok(j).start >= start)
        .find(|&j| is_year(ctx, j) && (level || !compared(ctx, j)))
        .map(|j| ctx.tok(j).figure.value)
}

/// The year in force at each token, for a figure whose statement names none: the nearest year named before
/// it in its disclosure that is no comparison's. One pass for all tokens (a walk back per figure was
/// quadratic on a long text that names no year).
pub fn years_in_force(ctx: &Ctx) -> Vec<Option<Decimal>> {
    let mut out = Vec::with_capacity(ctx.tokens.len());
    let mut last = None;
    for j in 0..ctx.tokens.len() {
        if j > 0 && !ctx.same_document(j - 1, j) {
            last = None;
        }
        out.push(last);
        if is_year(ctx, j) && !compared(ctx, j) {
            last = Some(ctx.tok(j).figure.value);
        }
    }
    out
}

/// Measure words a bare name is made of ("支出预算", "全年支出").
const BARE: [&str; 13] = [
    "全年", "年度", "本年", "支出", "预算", "决算", "数", "为", "共计", "合计", "总额", "金额",
    "安排",
];

/// The name a heading gives a figure whose own name is only measure words: "(三)公务用车购置及运行费。支出
/// 预算2.40万元", "1.因公出国(境)支出⏎2015年全年支出226万元". The heading is the statement just before, a
/// numbered line with no figure of its own; before the figure its statement holds at most a year.
pub fn heading_name(ctx: &Ctx, i: usize) -> Option<String> {
    let t = ctx.tok(i);
    let mut rest = t.label.clone();
    for w in BARE {
        rest = rest.replace(w, "");
    }
    let start = ctx.text.sentence_start(t.start);
    let lead: String = ctx
        .text
        .slice(start, t.label_start)
        .chars()
        .filter(|c| !c.is_ascii_digit() && !"年，, ".contains(*c))
        .collect();
    if !rest.is_empty() || !lead.is_empty() || start == 0 {
        return None;
    }
    let head = ctx.text.sentence_start(start - 1);
    let line = ctx.text.slice(head, start);
    let numbered = crate::document::narrative::clean::is_heading_at(&ctx.text.chars, head);
    let figures = (0..i).rev().any(|j| {
        ctx.tok(j).start >= head
            && ctx.tok(j).start < start
            && ctx.tok(j).figure.value >= Decimal::TEN
    });
    (numbered && !figures && line.chars().count() <= 24).then_some(line)
}
