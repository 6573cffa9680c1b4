//! A family total and its items stated one by one in the statements after it ("“三公”经费预算总计 21.56 万
//! 元。（一）无因公出国（境）费。（二）公务接待费预算 1.61 万元……（三）公务用车费预算 19.95 万元"): the first
//! mention of each item, of the total's measure, before the next total of that family. A family whose items
//! are always all there (三公) is checked when every item is found; any other only confirms a sum that holds.

use super::cues::Measure;
use super::families;
use super::frames::{Frame, Role};
use crate::error::Result;
use crate::num::verdict::Verdict;
use crate::rules::claim::ClaimKind;
use crate::rules::context::Ctx;

/// How many statements after its total an item may stand.
const REACH: usize = 12;

pub fn family_sums(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    for (k, f) in frames.iter().enumerate() {
        let Role::Level(measure @ (Measure::Current | Measure::Budget)) = f.role else {
            continue;
        };
        let total = f.tok;
        let label = ctx.tok(total).label.clone();
        let Some(fi) = families::family_of_total(&label).or_else(|| subject_before(ctx, frames, k))
        else {
            continue;
        };
        if ctx.used.contains(&total) || ctx.is_list_total(total) {
            continue;
        }
        let scope = scope_before_head(ctx, total, fi);
        let mut found: Vec<Option<usize>> = vec![None; families::size(fi)];
        // 公务用车 stated as its two parts (购置费, 运行费) when its subtotal is not
        let mut car_parts: Vec<(usize, String)> = Vec::new();
        // "货物类、服务类项目采购分别完成 a、b": the items named before 分别, still to be paired, and where
        let mut pending: (Vec<usize>, usize) = (Vec::new(), 0);
        for g in frames[k + 1..]
            .iter()
            .take_while(|g| g.statement <= f.statement + REACH && ctx.same_document(g.tok, total))
        {
            let gl = &name_of(ctx, g, fi);
            if g.role == Role::Level(measure) && families::family_of_total(gl) == Some(fi) {
                break; // the next total of this family
            }
            // items told of another scope ("旗级…收入 277034 万元。…全盟一般公共预算收入中，税收…") end the search
            let here = scope_before_head(ctx, g.tok, fi);
            if scope.is_some() && here.is_some() && here != scope {
                break;
            }
            if g.role != Role::Level(measure) || ctx.tok(g.tok).class != ctx.tok(total).class {
                continue;
            }
            // (not when they are told of another scope: "市本级…10.29 亿元。…全市货物、工程、服务…分别为 …")
            let named = if families::same_scope(&f.lead, &g.lead) {
                parallel_items(&g.lead, fi)
            } else {
                Vec::new()
            };
            let item = if named.len() >= 2 {
                pending = (named[1..].to_vec(), g.part);
                named.first().copied()
            } else if pending.1 == g.part && !pending.0.is_empty() {
                Some(pending.0.remove(0))
            } else {
                families::item_in(gl, fi)
            };
            // another figure of the total's kind in its own statement ("调整为 368000 万元，实际收入 377841 万
            // 元") may be what the items add up to
            if g.statement == f.statement && item.is_none() {
                break;
            }
            match item {
                Some(ii) if found[ii].is_none() => found[ii] = Some(g.tok),
                None if fi == 0
                    && car_parts.len() < 2
                    && families::item_in(gl, 1).is_some()
                    && car_parts.iter().all(|(_, c)| {
                        families::item_in(c.as_str(), 1) != families::item_in(gl, 1)
                    }) =>
                {
                    car_parts.push((g.tok, gl.clone()))
                }
                _ => {}
            }
        }
        let car = 2; // the 公务用车 item of the 三公 family
        let mut parts: Vec<usize> = found.iter().flatten().copied().collect();
        // an item the text says is nil ("（一）2017 年无因公出国（境）费用预算") is there, as 0
        let last = parts.iter().chain(car_parts.iter().map(|c| &c.0)).max();
        let between = last.map_or(String::new(), |&l| {
            ctx.text.slice(ctx.tok(total).end, ctx.tok(l).start)
        });
        let nil = |i: usize| super::change_sums::said_nil(&between, fi, i);
        let mut all = found.iter().enumerate().all(|(i, x)| x.is_some() || nil(i));
        if fi == 0 && found.get(car) == Some(&None) && car_parts.len() == 2 {
            parts.extend(car_parts.iter().map(|c| c.0));
            all = found
                .iter()
                .enumerate()
                .all(|(i, x)| i == car || x.is_some() || nil(i));
        }
        if parts.len() < 2 || parts.iter().any(|p| ctx.is_listed_part(*p)) {
            continue;
        }
        let holds = ctx.sum_check(total, &parts)?.verdict != Verdict::Mismatch;
        // every item there, or items of the family that are meant to be the whole of it, that do not add
        // up: the items may still be told of another scope, or one left unsaid, so a 提示
        let labels: Vec<String> = parts
            .iter()
            .map(|&p| name_of_tok(ctx, frames, p, fi))
            .collect();
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        let hint = all || families::complete(&labels);
        if !(holds || (all && families::fixed(fi)) || hint) {
            ctx.unchecked(total, "各分项分散在后文，未必列全，未核对合计");
            continue;
        }
        parts.sort_unstable();
        let span = ctx.span_of(total, total);
        ctx.push_sum(ClaimKind::Sum, total, &parts, span)?;
        let certain = holds || (all && families::fixed(fi));
        if let Some(c) = ctx.claims.last_mut() {
            c.context = Some("合计与后文逐项所列".into());
            if !certain {
                c.check.verdict = Verdict::Notice;
                c.message = Some(crate::report::wording::partial_list(&c.check, &c.unit));
            }
        }
        if certain {
            ctx.push_list(crate::rules::context::List { total, parts });
        }
    }
    Ok(())
}

