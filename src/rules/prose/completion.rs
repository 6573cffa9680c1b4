//! Completion ratios (完成年初预算的 X%) whose budget is not stated beside the actual: the budget worked out
//! from the change against it in the same clause chain ("支出 9615.12 万元，完成年初预算 71.21%，比年初预算
//! 减少 3887.49 万元"), or the one budget of the same subject stated just before ("全县支出调整预算为 97842 万
//! 元。全县一般公共预算支出 91759 万元，完成调整预算的 93.8%"; "收入调整为 368000 万元，实际收入 377841 万元，
//! …完成调整预算的 102.67%"). Two possible budgets leave the ratio unchecked, with the reason.

use super::claims;
use super::cues::{Base, Sign};
use super::entities::Entity;
use super::frames::{Frame, Role};
use super::words::{self, fits, kind_of, Index, Kind};
use crate::document::narrative::UnitClass;
use crate::error::Result;
use crate::num::rates::{rate, sub, RateKind};
use crate::num::verdict::check_rate;
use crate::rules::claim::{ClaimKind, Source};
use crate::rules::context::Ctx;
use rust_decimal::Decimal;

/// Completion ratios the entity rules left without a budget.
pub fn completion(ctx: &mut Ctx, frames: &[Frame], entities: &[Entity]) -> Result<()> {
    let index = Index::new(frames, entities, ctx.tokens.len());
    for e in entities {
        for &fi in &e.ratios {
            let Some(f) = frames.get(fi) else { continue };
            if !matches!(f.role, Role::Completion { amount: None }) {
                continue;
            }
            let p = f.tok;
            let (Some(actual), None) = (e.current, e.budget) else {
                continue;
            };
            if ctx.used.contains(&p) || ctx.tok(actual).class != UnitClass::Amount {
                continue;
            }
            let asked = kind_of(&f.lead);
            if let Some((d, sign)) = change_against_budget(ctx, &index, e, asked) {
                push_derived(ctx, actual, d, sign, p)?;
                continue;
            }
            match budget_before(ctx, &index, actual, asked) {
                Ok(Some(b)) => claims::push_completion(ctx, b, actual, p)?,
                Ok(None) => {}
                // a more precise reason than "not stated" (the entity rules gave that one first)
                Err(reason) => {
                    ctx.reasons.insert(p, reason);
                }
            }
        }
    }
    Ok(())
}

/// The one 增减额 against the budget an entity states ("比年初预算减少 3887.49 万元"), of the budget the
/// ratio names.
fn change_against_budget(
    ctx: &Ctx,
    index: &Index,
    e: &Entity,
    asked: Kind,
) -> Option<(usize, Sign)> {
    let found: Vec<(usize, Sign)> = e
        .changes
        .iter()
        .filter(|(d, _, base)| {
            *base == Base::Budget
                && ctx.tok(*d).class == UnitClass::Amount
                && fits(asked, kind_of(index.lead(*d)))
                && matches!(index.role(*d), Some(Role::Change { .. }))
        })
        .map(|&(d, sign, _)| (d, sign))
        .collect();
    match found[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// 完成预算 = 决算 ÷ (决算 − 比预算增减额).
fn push_derived(ctx: &mut Ctx, actual: usize, d: usize, sign: Sign, stated: usize) -> Result<()> {
    let [fa, mut fd] = ctx.aligned([actual, d]);
    if sign == Sign::Down {
        fd.value = -fd.value;
    }
    let formula = |a: Decimal, delta: Decimal| rate(RateKind::Completion, sub(a, delta)?, a);
    let check = check_rate(formula, &fa, &fd, &ctx.tok(stated).figure)?;
    let budget = sub(fa.value, fd.value)?;
    let td = ctx.tok(d);
    let inputs = vec![
        Source::derived("预算数", budget),
        ctx.source(actual, "决算数"),
        Source {
            name: "比预算增减额".into(),
            value: fd.value,
            span: Some(ctx.text.span(td.start, td.end)),
        },
    ];
    let span = ctx.span_of(actual.min(d).min(stated), actual.max(d).max(stated));
    ctx.push(ClaimKind::Completion, check, span, inputs, "%");
    ctx.set_stated(stated);
    ctx.used.insert(stated);
    if let Some(c) = ctx.claims.last_mut() {
        c.context = Some("预算数 = 决算数 − 比预算增减额".into());
    }
    Ok(())
}

/// Whether a level is a budget: read so, or stated as what the budget was changed to ("收入调整为 368000 万元").
fn is_budget(index: &Index, k: usize) -> bool {
    let lead = index.lead(k).trim_end();
    let adjusted_to = ["调整为", "调整后为", "调整到", "调整至"]
        .iter()
        .any(|w| lead.ends_with(w));
    matches!(
        index.role(k),
        Some(Role::Level(super::cues::Measure::Budget))
    ) || adjusted_to
}

/// The budget of the actual's subject stated before it, in its statement or the two before, in the same
/// disclosure and year. Budgets of that subject with two values leave two readings.
fn budget_before(
    ctx: &Ctx,
    index: &Index,
    actual: usize,
    asked: Kind,
) -> std::result::Result<Option<usize>, &'static str> {
    let ta = ctx.tok(actual);
    let year = words::year_near(ctx, actual);
    // the budgets in reach that the ratio could name
    let budgets: Vec<usize> = (0..actual)
        .rev()
        .take_while(|&k| {
            let t = ctx.tok(k);
            t.sentence + 2 >= ta.sentence
                && t.start + words::WINDOW >= ta.start
                && ctx.same_document(k, actual)
        })
        .filter(|&k| {
            let t = ctx.tok(k);
            t.is_level_amount()
                && is_budget(index, k)
                && fits(asked, kind_of(&format!("{}{}", index.lead(k), t.label)))
                && (year.is_none() || words::year_near(ctx, k).is_none_or(|y| Some(y) == year))
        })
        .collect();
    let found: Vec<usize> = budgets
        .iter()
        .copied()
        .filter(|&k| words::same_subject(&ctx.tok(k).label, &ta.label))
        .collect();
    let Some(&nearest) = found.first() else {
        return Ok(None);
    };
    // "年初预算为 X 万元，调整预算为 Y 万元": a budget that names no subject of its own is of the one
    // before it, so it is a second reading too
    let unnamed = budgets
        .iter()
        .filter(|&&k| !words::names_something(&ctx.tok(k).label));
    if found
        .iter()
        .chain(unnamed)
        .any(|&k| ctx.tok(k).figure.value != ctx.tok(nearest).figure.value)
    {
        return Err("有多种读法：同一项目前文有两个不同的预算数，完成比例未核对");
    }
    Ok(Some(nearest))
}
