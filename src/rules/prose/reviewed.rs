//! A review of project costs (财政投资评审): "送审金额 115991 万元，审定金额 97219 万元，审减金额 18906 万元，审减率
//! 16.39%". The words fix the arithmetic — 审减 = 送审 − 审定, 审减率 = 审减 ÷ 送审 — so each is checked
//! when the three figures stand in one statement.

use super::claims::normalize;
use crate::document::narrative::UnitClass;
use crate::error::Result;
use crate::rules::claim::ClaimKind;
use crate::rules::context::Ctx;

const SUBMITTED: [&str; 3] = ["送审金额", "送审额", "送审造价"];
const APPROVED: [&str; 3] = ["审定金额", "审定额", "审定造价"];
const CUT: [&str; 4] = ["审减金额", "审减额", "核减金额", "核减额"];
const CUT_RATE: [&str; 2] = ["审减率", "核减率"];

pub fn reviewed(ctx: &mut Ctx) -> Result<()> {
    let idx: Vec<usize> = ctx.indices().collect();
    for &c in &idx {
        if !named(ctx, c, &CUT) || ctx.tok(c).class != UnitClass::Amount || ctx.used.contains(&c) {
            continue;
        }
        let sentence = ctx.tok(c).sentence;
        let (Some(s), Some(a)) = (
            only(ctx, &idx, sentence, &SUBMITTED),
            only(ctx, &idx, sentence, &APPROVED),
        ) else {
            continue;
        };
        if [s, a]
            .iter()
            .any(|&i| ctx.tok(i).class != UnitClass::Amount)
        {
            continue;
        }
        // 审减 = 送审 − 审定: the cut as the total of the submitted less the approved
        let [fc, fs, mut fa] = ctx.aligned([c, s, a]);
        fa.value = -fa.value;
        let check = crate::num::verdict::check_sum(&fc, &[fs, fa])?;
        let inputs = vec![
            ctx.source(c, "审减金额"),
            ctx.source(s, "送审金额"),
            ctx.source(a, "审定金额"),
        ];
        let span = ctx.span_of(s.min(c), c.max(s));
        let unit = crate::rules::context::unit_of(ctx.tok(c));
        ctx.push(ClaimKind::Sum, check, span, inputs, &unit);
        ctx.set_stated(c);
        ctx.used.insert(c);
        if let Some(cl) = ctx.claims.last_mut() {
            cl.context = Some("审减金额 = 送审金额 − 审定金额".into());
        }
        // 审减率 = 审减 ÷ 送审
        if let Some(r) = only(ctx, &idx, sentence, &CUT_RATE)
            .filter(|&r| ctx.tok(r).class == UnitClass::Percent && r > c && !ctx.used.contains(&r))
        {
            ctx.push_share(c, s, r)?;
            if let Some(cl) = ctx.claims.last_mut() {
                cl.context = Some("审减率 = 审减金额 ÷ 送审金额".into());
            }
        }
    }
    Ok(())
}

/// The one figure of statement `sentence` named with one of `ends`, if there is exactly one.
fn only(ctx: &Ctx, idx: &[usize], sentence: usize, ends: &[&str]) -> Option<usize> {
    let mut found = idx
        .iter()
        .copied()
        .filter(|&i| ctx.tok(i).sentence == sentence && named(ctx, i, ends));
    let one = found.next()?;
    found.next().is_none().then_some(one)
}

/// Whether token `i`'s name ends with one of `ends`.
fn named(ctx: &Ctx, i: usize, ends: &[&str]) -> bool {
    let label = normalize(&ctx.tok(i).label);
    ends.iter().any(|w| label.ends_with(w))
}
