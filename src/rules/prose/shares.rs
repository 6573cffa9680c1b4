//! Shares and completion ratios stated beside their figures: 占 X 的 P% of a named, listed or family whole,
//! 完成年初预算的 X% of the budget its entity states. The whole must be bound without doubt (one figure of
//! that name nearby, not a level's part of it); otherwise the share gets a reason, not a verdict.

use super::claims::{normalize, push_completion, same_class};
use super::cues::measure;
use super::entities::Entity;
use super::frames::{Frame, Role};
use super::wholes::{area_whole, total_named_otherwise, without_total_word, Wholes};
use crate::error::Result;
use crate::rules::context::Ctx;
use std::collections::HashMap;

/// Completion ratios (完成年初预算的 X%, 占年度预算 B 的 X%) and shares (占 X 的 P%).
pub fn ratios(ctx: &mut Ctx, frames: &[Frame], entities: &[Entity]) -> Result<()> {
    // built at the first share that names its whole
    let mut wholes: Option<Wholes> = None;
    // each figure's frame, and the total of the first list a figure is a part of: looked up per share,
    // so indexed once rather than searched for each
    let frame_of = frame_index(frames);
    let mut list_of: HashMap<usize, usize> = HashMap::new();
    for l in ctx.lists() {
        for &p in &l.parts {
            list_of.entry(p).or_insert(l.total);
        }
    }
    for (ei, e) in entities.iter().enumerate() {
        let shares_here: Vec<usize> = e
            .ratios
            .iter()
            .copied()
            .filter(|&fi| matches!(frames[fi].role, Role::Share { .. }))
            .collect();
        let parallel = parallel_parts(frames, &frame_of, entities, ei, &shares_here);
        // "分别占 X 的 p%、q% 和 r%" whose parts do not pair item by item: one part cannot hold two
        // different shares of one whole, so no share of the list falls back to the subject's own figure
        let unpaired_list = parallel.is_empty() && share_list(frames, &shares_here);
        for &fi in &e.ratios {
            let f = &frames[fi];
            let p = f.tok;
            if ctx.used.contains(&p) {
                continue;
            }
            match &f.role {
                Role::Completion { amount } => {
                    let budget = amount.or(e.budget);
                    match (budget, e.current) {
                        (Some(b), Some(a)) if same_class(ctx, a, b) => {
                            push_completion(ctx, b, a, p)?
                        }
                        _ => ctx.unchecked(p, "未写明预算数或决算数，无法核对完成比例"),
                    }
                }
                Role::Share { whole, amount } => {
                    // the subject's figure, when it stands in the share's ；-part and outside any bracket
                    // the share is in ("电梯（占比 11.3%）" has no figure of its own)
                    // ("工程类项目采购 1131.93 亿元……；工程类项目占比达到 38.95%" names it in its own ；-part)
                    let own = e.current.filter(|&c| {
                        frame_of.get(&c).is_some_and(|&g| {
                            frames[g].part == f.part
                                || (frames[g].statement == f.statement
                                    && names_subject(ctx, &f.lead, c))
                        }) && f.paren.is_none_or(|o| {
                            // inside the same bracket, or a bracket right after the figure ("…万元（占 80.1%）")
                            ctx.tok(c).start > o
                                || ctx.text.slice(ctx.tok(c).end, o).trim().is_empty()
                        })
                    });
                    if unpaired_list && shares_here.contains(&fi) {
                        ctx.unchecked(p, "分别列出的占比无法与分项逐一对应，无法核对");
                        continue;
                    }
                    let part = parallel
                        .iter()
                        .find(|(s, _)| *s == fi)
                        .map(|(_, part)| *part)
                        .or(own);
                    let Some(part) = part else {
                        ctx.unchecked(p, "未找到这一占比的部分数");
                        continue;
                    };
                    // "税占比为 40.2%": the share names its part before 占, which need not be the last figure
                    let part = match share_names_part(ctx, frames, fi, part) {
                        Ok(part) => part,
                        Err(reason) => {
                            ctx.unchecked(p, reason);
                            continue;
                        }
                    };
                    // the total the part was summed into (a list checked against the statement's first figure
                    // rather than its last), else the one it is listed under
                    let parent_total = list_of.get(&part).copied().or_else(|| {
                        entities
                            .get(ei)
                            .and_then(|e| e.parent)
                            .and_then(|t| entities[t].current)
                    });
                    let whole_tok = match (amount, whole) {
                        (Some(w), _) => Ok(Some(*w)),
                        // the whole by its name, else the total the part is listed under when the name
                        // says it in other words ("分别占采购规模的…" of "政府采购金额 326.14 亿元，其中…")
                        (None, Some(name)) => {
                            let wholes = wholes.get_or_insert_with(|| Wholes::new(ctx));
                            match named_whole(ctx, wholes, name, part) {
                                // "占财政拨款总支出的": the 支出 of that name is the whole
                                Ok(None) => match without_total_word(name) {
                                    Some(bare) => named_whole(ctx, wholes, &bare, part),
                                    None => Ok(None),
                                },
                                other => other,
                            }
                            .map(|w| {
                                w.or(parent_total.filter(|&t| {
                                    super::wholes::names_alike(name, &ctx.tok(t).label)
                                }))
                                .or_else(|| area_whole(ctx, name, part))
                                .or_else(|| total_named_otherwise(ctx, name, part))
                            })
                        }
                        (None, None) => Ok(parent_total.or_else(|| family_total(ctx, part))),
                    };
                    match whole_tok {
                        Ok(Some(w)) if same_class(ctx, part, w) && w != part => {
                            ctx.push_share(part, w, p)?
                        }
                        Ok(_) => ctx.unchecked(p, "未找到对应的总数，无法核对占比"),
                        Err(reason) => ctx.unchecked(p, reason),
                    }
                }
                Role::Unbound => ctx.unchecked(p, "未写明这一百分比的含义，无法核对"),
                _ => {}
            }
        }
    }
    Ok(())
}

