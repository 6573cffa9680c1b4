//! A revenue total broken down along a named dimension in the statements after it, as budget-execution
//! reports write it: "全县完成财政总收入 4348 万元……。其中：税收收入 3511 万元……；非税收入 837 万元……。按级次分：
//! 上划中省收入 2628 万元……。完成地方一般公共预算收入 1720 万元……。地方收入按部门分：税务部门完成 1431 万元
//! ……；财政部门完成 289 万元". Each dimension is a set of items that together are the whole (税收 + 非税; 上划 +
//! 地方; 税务部门 + 财政部门; 中央级 + 省级 + 市地方), so one total may be decomposed two or three ways, each
//! its own claim. The items' budgets (占年初预算 X 的 y%), last year's figures and changes (增收 …) add up as
//! the levels do, and an item's bare 占比 X% is its share of the total once the items are known to make it
//! up. Parts found across statements may still be told of another scope, so a sum that does not
//! hold is a 提示, never a ✗.

use super::breakdown_sums::{change_sum, derived_growth, level_sum};
use super::claims::normalize;
use super::cues::{Base, Measure, Sign};
use super::dimensions::{is_head, Dimension, DIMENSIONS, TIERS};
use super::frames::{Frame, Role};
use crate::error::Result;
use crate::num::verdict::Verdict;
use crate::rules::context::Ctx;

/// How many statements after its total a part may stand.
const REACH: usize = 8;

/// The name a level is stated under: its label without the words of time; a label that names only the
/// period (累计完成 …) is of the subject the statement named before ("中央级……收入当月完成 5 亿元，累计完成
/// 188 亿元").
fn name_of(ctx: &Ctx, frames: &[Frame], k: usize) -> String {
    // a label cut short at 、 ("上划中、省、市收入" labelled "市收入") is read with the words before it
    let bare = |g: &Frame| {
        let label = &ctx.tok(g.tok).label;
        let lead = g.lead.trim();
        let full = if lead.ends_with(label.trim()) {
            lead
        } else {
            label
        };
        let mut s = normalize(full);
        for w in ["当月", "本月", "同口径", "1-", "月"] {
            s = s.replace(w, "");
        }
        normalize(&s)
    };
    let Some(f) = frames.get(k) else {
        return String::new();
    };
    let own = bare(f);
    if own.chars().count() >= 2 {
        return own;
    }
    frames[..k]
        .iter()
        .rev()
        .take_while(|g| g.statement == f.statement)
        .find(|g| g.role == Role::Level(Measure::Current))
        .map(bare)
        .filter(|n| n.chars().count() >= 2)
        .unwrap_or(own)
}

/// What a level says beside it in its sub-statement: its budget (占年初预算 X 的 …), last year's figure and
/// its change against last year, each the first of its kind before the next level.
#[derive(Default, Clone, Copy)]
pub(super) struct Beside {
    budget: Option<usize>,
    prior: Option<usize>,
    pub(super) change: Option<(usize, Sign)>,
    /// A bare 占比 X% (no whole named): the item's share of the total it is an item of.
    share: Option<usize>,
    /// Its growth rate against last year (not an average over years).
    rate: Option<(usize, Sign)>,
}

pub(super) fn beside(frames: &[Frame], k: usize) -> Beside {
    let mut b = Beside::default();
    let Some(f) = frames.get(k) else { return b };
    for g in frames[k + 1..]
        .iter()
        .take_while(|g| g.statement == f.statement && g.part == f.part)
    {
        if g.paren != f.paren {
            continue;
        }
        match &g.role {
            Role::Level(Measure::Current) => break,
            Role::Level(Measure::Budget) | Role::Whole if g.lead.contains("预算") => {
                b.budget.get_or_insert(g.tok);
            }
            Role::Level(Measure::Prior) => {
                b.prior.get_or_insert(g.tok);
            }
            Role::Rate {
                sign,
                base: Base::Prior,
            } if !g.lead.contains("平均") => {
                b.rate.get_or_insert((g.tok, *sign));
            }
            Role::Share {
                whole: None,
                amount: None,
            } if g.lead.trim() == "占比" => {
                b.share.get_or_insert(g.tok);
            }
            Role::Change {
                sign,
                base: Base::Prior,
            } => {
                b.change.get_or_insert((g.tok, *sign));
            }
            _ => {}
        }
    }
    b
}

