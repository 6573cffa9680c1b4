//! Totals a government's 决算 states over figures of other sentences: "财力 X。由 A，加 … B 构成" (X = A + B),
//! "…。加上级补助收入 B、…，收入总计 T" (T adds on to the figure of the sentence before), and the plans of a
//! 其中 list whose levels add up ("占年初预算 t 的 p%" beside each level).

use super::cues::Measure;
use super::fiscal::{account, clean, is_amount};
use super::frames::{Frame, Role};
use crate::error::Result;
use crate::num::verdict::Verdict;
use crate::rules::claim::ClaimKind;
use crate::rules::context::Ctx;
use std::collections::HashMap;

/// Whether the sentence holding token `tok` opens with 加 (加上级补助收入 …, not 加强 / 加快 / 加大) before
/// any figure: what it lists is added on to a figure of the sentence before.
pub fn opens_adding(ctx: &Ctx, tok: usize) -> bool {
    let t = ctx.tok(tok);
    let start = ctx.text.sentence_start(t.start);
    let opening = ctx.text.slice(start, t.start);
    let opening = opening.trim_start();
    opening.starts_with('加')
        && !["加强", "加快", "加大"]
            .iter()
            .any(|w| opening.starts_with(w))
        && ctx.first_at(start).is_none_or(|i| i == tok)
}

/// "财力 X。由 A，加 B、C 等 D 构成" / "支出总计 X，由 A，加 … 等 D 等构成": X = A + D, the parts named by 由 … 构成
/// right after X. The sentence says the list is whole, so a difference is a ✗.
pub fn made_of(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    let amounts: Vec<&Frame> = frames
        .iter()
        .filter(|f| is_amount(ctx, f) && f.paren.is_none())
        .collect();
    for (k, f) in amounts.iter().enumerate() {
        let lead = clean(&f.lead);
        if !lead.starts_with('由') || lead.starts_with("由于") || k == 0 {
            continue;
        }
        let Some(total) = amounts.get(k - 1) else {
            continue;
        };
        // X stands right before 由: nothing but punctuation between
        let between = ctx
            .text
            .slice(ctx.tok(total.tok).end, ctx.tok(f.tok).label_start);
        if !between.chars().all(|c| "，,。 ".contains(c)) || total.statement + 1 < f.statement {
            continue;
        }
        // the parts: this figure and those after it in its statement, up to 构成
        let mut parts = Vec::new();
        let mut closed = false;
        for g in amounts[k..]
            .iter()
            .take_while(|g| g.statement == f.statement)
        {
            parts.push(g.tok);
            let t = ctx.tok(g.tok);
            let after = ctx.text.slice(t.end, (t.end + 4).min(ctx.end));
            if after.trim_start_matches('等').starts_with("构成") {
                closed = true;
                break;
            }
        }
        let level = |tok: usize| {
            frames
                .iter()
                .any(|g| g.tok == tok && g.role == Role::Level(Measure::Current))
        };
        if !closed || parts.len() < 2 || !parts.iter().all(|&p| level(p)) || !level(total.tok) {
            continue;
        }
        if ctx.used.contains(&total.tok)
            || !parts
                .iter()
                .all(|&p| ctx.tok(p).class == ctx.tok(total.tok).class)
        {
            continue;
        }
        let last = *parts.last().unwrap_or(&total.tok);
        let span = ctx.span_of(total.tok, last);
        ctx.push_sum(ClaimKind::Sum, total.tok, &parts, span)?;
        if let Some(c) = ctx.claims.last_mut() {
            c.context = Some("由所列各项构成".into());
        }
    }
    Ok(())
}

