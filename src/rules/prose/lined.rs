//! "收入总计为 415.2644 万元，其中：⏎1.财政拨款收入 364.5594 万元，为……。⏎2.事业收入 50.7050 万元，……。⏎3.上年结转
//! 和结余 14.9614 万元，……": a 其中 that closes the line of its total, and one item on each line after it,
//! each line opening with the item's name (after a number 1. / 2、 at most). The items are sentences of their
//! own, so the statement-bound lists do not see them. A line whose first figure is not such an item ends the
//! list; a line with a second level on it is no item line, and then nothing is read.

use super::cues::{self, Measure};
use super::frames::{Frame, Role};
use crate::document::narrative::UnitClass;
use crate::error::Result;
use crate::rules::context::Ctx;

/// The first line break after cleaned index `at` (the end of the text when none).
fn line_end(ctx: &Ctx, at: usize) -> usize {
    let b = &ctx.text.breaks;
    b.get(b.partition_point(|&p| p <= at))
        .copied()
        .unwrap_or(ctx.end)
        .min(ctx.end)
}

/// Whether the rest of a line, after a figure, is only "，其中：" / "。其中:".
fn opens_below(rest: &str) -> bool {
    let r = rest.trim_start_matches(['，', ',', '。', ' ']);
    let Some(r) = r.strip_prefix("其中") else {
        return false;
    };
    r.trim_start_matches(['：', ':'])
        .trim_matches(['。', ' '])
        .is_empty()
        && (rest.contains('：') || rest.contains(':'))
}

/// Whether what stands before an item's name on its line is at most a number (1. / 2、 / （3）).
fn numbered(prefix: &str) -> bool {
    prefix
        .chars()
        .all(|c| c.is_ascii_digit() || ".、．)）(（ ".contains(c))
}

pub fn lined(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    for f in frames {
        if !matches!(f.role, Role::Level(Measure::Current | Measure::Budget))
            || f.paren.is_some()
            || ctx.tok(f.tok).class != UnitClass::Amount
            || ctx.used.contains(&f.tok)
            || ctx.is_list_total(f.tok)
        {
            continue;
        }
        let t = ctx.tok(f.tok);
        let end = line_end(ctx, t.end);
        if !opens_below(&ctx.text.slice(t.end, end)) {
            continue;
        }
        let mut parts = Vec::new();
        let mut from = end;
        let mut broken = false;
        while from < ctx.end {
            let to = line_end(ctx, from);
            let on_line: Vec<&Frame> = frames
                .iter()
                .filter(|g| (from..to).contains(&ctx.tok(g.tok).start) && g.role != Role::Ignored)
                .collect();
            let Some(first) = on_line.first() else { break };
            let ft = ctx.tok(first.tok);
            let item = first.role == f.role
                && first.paren.is_none()
                && ft.class == UnitClass::Amount
                && ft.label_start >= from
                && numbered(&ctx.text.slice(from, ft.label_start))
                && !ft.label.trim().is_empty()
                && !ft.label.contains("其中")
                && !cues::is_total_label(&ft.label);
            if !item {
                break;
            }
            if on_line[1..].iter().any(|g| {
                matches!(g.role, Role::Level(_)) && ctx.tok(g.tok).class == UnitClass::Amount
            }) {
                broken = true;
                break;
            }
            parts.push(first.tok);
            from = to;
        }
        if broken
            || parts.len() < 2
            || parts
                .iter()
                .any(|p| ctx.used.contains(p) || ctx.is_listed_part(*p))
        {
            continue;
        }
        super::lists::sum_of(ctx, f.tok, &parts, false)?;
    }
    Ok(())
}
