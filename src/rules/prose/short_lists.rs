//! Items named before 分别 with fewer figures after it than names ("货物、工程、服务采购金额分别为 121.22 亿
//! 元、119.40 亿元"): a list meant to be whole that lacks a part. Checked against the total stated before it
//! under the same name of measure, and only ever a 提示 — which part is missing the text cannot say.

use super::frames::{Frame, Role};
use crate::error::Result;
use crate::num::verdict::Verdict;
use crate::rules::claim::ClaimKind;
use crate::rules::context::Ctx;

/// How many statements before the list its total may stand.
const REACH: usize = 3;

pub fn short_lists(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    for (k, f) in frames.iter().enumerate() {
        let Role::Level(measure) = f.role else {
            continue;
        };
        let Some((head, _)) = f.lead.split_once("分别") else {
            continue;
        };
        let head = head
            .trim_start_matches(['，', ',', '：', ':'])
            .replace("其中", "");
        let names = head.matches('、').count() + 1;
        if names < 2 || ctx.is_listed_part(f.tok) {
            continue;
        }
        let class = ctx.tok(f.tok).class.clone();
        // the figures that go on the list: same clause, joined by 、 和 及 与 only
        let mut parts = vec![f.tok];
        for g in &frames[k + 1..] {
            let joined = ["、", "和", "及", "与"].contains(&g.lead.trim());
            if g.clause != f.clause || !joined || ctx.tok(g.tok).class != class {
                break;
            }
            parts.push(g.tok);
        }
        if parts.len() >= names || parts.iter().any(|&p| ctx.is_listed_part(p)) {
            continue;
        }
        let Some(total) = frames[..k]
            .iter()
            .rev()
            .take_while(|g| g.statement + REACH >= f.statement)
            .filter(|g| g.role == Role::Level(measure) && ctx.tok(g.tok).class == class)
            .map(|g| g.tok)
            .find(|&t| totals(&ctx.tok(t).label, &head))
        else {
            continue;
        };
        if ctx.is_list_total(total) || ctx.sum_check(total, &parts)?.verdict != Verdict::Mismatch {
            continue;
        }
        let was = ctx.used.contains(&total);
        ctx.push_sum(ClaimKind::Sum, total, &parts, ctx.span_of(total, total))?;
        if !was {
            ctx.used.remove(&total);
        }
        if let Some(c) = ctx.claims.last_mut() {
            c.context = Some("分别所列名称多于所列数".into());
            c.check.verdict = Verdict::Notice;
            c.message = Some(crate::report::wording::partial_list(&c.check, &c.unit));
        }
    }
    Ok(())
}

/// Whether a figure labelled `label` is the total of items named `head` ("全市政府采购规模" of "全市货物、工
/// 程、服务政府采购规模"): the two end in the same name of measure (two chars at least), and a label told of
/// 本级 is not the total of items that are not.
fn totals(label: &str, head: &str) -> bool {
    let (l, h): (Vec<char>, Vec<char>) = (label.chars().collect(), head.chars().collect());
    let common = l
        .iter()
        .rev()
        .zip(h.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let rest: String = l[..l.len() - common].iter().collect();
    common >= 2 && (!rest.contains("本级") || head.contains("本级"))
}