/// "收入 T，占年初预算 t 的 p%。其中：税收收入 A，占年初预算 a 的 q%；非税收入 B，占年初预算 b 的 r%": once the
/// levels are found to add up (T = A + B), the plans they are measured on are checked too (t = a + b). Each
/// plan is bound to its level by the completion ratio that follows it, and all are named alike (年初预算 with
/// 年初预算). A plan set apart from its parts' plans is possible, so a difference is a 提示.
pub fn plans(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    // lookups built once (a search per list made long pastes quadratic): each token's frame, and the
    // verdict of the first sum claim on each total (by its span and number of inputs)
    let mut frame_of: HashMap<usize, usize> = HashMap::new();
    for (i, f) in frames.iter().enumerate() {
        frame_of.entry(f.tok).or_insert(i);
    }
    let mut verdicts: HashMap<(Option<(usize, usize)>, usize), Verdict> = HashMap::new();
    for c in &ctx.claims {
        let key = (c.inputs.first().and_then(|s| s.span), c.inputs.len());
        verdicts.entry(key).or_insert(c.check.verdict);
    }
    let plan_of = |tok: usize| -> Option<(usize, String)> {
        let i = *frame_of.get(&tok)?;
        let (whole, ratio) = (frames.get(i + 1)?, frames.get(i + 2)?);
        let lead = clean(&whole.lead);
        let named = ["预算", "计划"].iter().any(|w| lead.contains(w)) && lead.starts_with('占');
        let bound = matches!(ratio.role, Role::Completion { amount: Some(_) })
            && ratio.statement == whole.statement;
        (whole.role == Role::Whole && named && bound && whole.part == frames[i].part)
            .then_some((whole.tok, lead))
    };
    let lists = ctx.lists().to_vec();
    for list in lists {
        let span = ctx
            .text
            .span(ctx.tok(list.total).start, ctx.tok(list.total).end);
        let Some(&levels) = verdicts.get(&(Some(span), list.parts.len() + 1)) else {
            continue;
        };
        if !matches!(levels, Verdict::Ok | Verdict::Rounding) {
            continue;
        }
        let Some((total, name)) = plan_of(list.total) else {
            continue;
        };
        let parts: Option<Vec<usize>> = list
            .parts
            .iter()
            .map(|&p| plan_of(p).filter(|(_, n)| *n == name).map(|(t, _)| t))
            .collect();
        let Some(parts) = parts else { continue };
        if ctx.used.contains(&total) {
            continue;
        }
        account(ctx, total, &parts, &[], "预算数合计 = 分项预算数之和")?;
    }
    Ok(())
}

/// "一般公共预算收入 A，完成预算 …。其中：…。加上级补助收入 B、上年结余 C …，收入总计 T": a statement opening with
/// 加 adds on to the one level figure of the statement before it (a 其中 list between is passed over), so
/// T = A + B + C. When it does not add up, the base may be another figure, or the list end in 等: a 提示 at
/// most.
pub fn added_on(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    // by sentence (to a 。): a 其中 list's statement runs on into the 加 … that follows it
    let mut stmts: Vec<Vec<&Frame>> = Vec::new();
    let mut at = None;
    for f in frames {
        let start = ctx.text.sentence_start(ctx.tok(f.tok).start);
        match stmts.last_mut() {
            Some(s) if at == Some(start) => s.push(f),
            _ => stmts.push(vec![f]),
        }
        at = Some(start);
    }
    let level = |ctx: &Ctx, f: &Frame| {
        is_amount(ctx, f) && f.paren.is_none() && f.role == Role::Level(Measure::Current)
    };
    for (k, s) in stmts.iter().enumerate() {
        let Some(first) = s.first() else { continue };
        if !opens_adding(ctx, first.tok) {
            continue;
        }
        let amounts: Vec<&Frame> = s
            .iter()
            .copied()
            .filter(|f| is_amount(ctx, f) && f.paren.is_none())
            .collect();
        // the total closes the statement's amounts, every one before it a level of this year
        let Some((total, parts)) = amounts.split_last() else {
            continue;
        };
        let label = clean(&ctx.tok(total.tok).label);
        let totalled = super::cues::is_total_label(&label)
            || label.contains("总收入")
            || label.contains("总支出");
        if !totalled || parts.is_empty() || !amounts.iter().all(|f| level(ctx, f)) {
            continue;
        }
        if parts
            .iter()
            .any(|f| super::cues::is_total_label(&ctx.tok(f.tok).label))
        {
            continue;
        }
        // the statement added on to: back over 其中 lists, its one level figure
        let Some(base) = stmts[..k]
            .iter()
            .rev()
            .take(4)
            .find(|p| {
                !p.first().is_some_and(|f| {
                    f.statement_lists
                        || ctx
                            .text
                            .starts_with_at(ctx.text.sentence_start(ctx.tok(f.tok).start), "其中")
                })
            })
            .map(|p| {
                p.iter()
                    .copied()
                    .filter(|f| level(ctx, f))
                    .collect::<Vec<&Frame>>()
            })
        else {
            continue;
        };
        let [base] = base.as_slice() else { continue };
        if ctx.used.contains(&total.tok) || !ctx.same_document(base.tok, total.tok) {
            continue;
        }
        let all: Vec<usize> = std::iter::once(base.tok)
            .chain(parts.iter().map(|f| f.tok))
            .collect();
        // a list ending in 等 need not be whole: like any other here, a sum that does not hold is a 提示
        account(ctx, total.tok, &all, &[], "合计 = 前句的数加上所列各项")?;
    }
    Ok(())
}
