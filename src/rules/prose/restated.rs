//! One “三公” item stated twice in other words ("其中：公务接待费 1.58 万元" and later
//! "2015年度我单位支出公务接待费为 1.58 万元"; "“三公”经费 41 万元" and "镇本级“三公”经费 41 万元"): the
//! same family item, measure and year. Two mentions whose names are the same word for word are left to
//! `links::same_figures` when it pairs them. Different figures are an error only when the two mentions name the same fund
//! scope (全口径, 一般公共预算 …) or neither names one; otherwise the pair is not checked.

use super::cues::Measure;
use super::families;
use super::frames::{Frame, Role};
use crate::error::Result;
use crate::rules::claim::ClaimKind;
use crate::rules::context::Ctx;
use std::collections::HashMap;

/// Words that set a figure's fund or scope apart.
const SCOPES: [&str; 18] = [
    "全口径",
    "全州",
    "全盟",
    "全旗",
    "全省",
    "一般公共预算",
    "政府性基金",
    "国有资本经营",
    "财政拨款",
    "本级",
    "全县",
    "全市",
    "全区",
    "全镇",
    "汇总",
    "部门",
    "单位",
    "机关",
];

fn scopes(ctx: &Ctx, i: usize) -> Vec<&'static str> {
    let t = ctx.tok(i);
    let mut start = ctx.text.sentence_start(t.start);
    // a statement that opens with 其中 lists parts of the one before: its scope is that one's ("州本级“三公
    // 经费”…。其中：公务用车运行维护费支出 937 万元")
    if ctx.text.starts_with_at(start, "其中") && start > 0 {
        start = ctx.text.sentence_start(start - 1);
    }
    let before = ctx.text.slice(start, t.start);
    SCOPES
        .iter()
        .copied()
        .filter(|w| before.contains(w))
        .collect()
}

/// Whether a level read as this year's is a part of a budget ("“三公”经费预算数为 20.1 万元……其中：公务接待费
/// 16.7 万元"): a listed part of a budget total whose own name says no other measure.
fn budget_part(ctx: &Ctx, budgets: &[usize], i: usize) -> bool {
    let label = &ctx.tok(i).label;
    let other = ["决算", "实际", "执行", "完成", "上年"];
    !other.iter().any(|w| label.contains(w))
        && ctx
            .lists
            .iter()
            .any(|l| l.parts.contains(&i) && budgets.contains(&l.total))
}

pub fn restated(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    let mut first: HashMap<(String, bool, Option<rust_decimal::Decimal>), usize> = HashMap::new();
    let mut pairs = Vec::new();
    let budgets: Vec<usize> = frames
        .iter()
        .filter(|f| f.role == Role::Level(Measure::Budget))
        .map(|f| f.tok)
        .collect();
    for f in frames {
        let budget = match f.role {
            Role::Level(Measure::Current) => budget_part(ctx, &budgets, f.tok),
            Role::Level(Measure::Budget) => true,
            _ => continue,
        };
        let t = ctx.tok(f.tok);
        // money only: a count of the same name ("国内公务接待 275 批次") must not stand in as the first mention
        if t.class != crate::document::narrative::UnitClass::Amount {
            continue;
        }
        // the 三公 items only: every disclosure has one set of them, while 收入合计, 一般公共预算收入 … recur
        // per fund, per city, per month in a government's report
        let canon = families::canonical(&t.label);
        if !(canon.starts_with("#0") || canon.starts_with("#1")) {
            continue;
        }
        let key = (canon, budget, ctx.year_of(f.tok));
        match first.get(&key) {
            Some(&e) if ctx.same_document(e, f.tok) && ctx.tok(e).class == t.class => {
                let (le, lt) = (ctx.tok(e).label.as_str(), t.label.as_str());
                // the same words are `links::same_figures`' pair, unless it could not tell the two apart
                // from other quantities (a 其中 part, a clause that also compares: "其中：公务接待费 20 万元")
                let linked = crate::rules::links::identity(ctx, e)
                    .is_some_and(|x| crate::rules::links::identity(ctx, f.tok) == Some(x));
                if (le != lt || !linked) && ctx.tok(e).sentence != t.sentence {
                    pairs.push((e, f.tok));
                }
            }
            _ => {
                first.insert(key, f.tok);
            }
        }
    }
    for (earlier, later) in pairs {
        let [a, b] = ctx.aligned([earlier, later]);
        if a.value != b.value && scopes(ctx, earlier) != scopes(ctx, later) {
            ctx.unchecked(
                later,
                "有多种读法：与前文同名的数口径可能不同（如全口径与一般公共预算）",
            );
            continue;
        }
        crate::rules::links::push_same(
            ctx,
            ClaimKind::SameFigure,
            earlier,
            later,
            "同一数字前后出现",
        )?;
    }
    Ok(())
}