/// The name token `tok` is stated under (see [`name_of`]).
fn name_of_tok(ctx: &Ctx, frames: &[Frame], tok: usize, fi: usize) -> String {
    frames
        .iter()
        .find(|g| g.tok == tok)
        .map_or_else(|| ctx.tok(tok).label.clone(), |g| name_of(ctx, g, fi))
}

/// The items of family `fi` a lead names before 分别, in the order it names them ("全省货物类、服务类项目采购
/// 分别完成"): the figures after it are theirs in that order. Empty unless two or more are named.
fn parallel_items(lead: &str, fi: usize) -> Vec<usize> {
    let Some(cut) = lead.find("分别") else {
        return Vec::new();
    };
    let head = &lead[..cut];
    let mut at: Vec<(usize, usize)> = (0..families::size(fi))
        .filter_map(|ii| {
            families::item_words(fi, ii)
                .iter()
                .filter_map(|w| head.find(w))
                .min()
                .map(|p| (p, ii))
        })
        .collect();
    at.sort_unstable();
    at.into_iter().map(|(_, ii)| ii).collect()
}

/// The family of a level named by its measure only ("“三公”经费支出预算为 5.5 万元，支出决算为 8.99 万元"): the
/// family whose total the level just before it in its sub-statement names.
fn subject_before(ctx: &Ctx, frames: &[Frame], k: usize) -> Option<usize> {
    let f = frames.get(k)?;
    let label = ctx.tok(f.tok).label.trim().to_string();
    let (_, word) = super::words::measure_suffix(&label)?;
    if label != word {
        return None;
    }
    let before = frames.get(k.checked_sub(1)?)?;
    let Role::Level(_) = before.role else {
        return None;
    };
    if before.statement != f.statement || before.part != f.part {
        return None;
    }
    families::family_of_total(&ctx.tok(before.tok).label)
}

/// The name a figure is stated under: its label, or the words before it in its clause when the label is
/// cut short by a bracket ("因公出国(境)费 0 万元" is labelled "费").
fn name_of(ctx: &Ctx, g: &Frame, fi: usize) -> String {
    let label = &ctx.tok(g.tok).label;
    if families::item_in(label, fi).is_none() && g.lead.trim_end().ends_with(label.trim()) {
        return g.lead.trim().to_string();
    }
    label.clone()
}

/// The scope word (全盟, 旗级, 市本级 …) written before the last mention of family `fi`'s total in the
/// sentence up to token `i`.
fn scope_before_head(ctx: &Ctx, i: usize, fi: usize) -> Option<String> {
    let t = ctx.tok(i);
    let start = ctx.text.sentence_start(t.start);
    let text: Vec<char> = ctx.text.slice(start, t.start).chars().collect();
    let s: String = text.iter().collect();
    let at = families::head_words(fi)
        .iter()
        .filter_map(|w| s.rfind(w))
        .max()?;
    let before: Vec<char> = s[..at].chars().collect();
    let tail: String = before.iter().rev().take(4).rev().collect();
    if let Some(p) = tail.rfind('全') {
        return tail[p..].chars().take(2).collect::<String>().into();
    }
    for end in ["本级", "级"] {
        if tail.ends_with(end) {
            let keep = tail.chars().count().min(end.chars().count() + 1);
            return Some(
                tail.chars()
                    .rev()
                    .take(keep)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect(),
            );
        }
    }
    None
}
