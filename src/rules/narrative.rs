//! Rates named by their word: 预决算差异率 and 执行率, with both figures found by their labels.

use super::claim::ClaimKind;
use super::context::Ctx;
use crate::document::narrative::UnitClass;
use crate::error::Result;
use crate::num::rates::{rate, RateKind};
use crate::num::verdict::check_rate;

/// Rates named by their word before the percentage: 预决算差异率 (预算数, 决算数) and 执行率 (预算数, 执行数),
/// with both figures found by label earlier in the sentence.
pub fn named_rates(ctx: &mut Ctx) -> Result<()> {
    let percents: Vec<usize> = ctx
        .indices()
        .filter(|&i| ctx.tok(i).class == UnitClass::Percent)
        .collect();
    for p in percents {
        let start = ctx.tok(p).start;
        let (kind, a_suffixes, b_suffixes): (RateKind, &[&str], &[&str]) = if ["差异率", "差异率为"]
            .iter()
            .any(|w| ctx.text.ends_with_at(start, w))
        {
            (RateKind::Variance, &["预算数"], &["决算数"])
        } else if ["执行率", "执行率为", "执行率达"]
            .iter()
            .any(|w| ctx.text.ends_with_at(start, w))
        {
            (
                RateKind::Execution,
                &["预算数", "预算总额"],
                &["执行数", "执行总额"],
            )
        } else {
            continue;
        };
        let sentence = ctx.tok(p).sentence;
        let find = |suffixes: &[&str], before: usize| {
            (0..before)
                .rev()
                .take_while(|&i| ctx.tok(i).sentence == sentence)
                .find(|&i| {
                    ctx.tok(i).is_level_amount()
                        && suffixes.iter().any(|s| ctx.tok(i).label.ends_with(s))
                })
        };
        let Some(b) = find(b_suffixes, p) else {
            continue;
        };
        let Some(a) = find(a_suffixes, b) else {
            continue;
        };
        let ts = ctx.tok(p);
        let [fa, fb] = ctx.aligned([a, b]);
        let check = check_rate(|x, y| rate(kind, x, y), &fa, &fb, &ts.figure)?;
        let (na, nb) = kind.input_names();
        let inputs = vec![ctx.source(a, na), ctx.source(b, nb)];
        let claim_kind = if kind == RateKind::Variance {
            ClaimKind::Variance
        } else {
            ClaimKind::Execution
        };
        let span = ctx.span_of(a, p);
        ctx.push(claim_kind, check, span, inputs, "%");
        ctx.set_stated(p);
        ctx.used.insert(p);
    }
    Ok(())
}