/// Whether a share's own words before 占 ("工程类项目占比达到") name the figure `c`'s subject: two or more
/// chars that its label holds.
fn names_subject(ctx: &Ctx, lead: &str, c: usize) -> bool {
    named_part(lead).is_some_and(|subject| {
        subject.chars().count() >= 2
            && without_verbs(&normalize(&ctx.tok(c).label)).starts_with(&subject)
    })
}

/// The words a share names its part by, before its 占 ("工程类项目占比达到" → "工程类项目"); None when no 占.
fn named_part(lead: &str) -> Option<String> {
    let (before, _) = lead.split_once('占')?;
    Some(
        before
            .replace("分别", "")
            .replace("其中", "")
            .replace("比重", "")
            .chars()
            .filter(|c| !c.is_ascii() && !"，。；：、的（）“”所均约各共".contains(*c))
            .collect(),
    )
}

/// A label without the words of time and doing it opens with ("全年完成工程类项目采购" → "工程类项目采购").
fn without_verbs(label: &str) -> String {
    let mut s = label;
    while let Some(rest) = ["全年", "本年", "累计", "共", "完成", "实现"]
        .iter()
        .find_map(|w| s.strip_prefix(w))
    {
        s = rest;
    }
    s.to_string()
}

/// Each figure's (first) frame by token index.
fn frame_index(frames: &[Frame]) -> HashMap<usize, usize> {
    let mut index = HashMap::new();
    for (k, f) in frames.iter().enumerate() {
        index.entry(f.tok).or_insert(k);
    }
    index
}

/// Two or more shares of one clause naming the same whole: a list of shares, one per listed part.
fn share_list(frames: &[Frame], shares: &[usize]) -> bool {
    let same = |a: &Frame, b: &Frame| a.clause == b.clause && a.role == b.role;
    shares.len() >= 2
        && shares
            .windows(2)
            .all(|w| same(&frames[w[0]], &frames[w[1]]))
}

