//! Totals and their parts: 其中 lists, bracketed parts after a figure, and a 合计/总计 at the end of a
//! list. Each measure is summed apart (决算 with 决算, 预算 with 预算, 上年 with 上年, changes with changes),
//! and a list ending in 等 is not complete, so it is not summed.

use super::cues::Sign;
use super::entities::Entity;
use super::frames::Frame;
use crate::error::Result;
use crate::num::figure::Figure;
use crate::num::verdict::check_sum;
use crate::rules::claim::ClaimKind;
use crate::rules::context::{unit_of, Ctx, List};

/// A measure of an entity.
type Pick = fn(&Entity) -> Option<usize>;

pub fn sums(ctx: &mut Ctx, frames: &[Frame], entities: &[Entity]) -> Result<()> {
    let picks: [Pick; 3] = [|e| e.current, |e| e.budget, |e| e.prior];
    // a part stated with no measure word of its own is of its total's measure ("“三公”经费预算数为 20.1
    // 万元……其中：公务接待费 16.7 万元")
    // lookups by token and by parent, built once (a search per entity made long pastes quadratic)
    let mut frame_of: Vec<Option<usize>> = vec![None; ctx.tokens.len()];
    for (fi, f) in frames.iter().enumerate() {
        if let Some(slot) = frame_of.get_mut(f.tok) {
            slot.get_or_insert(fi);
        }
    }
    let frame_at = |tok: usize| {
        frame_of
            .get(tok)
            .copied()
            .flatten()
            .and_then(|fi| frames.get(fi))
    };
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); entities.len()];
    let mut first_top: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (ei, e) in entities.iter().enumerate() {
        if let Some(k) = e.parent.and_then(|p| kids.get_mut(p)) {
            k.push(ei);
        }
        if e.parent.is_none() {
            first_top.entry(e.statement).or_insert(ei);
        }
    }
    let plain = |tok: usize| {
        frame_at(tok).is_some_and(|f| {
            !["决算", "实际", "执行", "完成", "支出数"]
                .iter()
                .any(|w| f.lead.contains(w))
        })
    };
    for (ti, t) in entities.iter().enumerate() {
        // the first list of this total (a bracket, or 其中): a second list names other parts
        let Some(list) = kids[ti].first().map(|&k| entities[k].list) else {
            continue;
        };
        let all: Vec<&Entity> = kids[ti]
            .iter()
            .map(|&k| &entities[k])
            .filter(|e| e.list == list)
            .collect();
        // the parts are the listed figures of one kind: a figure of another kind ends the list
        // ("…其他用车 1 辆；单价 50 万元以上设备 0 台")
        let kind_of = |e: &Entity| {
            e.current
                .or(e.budget)
                .or(e.prior)
                .map(|i| ctx.tok(i).class.clone())
        };
        let first_kind = all.first().and_then(|e| kind_of(e));
        // … and of the total's period: 当月 parts are not parts of a 累计 total
        let period_of = |e: &Entity| {
            e.current
                .or(e.budget)
                .or(e.prior)
                .and_then(frame_at)
                .and_then(|f| f.period)
        };
        let children: Vec<&Entity> = all
            .iter()
            .take_while(|e| kind_of(e).is_none() || kind_of(e) == first_kind)
            .copied()
            .collect();
        if children.iter().any(|c| period_of(c) != period_of(t)) {
            continue;
        }
        if children.len() < 2 {
            continue;
        }
        let mut summed = false;
        // "车辆 3 辆，价值 72.85 万元，其中：…用车 0 辆、…": the total is the figure of the parts' kind
        // stated last before the list
        let first_part = children
            .iter()
            .find_map(|c| c.current.or(c.budget).or(c.prior));
        // (the figures between the head and its list count: "备案 584 批次，完成政府采购 24617.99 万元，…其中，…")
        let before_list = kids[ti].first().copied().unwrap_or(ti).max(ti);
        let t = match (t.current, first_part) {
            (Some(c), Some(p)) if ctx.tok(c).class != ctx.tok(p).class => entities[..before_list]
                .iter()
                .rev()
                .take_while(|e| e.statement == t.statement)
                .find(|e| {
                    e.current
                        .is_some_and(|c| ctx.tok(c).class == ctx.tok(p).class)
                })
                .unwrap_or(t),
            _ => t,
        };
        // "收入 8,552 万元，…同口径完成 10,066 万元，…其中：税收收入 5,537 万元，非税收入 3,015 万元": the
        // list may be of the statement's first figure as well as of the last one before it
        // … but not a bracket right after the total ("公务用车购置及运行维护费 4.5 万元（购置费 0 万元、运行维护费
        // 4.5 万元）"): that lists the total's own parts
        let bracketed = match (t.current, first_part) {
            (Some(c), Some(p)) if p > c => {
                let between = ctx.text.slice(ctx.tok(c).end, ctx.tok(p).start);
                between
                    .trim_start_matches(['万', '亿', '元', ' '])
                    .starts_with(['（', '('])
            }
            _ => false,
        };
        let first_of_statement = first_top
            .get(&t.statement)
            .filter(|_| !bracketed)
            .filter(|&&fi| fi < ti)
            .map(|&fi| &entities[fi])
            .filter(|e| {
                !std::ptr::eq(*e, t)
                    && e.current.is_some()
                    && e.current.map(|c| &ctx.tok(c).class) == first_part.map(|p| &ctx.tok(p).class)
            });
        for (k, pick) in picks.iter().enumerate() {
            let Some(mut total) = pick(t) else { continue };
            let parts: Vec<usize> = children
                .iter()
                .filter_map(|c| {
                    pick(c).or_else(|| {
                        // a budget total's parts given as plain levels
                        (k == 1 && t.current.is_none())
                            .then_some(c.current)
                            .flatten()
                            .filter(|&cur| c.budget.is_none() && c.prior.is_none() && plain(cur))
                    })
                })
                .collect();
            if parts.len() != children.len() {
                continue;
            }
            if let Some(alt) = first_of_statement
                .and_then(|e| e.current)
                .filter(|_| k == 0)
            {
                if !fits(ctx, total, &parts) {
                    if fits(ctx, alt, &parts) {
                        total = alt;
                    } else {
                        ctx.unchecked(total, "有多种读法：其中所列可能是本句前面另一个数的分项");
                        summed = true;
                        continue;
                    }
                }
            }
            summed |= sum_of(ctx, total, &parts, false)?;
        }
        // the changes of a total and of its parts (比上年减少 233.34 万元，其中：A 减少 69.08 万元；…), one
        // sum per base (against 上年, against the budget)
        for &(total, tsign, base) in &t.changes {
            let parts: Vec<(usize, Sign)> = children
                .iter()
                .filter_map(|c| {
                    c.changes
                        .iter()
                        .find(|(_, _, b)| *b == base)
                        .map(|&(d, s, _)| (d, s))
                })
                .collect();
            // a saving (节约资金) says more than the levels do: it is checked beside their sum
            let tt = ctx.tok(total);
            let saving = tt.direction.is_some_and(|(_, w)| w.starts_with('节'))
                || (base == super::cues::Base::Budget
                    && ["节约", "节支"].iter().any(|w| tt.label.contains(w)));
            if parts.len() == children.len() && (!summed || t.current.is_none() || saving) {
                let was = ctx.used.contains(&total);
                signed_sum(ctx, (total, tsign), &parts)?;
                if saving && !was {
                    // still the saving of 采购预算 = 实际 + 节约资金
                    ctx.used.remove(&total);
                }
            }
        }
    }
    super::end_totals::totals_at_end(ctx, entities)
}

