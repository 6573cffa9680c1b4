//! A region's figures and the same figures of each of its sub-regions, told in sections of their own:
//! "全省 100 个县区（含 41 个县和县级市、59 个区，下同）一般公共预算收入完成 503.7 亿元……。在 41 个县收支完成情况上，
//! 一般公共预算收入完成 151 亿元……。在 59 个区收支完成情况上，一般公共预算收入完成 352.7 亿元". The sub-regions
//! are named in the bracket after the region (含 …), and each section opens with 在 and the sub-region's
//! words; a figure of the region is matched to the first figure of the same name in each section. Sections
//! may leave something out, so a sum that does not hold is a 提示.

use super::breakdown_sums::{change_sum, level_sum};
use super::breakdowns::beside;
use super::claims::normalize;
use super::cues::Measure;
use super::frames::{Frame, Role};
use crate::error::Result;
use crate::rules::context::Ctx;

/// How many statements a section may run.
const REACH: usize = 8;

pub fn regions(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    let level = |g: &Frame| g.role == Role::Level(Measure::Current) && g.paren.is_none();
    let Some((k0, subs)) = frames
        .iter()
        .enumerate()
        .filter(|(_, g)| level(g))
        .find_map(|(k, g)| sub_regions(ctx, g.tok).map(|s| (k, s)))
    else {
        return Ok(());
    };
    let head_end = ctx.tok(frames[k0].tok).end;
    // each sub-region's section opens once after the region's figures, with 在 and its words
    let mut opens: Vec<usize> = Vec::new();
    for s in &subs {
        let at = find_all(&ctx.text.chars, head_end, &format!("在{s}"));
        let [one] = at[..] else { return Ok(()) };
        opens.push(one);
    }
    let mut order = opens.clone();
    order.sort_unstable();
    let first_open = order.first().copied().unwrap_or(head_end);
    let names: Vec<String> = frames
        .iter()
        .map(|g| normalize(&ctx.tok(g.tok).label))
        .collect();
    let heads: Vec<usize> = (k0..frames.len())
        .filter(|&k| level(&frames[k]) && ctx.tok(frames[k].tok).start < first_open)
        .collect();
    for k in heads {
        let n = &names[k];
        if n.chars().count() < 4 || !ctx.same_document(frames[k0].tok, frames[k].tok) {
            continue;
        }
        let mut parts: Vec<usize> = Vec::new();
        for &open in &opens {
            let end = order.iter().copied().find(|&o| o > open);
            let in_section = |g: &Frame| {
                let t = ctx.tok(g.tok);
                t.start > open && end.is_none_or(|e| t.start < e)
            };
            let first = frames.iter().position(in_section);
            let part = first.and_then(|f0| {
                let s0 = frames[f0].statement;
                (f0..frames.len())
                    .take_while(|&j| in_section(&frames[j]) && frames[j].statement <= s0 + REACH)
                    .find(|&j| level(&frames[j]) && names[j] == *n)
            });
            let Some(p) = part else { break };
            parts.push(p);
        }
        if parts.len() != opens.len() {
            continue;
        }
        let toks: Vec<usize> = parts.iter().map(|&p| frames[p].tok).collect();
        level_sum(ctx, frames[k].tok, &toks)?;
        let head = beside(frames, k);
        let changes: Option<Vec<_>> = parts.iter().map(|&p| beside(frames, p).change).collect();
        if let (Some(t), Some(ps)) = (head.change, changes) {
            change_sum(ctx, t, &ps)?;
        }
    }
    Ok(())
}

/// The sub-regions a bracket after a region names ("（含 41 个县和县级市、59 个区，下同）" → 41个县, 59个区),
/// when it stands in the statement before token `tok` and names two or more.
fn sub_regions(ctx: &Ctx, tok: usize) -> Option<Vec<String>> {
    let t = ctx.tok(tok);
    let before: Vec<char> = ctx
        .text
        .slice(ctx.text.sentence_start(t.start), t.start)
        .chars()
        .collect();
    let open = before.iter().rposition(|&c| c == '（' || c == '(')?;
    let inner: Vec<char> = before[open + 1..]
        .iter()
        .copied()
        .take_while(|&c| c != '）' && c != ')')
        .collect();
    if inner.first() != Some(&'含') {
        return None;
    }
    let mut out = Vec::new();
    let mut i = 1;
    while i < inner.len() {
        let digits: String = inner[i..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let after = i + digits.chars().count();
        if !digits.is_empty() && inner.get(after) == Some(&'个') {
            // the sub-region's word: one char naming an area (县, 区, 市 …)
            if let Some(&w) = inner
                .get(after + 1)
                .filter(|w| "县区市旗乡镇".contains(**w))
            {
                out.push(format!("{digits}个{w}"));
            }
            i = after + 1;
        } else {
            i += 1;
        }
    }
    (out.len() >= 2).then_some(out)
}

/// Every char index at or after `from` where `pattern` begins.
fn find_all(chars: &[char], from: usize, pattern: &str) -> Vec<usize> {
    let p: Vec<char> = pattern.chars().collect();
    (from..chars.len().saturating_sub(p.len().saturating_sub(1)))
        .filter(|&i| chars.get(i..i + p.len()) == Some(&p[..]))
        .collect()
}