pub fn breakdowns(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    // only levels outside brackets are totals or items: the others are never asked their name
    let names: Vec<String> = (0..frames.len())
        .map(|k| {
            let f = &frames[k];
            if f.role == Role::Level(Measure::Current) && f.paren.is_none() {
                name_of(ctx, frames, k)
            } else {
                String::new()
            }
        })
        .collect();
    for (k, f) in frames.iter().enumerate() {
        // a figure in brackets (扣除留抵退税（196.6 亿元）因素后) is an aside, not a total
        if f.role != Role::Level(Measure::Current) || f.paren.is_some() || !is_head(&names[k]) {
            continue;
        }
        for d in &DIMENSIONS {
            if (d.item)(&names[k]).is_some() {
                continue; // an item of this dimension is not broken down along it
            }
            let Some(found) = items_after(ctx, frames, &names, k, d) else {
                continue;
            };
            let toks: Vec<usize> = found
                .parts
                .iter()
                .filter_map(|&p| frames.get(p))
                .map(|g| g.tok)
                .collect();
            // parts a 其中 list already summed with another total are that total's
            let theirs = toks.iter().all(|&t| {
                ctx.lists_with_part(t).next().is_some()
                    && ctx.lists_with_part(t).all(|l| l.total != f.tok)
            });
            if theirs {
                continue;
            }
            if !super::lists::fits(ctx, f.tok, &toks) {
                // another level of the total's kind in its statement ("调整为 368000 万元，实际收入 377841
                // 万元") may be what the parts add up to: that one when it alone fits, else no reading
                let first = found.parts.first().copied().unwrap_or(k);
                let others: Vec<usize> = frames[..first]
                    .iter()
                    .enumerate()
                    .filter(|&(j, g)| {
                        // a 累计 figure beside a 当月 total is the other period's, not another reading
                        j != k
                            && g.statement == f.statement
                            && g.period == f.period
                            && g.role == Role::Level(Measure::Current)
                            && g.paren.is_none()
                            && ctx.tok(g.tok).class == ctx.tok(f.tok).class
                    })
                    .map(|(_, g)| g.tok)
                    .collect();
                if !others.is_empty() {
                    let fit: Vec<usize> = others
                        .into_iter()
                        .filter(|&o| super::lists::fits(ctx, o, &toks))
                        .collect();
                    if let [one] = fit[..] {
                        level_sum(ctx, one, &toks)?;
                    }
                    continue;
                }
                // parts with other figures between them and the total may be of something else: a sum
                // that does not hold is told only when nothing stands between
                if !found.tight {
                    continue;
                }
            }
            decompose(ctx, frames, k, &found.parts)?;
        }
    }
    Ok(())
}

/// The items found after a total: their frames, and whether only items (of any dimension) stand between.
struct Found {
    parts: Vec<usize>,
    tight: bool,
}

/// The scope a figure is told of: the last scope word (全县, 省级, 盟本级 …) in its statement before it.
fn scope_at(ctx: &Ctx, tok: usize) -> Option<String> {
    let t = ctx.tok(tok);
    let text: Vec<char> = ctx
        .text
        .slice(ctx.text.sentence_start(t.start), t.start)
        .chars()
        .collect();
    let areas = "省市县区州盟旗镇乡";
    let mut last = None;
    for (i, w) in text.windows(2).enumerate() {
        let (a, b) = (w[0], w[1]);
        if (a == '全' && areas.contains(b)) || (areas.contains(a) && b == '级') {
            last = Some((i, format!("{a}{b}")));
        }
    }
    last.map(|(_, s)| s)
}

