//! Last year's levels of a total and of its parts, stated beside this year's ("全区地方教育经费总收入
//! 144682.33 万元，比上年 151271.81 万元减少…。（一）国家财政性教育经费总收入 109506.12 万元，比上年 111436.86
//! 万元…"): when this year's list adds up, last year's figures of the same items are a list of the same
//! whole, checked the same way.

use super::entities::Entity;
use crate::error::Result;
use crate::num::verdict::Verdict;
use crate::rules::claim::ClaimKind;
use crate::rules::context::Ctx;
use std::collections::HashMap;

pub fn prior_sums(ctx: &mut Ctx, entities: &[Entity]) -> Result<()> {
    // this year's level → last year's, both stated in one entity
    let prior_of: HashMap<usize, usize> = entities
        .iter()
        .filter_map(|e| Some((e.current?, e.prior?)))
        .filter(|&(c, p)| ctx.tok(c).class == ctx.tok(p).class)
        .collect();
    let lists = ctx.lists().to_vec();
    for l in lists {
        // only a list whose own sum holds: its items are then all there, and last year's are the same items
        let Ok(check) = ctx.sum_check(l.total, &l.parts) else {
            continue;
        };
        if check.verdict == Verdict::Mismatch {
            continue;
        }
        let Some(&total) = prior_of.get(&l.total) else {
            continue;
        };
        let parts: Option<Vec<usize>> = l.parts.iter().map(|p| prior_of.get(p).copied()).collect();
        let Some(mut parts) = parts else {
            continue;
        };
        parts.sort_unstable();
        parts.dedup();
        if parts.len() != l.parts.len()
            || parts.contains(&total)
            || ctx.used.contains(&total)
            || ctx.is_list_total(total)
        {
            continue;
        }
        let span = ctx.span_of(total, total);
        ctx.push_sum(ClaimKind::Sum, total, &parts, span)?;
        if let Some(c) = ctx.claims.last_mut() {
            c.context = Some("上年数：合计与各分项的上年数".into());
            // an item of last year that is nil this year would not be listed: a shortfall is a 提示
            if c.check.verdict == Verdict::Mismatch {
                c.check.verdict = Verdict::Notice;
                c.message = Some(crate::report::wording::partial_list(&c.check, &c.unit));
            }
        }
    }
    Ok(())
}
