//! A saving rate stated beside the amount bought and the saving but no budget ("全市政府采购规模达 36.21 亿元，
//! 较采购计划节约资金 6.30 亿元，资金节约率达 14.82%"): the plan is what was bought plus what was saved, so the
//! rate is the saving over their sum. Some texts take the rate over what was bought instead, so a rate that
//! fits neither reading is a 提示, not a ✗.

use crate::error::Result;
use crate::num::rates::{add, rate, RateKind};
use crate::num::verdict::{check_rate, Verdict};
use crate::rules::claim::{ClaimKind, Source};
use crate::rules::context::Ctx;

/// 节约率 `r` = saving `s` ÷ (amount bought `c` + `s`).
pub(super) fn saving_over_plan(ctx: &mut Ctx, c: usize, s: usize, r: usize) -> Result<()> {
    let [fc, fs] = ctx.aligned([c, s]);
    let stated = ctx.tok(r).figure.clone();
    let check = check_rate(
        |cur, sav| rate(RateKind::Share, sav, add(cur, sav)?),
        &fc,
        &fs,
        &stated,
    )?;
    let plan = add(fc.value, fs.value)?;
    let inputs = vec![
        ctx.source(s, "节约资金"),
        Source::derived("采购计划（采购规模 + 节约资金）", plan),
    ];
    let span = ctx.span_of(c.min(r).min(s), r.max(c).max(s));
    ctx.push(ClaimKind::Share, check, span, inputs, "%");
    ctx.set_stated(r);
    ctx.used.insert(r);
    if let Some(cl) = ctx.claims.last_mut() {
        cl.context = Some("资金节约率 = 节约资金 ÷（采购规模 + 节约资金）".into());
        if cl.check.verdict == Verdict::Mismatch {
            cl.check.verdict = Verdict::Notice;
            let r = cl
                .check
                .recomputed
                .map(crate::num::decimal::text)
                .unwrap_or_default();
            cl.message = Some(format!(
                "资金节约率：填报 {}%，按节约资金 ÷（采购规模 + 节约资金）重算 {r}%。若节约率另有口径（如对采购规模），请核对",
                crate::num::decimal::text(cl.check.stated.value)
            ));
        }
    }
    Ok(())
}
