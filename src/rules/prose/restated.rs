//! One “三公” item stated twice in other words ("其中：公务接待费 1.58 万元" and later
//! "2015年度我单位支出公务接待费为 1.58 万元"; "“三公”经费 41 万元" and "镇本级“三公”经费 41 万元"): the
//! same family item, measure and year. Two mentions whose names are the same word for word are left to
//! `links::same_figures` when it pairs them. Different figures are an error only when the two mentions name the same fund
//! scope (全口径, 一般公共预算 …) or neither names one; otherwise the pair is not checked.

use super::cues::Measure;
use super::families;
use super::frames::{Frame, Role};
use super::mentions::{budget_only, budget_part, heading_name, own_year, years_in_force};
use super::scopes::Scoped;
use crate::error::Result;
use crate::rules::claim::ClaimKind;
use crate::rules::context::Ctx;
use std::collections::HashMap;

/// What a change names: its own words without the direction ("公务接待费减少"), else, when they name no
/// 三公 item ("较2014年度增加"), the level just before it in its statement ("公务用车运行维护费28.91万元，
/// 较2014年度增加14.79万元").
fn change_subject(ctx: &Ctx, frames: &[Frame], n: usize) -> String {
    let own = ctx.tok(frames[n].tok).label.clone();
    let canon = families::canonical(&own);
    if canon.starts_with("#0") || canon.starts_with("#1") {
        return own;
    }
    frames[..n]
        .iter()
        .rev()
        .take_while(|g| g.statement == frames[n].statement)
        .find(|g| g.role != Role::Ignored)
        .filter(|g| matches!(g.role, Role::Level(Measure::Current | Measure::Budget)))
        .map(|g| ctx.tok(g.tok).label.clone())
        .unwrap_or_default()
}

/// Whether the words before token `i` in its sentence say it was spent ("支出总额 2.2 万元", "其中公务接待费
/// 2.2 万元" after it) and do not name a budget ("预算总额为 2.5 万元，其中……运行费支出 1.5 万元" is one).
fn says_spent(ctx: &Ctx, i: usize) -> bool {
    let t = ctx.tok(i);
    let before = ctx.text.slice(ctx.text.sentence_start(t.start), t.start);
    before.contains("支出") && !before.contains("预算")
}

pub fn restated(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    let mut first: HashMap<(String, String, Option<rust_decimal::Decimal>), Vec<usize>> =
        HashMap::new();
    let mut pairs = Vec::new();
    let mut mentions = Vec::new();
    let mut last_year = None;
    // levels taken for budgets because the text never says 决算, though their sentence says 支出 ("支出总额
    // 2.2 万元"): budget texts write "公务接待费支出 0.36 万元" for the budget, but the figure may be the
    // spending, so one that differs from a figure not so written is not judged
    let mut spent_words = std::collections::HashSet::new();
    let budget_only = budget_only(ctx);
    let in_force = years_in_force(ctx);
    // a set: asked once per figure of this year, a scan of every budget was quadratic on long texts
    let budgets: std::collections::HashSet<usize> = frames
        .iter()
        .filter(|f| f.role == Role::Level(Measure::Budget))
        .map(|f| f.tok)
        .collect();
    for (n, f) in frames.iter().enumerate() {
        // a name that says 预算 is a budget whatever the sentence made of it ("“三公经费”部门预算451.62万元"),
        // and one that says 决算 and 预算 both is left alone
        let label = &ctx.tok(f.tok).label;
        let measure = match (
            f.role.clone(),
            label.contains("预算"),
            label.contains("决算"),
        ) {
            (_, true, true) => continue,
            (Role::Level(Measure::Current), true, false) => "budget".to_string(),
            (Role::Level(Measure::Current), false, _) => {
                if budget_only || budget_part(ctx, &budgets, f.tok) {
                    if budget_only && says_spent(ctx, f.tok) {
                        spent_words.insert(f.tok);
                    }
                    "budget".to_string()
                } else {
                    "current".to_string()
                }
            }
            (Role::Level(Measure::Budget), _, false) => "budget".to_string(),
            (Role::Change { sign, base }, _, _) => format!("{sign:?} {base:?}"),
            _ => continue,
        };
        let change = measure.contains(' ');
        let t = ctx.tok(f.tok);
        // money only: a count of the same name ("国内公务接待 275 批次") must not stand in as the first mention
        if t.class != crate::document::narrative::UnitClass::Amount {
            continue;
        }
        // the 三公 items only: every disclosure has one set of them, while 收入合计, 一般公共预算收入 … recur
        // per fund, per city, per month in a government's report
        let name = if change {
            change_subject(ctx, frames, n)
        } else {
            heading_name(ctx, f.tok).unwrap_or_else(|| t.label.clone())
        };
        // "公车购置费" is the 公务用车购置费 (the family words, which lists read too, leave it out)
        let canon = families::canonical(&name.replace("公车购置", "公务用车购置"));
        if !(canon.starts_with("#0") || canon.starts_with("#1")) {
            continue;
        }
        mentions.push(f.tok);
        // a statement that names no year is of the year of the mention before it (the years of the reasons
        // between, "2021年和2020年公务接待任务相同", are not periods)
        // a change is of the year its statement names that is no comparison's, else of the year in force
        let year = if change {
            own_year(ctx, f.tok, false).or(in_force[f.tok])
        } else {
            let year = own_year(ctx, f.tok, true).or(last_year).or(in_force[f.tok]);
            last_year = year;
            year
        };
        let key = (canon, measure, year);
        let earlier: Vec<usize> = first
            .get(&key)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&e| {
                ctx.same_document(e, f.tok)
                    && ctx.tok(e).class == t.class
                    && ctx.tok(e).sentence != t.sentence
            })
            .collect();
        if !earlier.is_empty() {
            pairs.push((earlier, f.tok));
        }
        first.entry(key).or_default().push(f.tok);
    }
    let scoped = Scoped::new(ctx, &mentions);
    for (candidates, later) in pairs {
        // the latest mention before of the same scope, else the first (then only equal figures agree)
        let Some(earlier) = candidates
            .iter()
            .rev()
            .copied()
            .find(|&e| scoped.same(ctx, e, later))
            .or(candidates.first().copied())
        else {
            continue;
        };
        // the same words are `links::same_figures`' pair, unless it could not tell the two apart from other
        // quantities (a 其中 part, a clause that also compares: "其中：公务接待费 20 万元")
        let linked = crate::rules::links::identity(ctx, earlier)
            .is_some_and(|x| crate::rules::links::identity(ctx, later) == Some(x));
        if ctx.tok(earlier).label == ctx.tok(later).label && linked {
            continue;
        }
        let [a, b] = ctx.aligned([earlier, later]);
        if a.value != b.value && spent_words.contains(&earlier) != spent_words.contains(&later) {
            ctx.unchecked(
                later,
                "有多种读法：文中未写决算，一处写作支出，可能一为预算数、一为支出数",
            );
            continue;
        }
        if a.value != b.value && !scoped.same(ctx, earlier, later) {
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
