//! A family total's 增减额 and its items' 增减额 against the same base, stated in the statements after it
//! ("“三公”经费较上年减少 15.29 万元，下降 49.88%，较年初预算数减少 0.04 万元。主要是……。其中：公务用车购置
//! 及运行维护费较上年减少 2.90 万元，较年初预算数减少 0.04 万元……；公务接待费较上年减少 12.39 万元……"). A
//! change whose clause opens with its comparison (较年初预算数减少 …) is of the subject named just before it in
//! its sub-statement. The items' changes must add up to the total's only when every item is there (or
//! said to be nil: 无因公出国（境）费); a list that may leave one out is only confirmed when it holds.

use super::cues::{Base, Sign};
use super::families;
use super::frames::{Frame, Role};
use crate::document::narrative::UnitClass;
use crate::error::Result;
use crate::num::verdict::Verdict;
use crate::rules::claim::ClaimKind;
use crate::rules::context::Ctx;

/// How many statements after the total's change an item's change may stand (one statement per item, and a
/// reason sentence or two between).
const REACH: usize = 6;

/// What a change is of: the family total, an item of it, or something else.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Of {
    Total,
    Item(usize),
    /// One of the two parts of the 公务用车 item (购置费, 运行维护费), when it is stated as its parts.
    Car(usize),
    Other,
}

/// The family of the 公务用车 item's two parts.
const CAR: usize = 1;
/// The 公务用车 item of the 三公 family.
const CAR_ITEM: usize = 2;

/// Words that open a clause comparing the subject named before it.
const COMPARING: [&str; 5] = ["较", "比", "与", "同比", "相比"];

/// What each change frame of family `fi` is of (None for a frame that is not an amount change).
fn subjects(ctx: &Ctx, frames: &[Frame], fi: usize) -> Vec<Option<Of>> {
    let mut out = vec![None; frames.len()];
    let mut last: Option<(usize, usize, Of)> = None; // statement, part, subject
    for (k, f) in frames.iter().enumerate() {
        let label = ctx.tok(f.tok).label.trim();
        let own = if families::family_of_total(label) == Some(fi) {
            Some(Of::Total)
        } else {
            families::item_in(label, fi)
                .map(Of::Item)
                .or_else(|| families::item_in(label, CAR).map(Of::Car))
        };
        // a level names the subject the changes after it in its sub-statement compare ("因公出国（境）经费支出
        // 1113.81 万元，完成年初预算 80.7%，比年初预算减少 266.46 万元")
        if let Role::Level(_) = f.role {
            last = Some((f.statement, f.part, own.unwrap_or(Of::Other)));
            continue;
        }
        let Role::Change { .. } = f.role else {
            continue;
        };
        let of = match own {
            Some(o) => o,
            None => match last {
                Some((s, p, o))
                    if s == f.statement
                        && p == f.part
                        && COMPARING.iter().any(|w| label.starts_with(w)) =>
                {
                    o
                }
                _ => Of::Other,
            },
        };
        last = Some((f.statement, f.part, of));
        if ctx.tok(f.tok).class == UnitClass::Amount {
            if let Some(slot) = out.get_mut(k) {
                *slot = Some(of);
            }
        }
    }
    out
}

fn change_of(f: &Frame) -> Option<(Sign, Base)> {
    match f.role {
        Role::Change { sign, base } => Some((sign, base)),
        _ => None,
    }
}

/// Whether the text says item `ii` of family `fi` is nil ("其中：无因公出国（境）费；").
pub(super) fn said_nil(text: &str, fi: usize, ii: usize) -> bool {
    let words = families::item_words(fi, ii);
    words
        .iter()
        .any(|w| text.contains(&format!("无{w}")) || text.contains(&format!("没有{w}")))
}