/// Whether total = Σ parts holds (within rounding), without reporting anything.
pub(super) fn fits(ctx: &Ctx, total: usize, parts: &[usize]) -> bool {
    ctx.sum_check(total, parts)
        .is_ok_and(|c| c.verdict != crate::num::verdict::Verdict::Mismatch)
}

/// Whether the list after `last` ends in 等 (其他 …等): then it need not be complete.
fn ends_in_etc(ctx: &Ctx, last: usize) -> bool {
    let t = ctx.tok(last);
    let after = ctx.text.slice(t.end, (t.end + 4).min(ctx.text.chars.len()));
    after.starts_with('等') || after.starts_with("）等") || after.starts_with(")等")
}

/// Checks total = Σ parts when all are figures of one kind; false when nothing was checked.
pub(super) fn sum_of(ctx: &mut Ctx, total: usize, parts: &[usize], closed: bool) -> Result<bool> {
    let same = |i: usize| ctx.tok(total).class == ctx.tok(i).class;
    if !parts.iter().all(|&p| same(p)) || ctx.used.contains(&total) {
        return Ok(false);
    }
    if let Some(&last) = parts.last() {
        if ends_in_etc(ctx, last) {
            ctx.unchecked(total, "列举以“等”结尾，未必列全，未核对合计");
            return Ok(false);
        }
    }
    let kind = if matches!(
        ctx.tok(total).class,
        crate::document::narrative::UnitClass::Count(_)
    ) {
        ClaimKind::Count
    } else {
        ClaimKind::Sum
    };
    let last = *parts.last().unwrap_or(&total);
    let span = ctx.span_of(total.min(last), last.max(total));
    ctx.push_sum(kind, total, parts, span)?;
    if !closed {
        may_be_partial(ctx, parts);
    }
    ctx.push_list(List {
        total,
        parts: parts.to_vec(),
    });
    Ok(true)
}