/// The frames of the items of dimension `d` after the total at frame `k`: the first level of each item,
/// of the total's kind, period and scope, before another total. None unless all are there, or when an
/// item is stated twice.
fn items_after(
    ctx: &Ctx,
    frames: &[Frame],
    names: &[String],
    k: usize,
    d: &Dimension,
) -> Option<Found> {
    let f = frames.get(k)?;
    let total = f.tok;
    let scope = scope_at(ctx, total);
    // a total broken down by tier is the whole area's (全市), or of no scope named
    let tiers = std::ptr::eq(d, &DIMENSIONS[TIERS]);
    if tiers && scope.as_ref().is_some_and(|s| !s.starts_with('全')) {
        return None;
    }
    let mut found: Vec<Vec<usize>> = vec![Vec::new(); d.size];
    let mut tight = true;
    let mut last_item = None;
    for (j, g) in frames.iter().enumerate().skip(k + 1) {
        if g.statement > f.statement + REACH || !ctx.same_document(total, g.tok) {
            break;
        }
        if g.role != Role::Level(Measure::Current)
            || g.paren.is_some()
            || ctx.tok(g.tok).class != ctx.tok(total).class
        {
            continue;
        }
        let name = &names[j];
        let item = (d.item)(name);
        let complete = found.iter().all(|f| !f.is_empty());
        // 当月 parts are not parts of a 累计 total, nor does a 累计 total end the 当月 list; parts of no
        // period named are of a 累计 total's ("1-4 月……累计完成 24627 万元……其中：税收收入 8103 万元")
        if g.period != f.period && !(g.period.is_none() && f.period == Some("累计")) {
            continue;
        }
        // another total of this kind ("在 41 个县……一般公共预算收入完成 151 亿元") has parts of its own
        if item.is_none() && (is_head(name) || *name == names[k]) {
            break;
        }
        // items told of another scope (旗级 total, 全盟 收入结构) are not its parts
        if let (Some(a), Some(b)) = (&scope, scope_at(ctx, g.tok)) {
            if *a != b && !tiers {
                break;
            }
        }
        let Some(i) = item else {
            if complete {
                break;
            }
            if !DIMENSIONS.iter().any(|o| (o.item)(name).is_some()) {
                tight = false;
            }
            last_item = None;
            continue;
        };
        let slot = found.get_mut(i)?;
        let repeat = d.repeats
            && i == 0
            && last_item == Some(0)
            && slot.iter().all(|&p| names.get(p) != Some(name));
        if slot.is_empty() || repeat {
            slot.push(j);
            last_item = Some(i);
        } else if complete {
            break;
        } else {
            return None; // an item stated twice: which one is the part is not certain
        }
    }
    if found.iter().any(Vec::is_empty) {
        return None;
    }
    let mut parts: Vec<usize> = found.into_iter().flatten().collect();
    parts.sort_unstable();
    Some(Found { parts, tight })
}

/// The sums of the total at frame `k` and its parts: the levels, and each measure beside them that all
/// state (their budgets, last year's figures, their changes).
fn decompose(ctx: &mut Ctx, frames: &[Frame], k: usize, parts: &[usize]) -> Result<()> {
    let head = beside(frames, k);
    let sides: Vec<Beside> = parts.iter().map(|&p| beside(frames, p)).collect();
    let tok = |fi: usize| frames.get(fi).map(|g| g.tok);
    let (Some(total), Some(levels)) = (
        tok(k),
        parts
            .iter()
            .map(|&p| tok(p))
            .collect::<Option<Vec<usize>>>(),
    ) else {
        return Ok(());
    };
    level_sum(ctx, total, &levels)?;
    type Side = fn(&Beside) -> Option<usize>;
    let measures: [Side; 2] = [|b| b.budget, |b| b.prior];
    for m in measures {
        if let (Some(t), Some(ps)) = (m(&head), sides.iter().map(m).collect::<Option<Vec<_>>>()) {
            level_sum(ctx, t, &ps)?;
        }
    }
    if let (Some(t), Some(ps)) = (
        head.change,
        sides.iter().map(|b| b.change).collect::<Option<Vec<_>>>(),
    ) {
        change_sum(ctx, t, &ps)?;
    }
    // "税收收入……累计完成 137.4 亿元，增长 42.6%，占比 86.5%": each item's share of the total, once the items
    // are known to make it up
    let holds = ctx
        .sum_check(total, &levels)
        .is_ok_and(|c| matches!(c.verdict, Verdict::Ok | Verdict::Rounding));
    if holds {
        for (side, &part) in sides.iter().zip(&levels) {
            if let Some(share) = side.share {
                ctx.push_share(part, total, share)?;
            }
        }
        // "收入完成 25707 万元，同比增长 12.3%。其中：税收……同比增加 909 万元；非税……同比增加 1910 万元": the
        // total's change is its items' changes together
        if let (None, Some(rate), Some(changes)) = (
            head.change,
            head.rate,
            sides.iter().map(|b| b.change).collect::<Option<Vec<_>>>(),
        ) {
            if !ctx.used.contains(&rate.0) {
                derived_growth(ctx, total, &changes, rate)?;
            }
        }
    }
    Ok(())
}