pub fn change_sums(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    // the 三公 family only: its three items are always all there, so a list of their changes is complete
    let fi = 0;
    let of = subjects(ctx, frames, fi);
    for (k, f) in frames.iter().enumerate() {
        let (Some(Some(Of::Total)), Some((sign, base))) = (of.get(k), change_of(f)) else {
            continue;
        };
        let total = f.tok;
        if ctx.used.contains(&total) || ctx.is_list_total(total) {
            continue;
        }
        let year = ctx.year_of(total);
        let mut found: Vec<Option<usize>> = vec![None; families::size(fi)];
        let mut car: Vec<Option<usize>> = vec![None; families::size(CAR)];
        let mut mixed = false;
        let mut last = total;
        for (j, g) in frames.iter().enumerate().skip(k + 1) {
            if g.statement > f.statement + REACH || !ctx.same_document(g.tok, total) {
                break;
            }
            let Some((gsign, gbase)) = change_of(g) else {
                continue;
            };
            if gbase != base {
                continue;
            }
            match of.get(j).copied().flatten() {
                Some(Of::Total) => break, // the next total's change
                Some(o @ (Of::Item(_) | Of::Car(_))) => {
                    let t = ctx.tok(g.tok);
                    if year.is_some() && ctx.year_of(g.tok).is_some_and(|y| Some(y) != year) {
                        continue;
                    }
                    if !families::same_scope(&ctx.tok(total).label, &t.label) {
                        continue;
                    }
                    let slot = match o {
                        Of::Item(ii) => found.get_mut(ii),
                        Of::Car(ii) => car.get_mut(ii),
                        _ => None,
                    };
                    if let Some(slot @ None) = slot {
                        *slot = Some(g.tok);
                        mixed |= gsign != sign;
                        last = g.tok;
                    }
                }
                _ => {}
            }
        }
        // 公务用车 stated as its two parts when its subtotal is not
        if found.get(CAR_ITEM) == Some(&None) && car.iter().all(Option::is_some) {
            if let Some(slot) = found.get_mut(CAR_ITEM) {
                *slot = car.first().copied().flatten();
            }
        } else {
            car = vec![None; 0];
        }
        let parts: Vec<usize> = found
            .iter()
            .enumerate()
            .flat_map(|(ii, x)| match (ii == CAR_ITEM, car.is_empty()) {
                (true, false) => car.iter().flatten().copied().collect::<Vec<_>>(),
                _ => x.iter().copied().collect(),
            })
            .collect();
        if parts.len() < 2
            || parts
                .iter()
                .any(|p| ctx.used.contains(p) || ctx.is_listed_part(*p))
        {
            continue;
        }
        if mixed {
            // an item that went the other way is a negative part; such lists are rare and left to a reader
            ctx.reasons
                .insert(total, "各分项增减方向不一，未核对增减额合计");
            continue;
        }
        let between = ctx.text.slice(ctx.tok(total).end, ctx.tok(last).start);
        let all = found
            .iter()
            .enumerate()
            .all(|(ii, x)| x.is_some() || said_nil(&between, fi, ii));
        // a list that may leave an item out confirms only an exact sum: a 尾差 could be the missing item
        let check = ctx.sum_check(total, &parts)?;
        let holds = check.verdict == Verdict::Ok;
        if !(holds || all) && check.verdict != Verdict::Mismatch {
            ctx.reasons
                .insert(total, "各分项的增减额未必列全，未核对增减额合计");
            continue;
        }
        let span = ctx.span_of(total, total);
        ctx.push_sum(ClaimKind::Sum, total, &parts, span)?;
        if let Some(c) = ctx.claims.last_mut() {
            c.context = Some("增减额合计与后文逐项所列".into());
            // items' changes that do not add up when an item may be left out: a 提示 (the missing item's
            // change may make up the difference)
            if !(holds || all) {
                c.check.verdict = Verdict::Notice;
                c.message = Some(crate::report::wording::partial_changes(
                    &c.check,
                    &c.unit,
                    sign == Sign::Down,
                ));
            }
        }
        if holds || all {
            ctx.push_list(crate::rules::context::List { total, parts });
        }
    }
    Ok(())
}
