//! The 公务用车 item stated on its own and its two parts listed after 其中, often in the statements that
//! follow ("2.公务用车购置及运行维护费 1.5 万元。其中：\n2018 年公务用车购置经费预算数 0 万元，与上年预算数相比
//! 无变化；公务用车运行维护费 1.5 万元，…"). The item is always made of 购置费 and 运行维护费: with both listed
//! the sum is checked; with one, only a sum that holds is confirmed (the other may be left out as nil).

use super::families;
use super::frames::{Frame, Role};
use crate::error::Result;
use crate::num::verdict::Verdict;
use crate::rules::claim::ClaimKind;
use crate::rules::context::Ctx;

/// The family of the 公务用车 item's two parts.
const CAR: usize = 1;
/// How many statements after the item its parts may stand (其中： on its own line is one).
const REACH: usize = 3;

fn is_level(ctx: &Ctx, f: &Frame) -> bool {
    matches!(f.role, Role::Level(_)) && f.paren.is_none() && ctx.tok(f.tok).is_level_amount()
}

fn is_year(ctx: &Ctx, i: usize) -> bool {
    let f = &ctx.tok(i).figure;
    f.unit.is_empty() && f.scale == 0 && (1990..=2100).contains(&f.value.mantissa())
}

pub fn car_parts(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    for (k, f) in frames.iter().enumerate() {
        let total = f.tok;
        let label = &ctx.tok(total).label;
        if !is_level(ctx, f)
            || families::family_of_total(label) != Some(CAR)
            || ctx.used.contains(&total)
            || ctx.is_list_total(total)
        {
            continue;
        }
        // the figures after it: years and list numbers, then its parts, nothing else
        let mut parts: Vec<Option<usize>> = vec![None; families::size(CAR)];
        let mut first = None;
        for g in frames.iter().skip(k + 1) {
            if g.statement > f.statement + REACH || !ctx.same_document(g.tok, total) {
                break;
            }
            if g.role == Role::Ignored {
                // a year other than the item's is another quantity
                if is_year(ctx, g.tok)
                    && ctx
                        .year_of(total)
                        .is_some_and(|y| y != ctx.tok(g.tok).figure.value)
                {
                    break;
                }
                continue;
            }
            if matches!(g.role, Role::Change { .. } | Role::Rate { .. }) {
                continue;
            }
            let gl = &ctx.tok(g.tok).label;
            let item = families::item_in(gl, CAR).filter(|_| {
                families::family_of_total(gl).is_none() && families::same_scope(label, gl)
            });
            match (is_level(ctx, g), item) {
                (true, Some(ii)) => match parts.get_mut(ii) {
                    Some(slot @ None) => {
                        *slot = Some(g.tok);
                        first.get_or_insert(g.tok);
                    }
                    _ => break,
                },
                _ => break,
            }
        }
        let Some(first) = first else {
            continue;
        };
        let between = ctx.text.slice(
            ctx.tok(total).end,
            ctx.tok(first).label_start.min(ctx.tok(first).start),
        );
        if !between.contains("其中") {
            continue;
        }
        let listed: Vec<usize> = parts.iter().flatten().copied().collect();
        if listed
            .iter()
            .any(|p| ctx.used.contains(p) || ctx.is_listed_part(*p))
        {
            continue;
        }
        let all = listed.len() == parts.len();
        if !all && ctx.sum_check(total, &listed)?.verdict != Verdict::Ok {
            ctx.unchecked(total, "公务用车分项未列全，未核对合计");
            continue;
        }
        let last = listed.iter().copied().max().unwrap_or(first);
        let span = ctx.span_of(total, last);
        ctx.push_sum(ClaimKind::Sum, total, &listed, span)?;
        if all {
            ctx.push_list(crate::rules::context::List {
                total,
                parts: listed,
            });
        }
    }
    Ok(())
}
