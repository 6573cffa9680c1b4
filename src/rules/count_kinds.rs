//! A count and the counts of its kinds listed after 包括 / 其中 ("分管所辖 17 个单位。主要包括中学 2 所、小学
//! 10 所、幼儿园 5 所"): the kinds are counted in their own unit (所) and the whole in 个, so no 其中 list of one
//! unit takes them. A list after 主要包括 need not name every kind: a count that does not add up is a 提示.

use super::claim::ClaimKind;
use super::context::Ctx;
use crate::document::narrative::UnitClass;
use crate::error::Result;
use crate::num::verdict::Verdict;

/// How many chars may stand between the count and its first kind.
const REACH: usize = 16;

pub fn count_kinds(ctx: &mut Ctx) -> Result<()> {
    let idx: Vec<usize> = ctx.indices().collect();
    for &i in &idx {
        let t = ctx.tok(i);
        let UnitClass::Count(unit) = &t.class else {
            continue;
        };
        if t.figure.scale != 0 || ctx.used.contains(&i) || ctx.is_list_total(i) {
            continue;
        }
        let Some(&first) = idx.iter().find(|&&j| j > i) else {
            continue;
        };
        let f = ctx.tok(first);
        let gap = ctx.text.slice(t.end, f.start);
        let opens = ["包括", "其中"].iter().any(|w| gap.contains(w));
        if !opens
            || gap.chars().count() > REACH
            || gap.contains(['；', ';', '，', ','])
            || gap.matches('。').count() > 1
            || gap.chars().any(|c| c.is_ascii_digit())
        {
            continue;
        }
        let UnitClass::Count(kind) = &f.class else {
            continue;
        };
        // the whole in 个 (or the kinds' own unit) over kinds of one unit, not people over 个
        if unit != "个" && unit != kind {
            continue;
        }
        let mut parts = vec![first];
        for &j in idx.iter().filter(|&&j| j > first) {
            let last = ctx.tok(*parts.last().unwrap_or(&first));
            let g = ctx.tok(j);
            let between = ctx.text.slice(last.end, g.start);
            let next = between.starts_with('、')
                && between.chars().count() <= 8
                && !between.contains(['。', '；', ';', '，', ','])
                && g.class == f.class
                && g.figure.scale == 0;
            if !next {
                break;
            }
            parts.push(j);
        }
        if parts.len() < 2 || parts.iter().any(|&p| ctx.used.contains(&p)) {
            continue;
        }
        let check = ctx.sum_check(i, &parts)?;
        let mut inputs = vec![ctx.source(i, "个数")];
        inputs.extend(parts.iter().map(|&p| ctx.source(p, "分项")));
        let last = *parts.last().unwrap_or(&first);
        let span = ctx.span_of(i, last);
        let short = check.verdict == Verdict::Mismatch;
        ctx.push(ClaimKind::Count, check, span, inputs, unit);
        ctx.set_stated(i);
        ctx.used.insert(i);
        if let Some(c) = ctx.claims.last_mut() {
            c.context = Some("个数 = 所列各类的个数之和".into());
            if short {
                c.check.verdict = Verdict::Notice;
                c.message = Some(crate::report::wording::partial_list(&c.check, &c.unit));
            }
        }
    }
    Ok(())
}