fn signed(ctx: &Ctx, i: usize, sign: Sign) -> Figure {
    let mut f = ctx.tok(i).figure.clone();
    if sign == Sign::Down {
        f.value = -f.value;
    }
    f
}

/// Σ of signed changes: the total change against its parts' changes.
fn signed_sum(ctx: &mut Ctx, (total, tsign): (usize, Sign), parts: &[(usize, Sign)]) -> Result<()> {
    if ctx.used.contains(&total) {
        return Ok(());
    }
    let last = parts.last().map_or(total, |p| p.0);
    let span = ctx.span_of(total.min(last), last.max(total));
    push_change_sum(ctx, (total, tsign), parts, span)?;
    // the changes listed after 其中 need not be all of them either ("比上年减少 5 万元，其中：公务接待费减少 2
    // 万元，公务用车运行维护费减少 1 万元" says nothing of 因公出国（境）费)
    let parts: Vec<usize> = parts.iter().map(|p| p.0).collect();
    may_be_partial(ctx, &parts);
    Ok(())
}

/// Pushes the sum claim of a total change (its sign as written) against its parts' signed changes, the
/// total marked used; the caller decides what a sum that does not hold means.
pub(super) fn push_change_sum(
    ctx: &mut Ctx,
    (total, tsign): (usize, Sign),
    parts: &[(usize, Sign)],
    span: (usize, usize),
) -> Result<()> {
    let mut figures: Vec<Figure> = std::iter::once(signed(ctx, total, tsign))
        .chain(parts.iter().map(|&(p, s)| signed(ctx, p, s)))
        .collect();
    crate::num::figure::align_money_units(&mut figures);
    let stated = figures.remove(0);
    let check = check_sum(&stated, &figures)?;
    let mut inputs = vec![ctx.source(total, "增减额合计")];
    for (k, &(p, _)) in parts.iter().enumerate() {
        let mut s = ctx.source(p, "分项增减额");
        s.value = figures.get(k).map_or(s.value, |f| f.value);
        inputs.push(s);
    }
    let unit = unit_of(ctx.tok(total));
    ctx.push(ClaimKind::Sum, check, span, inputs, &unit);
    ctx.used.insert(total);
    if let Some(c) = ctx.claims.last_mut() {
        c.written_negated = tsign == Sign::Down;
        c.context = Some("增减额合计".into());
    }
    Ok(())
}

/// Turns the sum just pushed from a ✗ into a 提示 when its list need not be complete. Parts that fall short
/// of their total are an error only in a list meant to be complete (the items of a known decomposition, or
/// one with 其他…): "实有人数 67 人，其中专业技术人员 64 人" need not list all; parts that exceed it may
/// overlap (其中 专业技术人员 …，临聘人员 …; 国家财政性教育经费 …，一般公共预算教育经费 …, the second inside
/// the first) or, for changes, be offset by an item not listed. Parts that add up to the total with two
/// digits swapped (579.46 for 579.64) are a slip, not a part left out: that stays a ✗.
fn may_be_partial(ctx: &mut Ctx, parts: &[usize]) {
    let labels: Vec<&str> = parts.iter().map(|&p| ctx.tok(p).label.as_str()).collect();
    if super::families::complete(&labels) {
        return;
    }
    if let Some(c) = ctx.claims.last_mut() {
        let swapped = c.check.recomputed.is_some_and(|r| {
            crate::rules::diagnosis::transposition(c.check.stated.value, r).is_some()
        });
        if c.check.verdict == crate::num::verdict::Verdict::Mismatch && !swapped {
            c.check.verdict = crate::num::verdict::Verdict::Notice;
            c.message = Some(if c.context.as_deref() == Some("增减额合计") {
                crate::report::wording::partial_changes(&c.check, &c.unit, false)
            } else {
                crate::report::wording::partial_list(&c.check, &c.unit)
            });
        }
    }
}