/// "A、B、C 分别为 a、b 和 c，占 X 的 p%、q% 和 r%": the shares of one clause paired in order with the parts
/// listed in the clause before it.
fn parallel_parts(
    frames: &[Frame],
    frame_of: &HashMap<usize, usize>,
    entities: &[Entity],
    ei: usize,
    shares: &[usize],
) -> Vec<(usize, usize)> {
    if shares.len() < 2 {
        return Vec::new();
    }
    let clause = frames[shares[0]].clause;
    if shares.iter().any(|&s| frames[s].clause != clause) {
        return Vec::new();
    }
    let Some(before) = entities.get(..=ei) else {
        return Vec::new();
    };
    let listed: Vec<usize> = before
        .iter()
        .rev()
        .take(shares.len())
        .filter_map(|e| {
            e.current
                .filter(|_| e.ratios.iter().all(|r| shares.contains(r)) || e.ratios.is_empty())
        })
        .collect();
    if listed.len() != shares.len() {
        return Vec::new();
    }
    // the parts stand together: in one clause ("A、B、C 分别为 a、b 和 c") or one ；-part ("A a，B b，C c，
    // 分别占 …")
    let listed_clause = listed
        .iter()
        .filter_map(|t| frame_of.get(t))
        .map(|&f| frames[f].part)
        .collect::<Vec<_>>();
    if listed_clause.windows(2).any(|w| w[0] != w[1]) {
        return Vec::new();
    }
    shares
        .iter()
        .copied()
        .zip(listed.into_iter().rev())
        .collect()
}

/// The whole a share names ("占收入合计的", "占一般公共预算支出的"): the level figure labelled so, before the
/// share in the same disclosure, else in the next two statements. Two different figures of that name nearby
/// make it ambiguous.
fn named_whole(
    ctx: &Ctx,
    wholes: &Wholes,
    name: &str,
    part: usize,
) -> std::result::Result<Option<usize>, &'static str> {
    let name = normalize(name);
    if name.chars().count() < 2 {
        return Ok(None);
    }
    let matches = |i: usize| {
        let t = ctx.tok(i);
        t.is_level_amount() && !t.label.is_empty() && {
            let l = normalize(&t.label);
            l.ends_with(&name) || (name.ends_with(&l) && l.chars().count() >= 4)
        }
    };
    let mut before: Vec<usize> = wholes.named_before(ctx, &name, part);
    // a level's figure (盟本级 / 旗级 一般公共预算收入) is a part of the whole the name says without a level
    // (全盟一般公共预算收入), so the whole is that one when it is there
    let of_a_level = |i: usize| {
        let l = normalize(&ctx.tok(i).label);
        l.find(name.as_str())
            .and_then(|at| l.get(..at))
            .is_some_and(|pre| pre.ends_with('级'))
    };
    // a whole of the whole area ("全市一般公共预算收入") is the figure named so when there is one, not one
    // whose name is only the measure ("市级（…）一般公共预算收入", cut at the bracket, is a level's part)
    if name.starts_with('全') {
        let full = |i: &usize| normalize(&ctx.tok(*i).label).ends_with(&name);
        if before.iter().any(full) {
            before.retain(full);
        }
    }
    let levels_apart = !name.contains('级') && before.iter().any(|&i| !of_a_level(i));
    if levels_apart {
        before.retain(|&i| !of_a_level(i));
    }
    // a nearer figure whose name holds the whole's name in other words leaves two readings
    // (only a figure of the share's sentence or the one before can be it: the walk stops there)
    let sentence = ctx.tok(part).sentence;
    let near_start = (0..part)
        .rev()
        .take_while(|&i| ctx.tok(i).sentence + 1 >= sentence)
        .last()
        .unwrap_or(part);
    let nearer = (before.first().map_or(0, |&n| n + 1).max(near_start)..part)
        .rev()
        .find(|&i| {
            let t = ctx.tok(i);
            t.is_level_amount()
                && i != part
                && normalize(&t.label).contains(&name)
                && !(levels_apart && of_a_level(i))
                && sentence <= t.sentence + 1
        });
    if nearer.is_some() {
        return Err("有多种读法：所指总数有两个可能的数");
    }
    if let Some(&nearest) = before.first() {
        // another figure of that name with another value in the same sentence would leave two readings
        let s = ctx.tok(nearest).sentence;
        let rival = before.iter().any(|&i| {
            ctx.tok(i).sentence == s && ctx.tok(i).figure.value != ctx.tok(nearest).figure.value
        });
        return if rival {
            Err("有多种读法：所指总数有两个不同的数")
        } else {
            Ok(Some(nearest))
        };
    }
    Ok((part + 1..ctx.tokens.len())
        .take_while(|&i| ctx.tok(i).start < ctx.end && ctx.tok(i).sentence <= sentence + 2)
        .find(|&i| matches(i)))
}

