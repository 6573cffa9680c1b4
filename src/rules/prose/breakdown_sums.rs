//! The sums a breakdown gives (see [`super::breakdowns`]): levels of one kind, and changes with their
//! signs. Parts found across statements may still be told of something else, so a sum that does not hold
//! is a 提示, never a ✗.

use super::cues::Sign;
use crate::error::Result;
use crate::num::figure::Figure;
use crate::num::rates::{self, add, sub, RateKind};
use crate::num::verdict::check_rate;
use crate::num::verdict::Verdict;
use crate::report::wording;
use crate::rules::claim::{ClaimKind, Source};
use crate::rules::context::Ctx;
use rust_decimal::Decimal;

/// Whether a sum claim of exactly these figures was made already (by a 其中 list or a family).
fn already(ctx: &Ctx, total: usize, parts: &[usize]) -> bool {
    let span = |i: usize| {
        let t = ctx.tok(i);
        Some(ctx.text.span(t.start, t.end))
    };
    let mut want: Vec<_> = std::iter::once(total)
        .chain(parts.iter().copied())
        .map(span)
        .collect();
    want.sort_unstable();
    ctx.claims.iter().any(|c| {
        let mut got: Vec<_> = c.inputs.iter().map(|s| s.span).collect();
        got.sort_unstable();
        got == want
    })
}

/// total = Σ parts of levels of one kind; a sum that does not hold is a 提示.
pub fn level_sum(ctx: &mut Ctx, total: usize, parts: &[usize]) -> Result<()> {
    let same = |i: usize| ctx.tok(total).class == ctx.tok(i).class;
    if !parts.iter().all(|&p| same(p)) || already(ctx, total, parts) {
        return Ok(());
    }
    let span = ctx.span_of(total, total);
    ctx.push_sum(ClaimKind::Sum, total, parts, span)?;
    if let Some(c) = ctx.claims.last_mut() {
        c.context = Some("合计与后文按分类所列".into());
        if c.check.verdict == Verdict::Mismatch {
            c.check.verdict = Verdict::Notice;
            c.message = Some(wording::partial_list(&c.check, &c.unit));
        }
    }
    ctx.set_stated(total);
    Ok(())
}

/// The total's change against last year = Σ the items' own changes ("增收 404.5 亿元" of 税收 增收 412.8 and
/// 非税 减收 8.3); a sum that does not hold is a 提示.
pub fn change_sum(
    ctx: &mut Ctx,
    (total, tsign): (usize, Sign),
    parts: &[(usize, Sign)],
) -> Result<()> {
    let plain: Vec<usize> = parts.iter().map(|p| p.0).collect();
    let same = |i: usize| ctx.tok(total).class == ctx.tok(i).class;
    if !plain.iter().all(|&p| same(p)) || already(ctx, total, &plain) {
        return Ok(());
    }
    let span = ctx.span_of(total, total);
    super::lists::push_change_sum(ctx, (total, tsign), parts, span)?;
    ctx.set_stated(total);
    if let Some(c) = ctx.claims.last_mut() {
        if c.check.verdict == Verdict::Mismatch {
            c.check.verdict = Verdict::Notice;
            c.message = Some(wording::partial_changes(&c.check, &c.unit, false));
        }
    }
    Ok(())
}

/// The total's growth rate against last year when only its items' changes are written: the change is their
/// sum. Each item's change is rounded, so the sum's tolerance is wider than one written figure's: a rate
/// that does not fit is a 提示, never a ✗.
pub fn derived_growth(
    ctx: &mut Ctx,
    total: usize,
    changes: &[(usize, Sign)],
    (rate, sign): (usize, Sign),
) -> Result<()> {
    let same = |i: usize| ctx.tok(total).class == ctx.tok(i).class;
    if !changes.iter().all(|&(p, _)| same(p)) {
        return Ok(());
    }
    let mut figures: Vec<Figure> = std::iter::once(total)
        .chain(changes.iter().map(|c| c.0))
        .map(|i| ctx.tok(i).figure.clone())
        .collect();
    crate::num::figure::align_money_units(&mut figures);
    let current = figures.remove(0);
    let mut delta = Decimal::ZERO;
    for (f, &(_, s)) in figures.iter().zip(changes) {
        delta = if s == Sign::Down {
            sub(delta, f.value)?
        } else {
            add(delta, f.value)?
        };
    }
    let scale = figures.iter().map(|f| f.scale).max().unwrap_or(0);
    let change = Figure {
        value: delta,
        scale,
        ..Figure::from_decimal(delta)
    };
    let mut stated = ctx.tok(rate).figure.clone();
    if sign == Sign::Down {
        stated.value = -stated.value;
    }
    let formula = |cur: Decimal, chg: Decimal| rates::rate(RateKind::Growth, cur, sub(cur, chg)?);
    let check = check_rate(formula, &current, &change, &stated)?;
    let inputs = vec![
        ctx.source(total, "本年数"),
        Source::derived("增减额（各分项增减额之和）", delta),
        Source::derived("上年数", sub(current.value, delta)?),
    ];
    let span = ctx.span_of(total, rate);
    ctx.push(ClaimKind::Growth, check, span, inputs, "%");
    ctx.set_stated(rate);
    ctx.used.insert(rate);
    if let Some(c) = ctx.claims.last_mut() {
        c.written_negated = sign == Sign::Down;
        c.context = Some("增减额由各分项增减额相加".into());
        if c.check.verdict == Verdict::Mismatch {
            c.check.verdict = Verdict::Notice;
        }
    }
    Ok(())
}
