//! "A a，B b，C c，合计 T": a total named after the figures it adds up, in its statement. The figures before it
//! may start from a total or from that total's first part ("总收入 A，其中 地方收入 a …；加上 B，C，收入合计
//! T"): each reading is tried, and when none adds up the total is off whichever it is, a 提示.

use super::cues;
use super::entities::Entity;
use crate::error::Result;
use crate::rules::context::Ctx;

/// "A a，B b，C c，合计 T": a total named so after two or more figures of its statement, none a part of
/// another list.
pub(super) fn totals_at_end(ctx: &mut Ctx, entities: &[Entity]) -> Result<()> {
    // the entities that head a list, and whether that list is a bracket right after the figure ("收入合计
    // 109.69 亿元（县本级 87.87 亿元，高新区 21.82 亿元）"): such a total may still end the list before it
    let mut heads: std::collections::HashMap<usize, bool> = std::collections::HashMap::new();
    for e in entities {
        if let Some(p) = e.parent {
            let after = entities[p]
                .current
                .zip(e.current)
                .is_some_and(|(t, c)| c > t);
            let bracket = after && frames_paren(ctx, e);
            *heads.entry(p).or_insert(true) &= bracket;
        }
    }
    for (ti, t) in entities.iter().enumerate() {
        let Some(total) = t.current else { continue };
        let bracketed = heads.get(&ti).copied();
        if t.parent.is_some()
            || bracketed == Some(false)
            || !cues::is_total_label(&ctx.tok(total).label)
            || (ctx.used.contains(&total) && bracketed.is_none())
        {
            continue;
        }
        if bracketed == Some(true) {
            // checked against its bracket already; the list before it is another decomposition
            ctx.used.remove(&total);
        }
        let parts: Vec<usize> = entities[..ti]
            .iter()
            .rev()
            .take_while(|e| e.statement == t.statement)
            .take_while(|e| {
                e.current
                    .is_none_or(|c| !cues::is_total_label(&ctx.tok(c).label))
            })
            .filter(|e| e.parent.is_none())
            .filter_map(|e| e.current)
            .collect();
        let labels: Vec<&str> = parts.iter().map(|&p| ctx.tok(p).label.as_str()).collect();
        if parts.len() >= 2 && super::fiscal::mixes_sides(&ctx.tok(total).label, &labels) {
            ctx.unchecked(
                total,
                "有多种读法：合计之前的数既有收入又有支出，不都是它的分项",
            );
            continue;
        }
        // "…。加上级补助收入 B、上年结余 C，收入总计 T": T adds on to a figure before; `fiscal::added_on` finds it
        if parts
            .last()
            .is_some_and(|&p| super::added::opens_adding(ctx, p))
        {
            continue;
        }
        if parts.len() >= 2 {
            let parts: Vec<usize> = parts.into_iter().rev().collect();
            // "总收入 A，其中 地方收入 a …；加上 B，C，收入合计 T": T may add on to A or to its part a
            let first = entities
                .iter()
                .position(|e| e.current == parts.first().copied());
            let mut readings = vec![parts.clone()];
            for child in entities
                .iter()
                .filter(|e| first.is_some() && e.parent == first)
            {
                if let Some(c) = child.current {
                    let mut r = parts.clone();
                    r[0] = c;
                    readings.push(r);
                }
            }
            match readings.iter().find(|r| super::lists::fits(ctx, total, r)) {
                Some(r) => {
                    let r = r.clone();
                    super::lists::sum_of(ctx, total, &r, true)?;
                }
                None if readings.len() > 1 => {
                    // no reading adds up: the total is off whichever it adds on to, but by how much the
                    // text does not say, so a 提示 with the nearest reading
                    let off = |r: &Vec<usize>| {
                        ctx.sum_check(total, r)
                            .ok()
                            .and_then(|c| c.difference)
                            .map(|d| d.abs())
                    };
                    let nearest = readings.iter().min_by_key(|r| off(r)).cloned();
                    let pushed = match nearest {
                        Some(r) => super::lists::sum_of(ctx, total, &r, true)?,
                        None => false,
                    };
                    if pushed {
                        if let Some(c) = ctx.claims.last_mut() {
                            c.check.verdict = crate::num::verdict::Verdict::Notice;
                            c.message =
                                Some(crate::report::wording::base_unclear(&c.check, &c.unit));
                        }
                    } else {
                        ctx.unchecked(total, "有多种读法：合计所加的起点数不止一种读法")
                    }
                }
                None => {
                    super::lists::sum_of(ctx, total, &parts, true)?;
                }
            }
        }
    }
    Ok(())
}

/// Whether an entity's figure stands inside a bracket.
fn frames_paren(ctx: &Ctx, e: &Entity) -> bool {
    e.current.is_some_and(|c| {
        let start = ctx.text.sentence_start(ctx.tok(c).start);
        let before = ctx.text.slice(start, ctx.tok(c).start);
        before
            .rfind(['（', '('])
            .is_some_and(|o| before.rfind(['）', ')']).is_none_or(|c| c < o))
    })
}