/// The part a share names before its 占 ("非税占比 35.3%", "税占比为 40.2%"): the figure of the statement whose
/// name begins with those words, if it is not `part` itself; one such figure or none (then `part` stays).
fn share_names_part(
    ctx: &Ctx,
    frames: &[Frame],
    fi: usize,
    part: usize,
) -> std::result::Result<usize, &'static str> {
    let Some(f) = frames.get(fi) else {
        return Ok(part);
    };
    let Some(name) = named_part(&f.lead).filter(|n| !n.is_empty()) else {
        return Ok(part);
    };
    // "授予中小企业合同总金额占…" names "授予中小企业合同金额为 1.3 亿元": 总 before a word of size adds nothing
    let bare = name.replace("总金额", "金额").replace("总规模", "规模");
    let starts = |i: usize| {
        let label = without_verbs(&normalize(&ctx.tok(i).label));
        // or ends with it, the scope written before ("全市政府采购授予中小企业合同金额")
        let tail = |n: &str| n.chars().count() >= 4 && label.ends_with(n);
        label.starts_with(&name) || label.starts_with(&bare) || tail(&name) || tail(&bare)
    };
    if starts(part) {
        return Ok(part);
    }
    // the frames are in text order: the statement's are those around the share's own
    let same = |g: &&Frame| g.statement == f.statement;
    let (before, after) = frames.split_at(fi.min(frames.len()));
    let mut statement: Vec<&Frame> = before.iter().rev().take_while(same).collect();
    statement.reverse();
    statement.extend(after.iter().take_while(same));
    let named: Vec<usize> = statement
        .into_iter()
        .filter(|g| matches!(g.role, Role::Level(_)) && starts(g.tok))
        .map(|g| g.tok)
        .collect();
    match named.as_slice() {
        [one] => Ok(*one),
        [] => Err("占比前所写的名称与文中的数对不上，未核对"),
        _ => Err("有多种读法：占比所指的部分有两个可能的数"),
    }
}

/// The total a bare "占 P%" of a known item refers to: the nearest figure before it, in the same disclosure
/// and at most six statements back, labelled as that item's family total ("“三公”经费支出决算 1.76 万元…
/// 公务接待费支出决算 0.39 万元，占 22.14%").
fn family_total(ctx: &Ctx, part: usize) -> Option<usize> {
    let item = ctx.tok(part).label.clone();
    (0..part)
        .rev()
        .take_while(|&i| {
            ctx.same_document(i, part) && ctx.tok(i).sentence + 6 >= ctx.tok(part).sentence
        })
        .find(|&i| {
            ctx.tok(i).is_level_amount()
                && super::families::is_total_of(&subject_label(ctx, i), &item)
                // a 决算 item is a share of the 决算 total, never of the budget stated beside it
                && measure(&ctx.tok(i).label) == measure(&item)
        })
}

/// A figure's name with its subject: "支出决算 42.00 万元" in "“三公”经费支出预算为 63.30 万元，支出决算为
/// 42.00 万元" is the 三公 决算. A name that is only a measure takes the subject of the sentence's first
/// figure.
fn subject_label(ctx: &Ctx, i: usize) -> String {
    let label = &ctx.tok(i).label;
    let mut bare = label.clone();
    for w in [
        "支出决算数",
        "支出决算",
        "决算数",
        "决算",
        "支出预算数",
        "支出预算",
        "预算数",
        "年初预算",
        "预算",
        "支出",
        "为",
    ] {
        bare = bare.replace(w, "");
    }
    if !bare.is_empty() {
        return label.clone();
    }
    let start = ctx.text.sentence_start(ctx.tok(i).start);
    let first = ctx.tokens[..i]
        .iter()
        .rev()
        .take_while(|t| t.start >= start)
        .filter(|t| t.is_level_amount())
        .last();
    match first {
        Some(f) => format!("{}{}", f.label, label),
        None => label.clone(),
    }
}
