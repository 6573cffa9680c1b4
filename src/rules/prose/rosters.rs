//! A roster: members numbered one by one, each with its amount in a bracket right after its name, the way
//! news texts rank cities or units ("1.鄂尔多斯(101.6亿元 同比增长-32.0%)、2.呼和浩特(25.94亿元 18.54%)、…").
//! The text after it tells a member's amount again by name ("鄂尔多斯…达到101.6亿元") and compares two
//! members ("锡林郭勒盟高出包头0.68亿元", "乌海领先呼伦贝尔，优势锁定在了1.91亿元", "以75.66亿元的超大距离
//! 位列鄂尔多斯之后"). The roster names no measure of its own: a later figure is taken as the member's only by
//! its name and place, so one that does not agree is a 提示, never a ✗.

use super::cues::Measure;
use super::frames::{Frame, Role};
use super::years::statement_ranges;
use crate::document::narrative::UnitClass;
use crate::error::Result;
use crate::num::figure::Figure;
use crate::num::verdict::{check_sum, Verdict};
use crate::report::wording;
use crate::rules::claim::{ClaimKind, Source};
use crate::rules::context::Ctx;

/// A roster's member: its name and the token of its amount.
struct Member {
    name: Vec<char>,
    tok: usize,
}

/// Words written between two members' names that put the first ahead of the second by the figure after.
const AHEAD: [&str; 6] = ["高出", "领先", "超出", "超过", "多于", "高于"];

/// Words that make a figure near a name a gap or a change, not the member's own amount.
const NOT_LEVEL: [&str; 16] = [
    "高出", "领先", "超出", "超过", "多于", "高于", "低于", "落后", "距离", "差距", "优势", "相差",
    "之差", "比", "较", "占",
];

/// Words that name another measure or period than the roster's (a part, a change, a plan, last year).
const OTHER_MEASURE: [&str; 14] = [
    "税", "支出", "债", "基金", "其中", "增", "减", "降", "预算", "上年", "去年", "全年", "累计",
    "目标",
];

/// How far a member's name may stand before its figure.
const REACH: usize = 40;

pub fn rosters(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    let Some(members) = roster(ctx, frames) else {
        return Ok(());
    };
    let Some(last) = members.iter().map(|m| m.tok).max() else {
        return Ok(());
    };
    let after = ctx.tok(last).end;
    let mut used = std::collections::HashSet::new();
    gaps(ctx, &members, after, &mut used)?;
    for (n, f) in frames.iter().enumerate() {
        let t = ctx.tok(f.tok);
        if t.start < after
            || used.contains(&f.tok)
            || f.paren.is_some()
            || f.role != Role::Level(Measure::Current)
            || t.class != UnitClass::Amount
            || t.direction.is_some()
            || !ctx.same_document(last, f.tok)
        {
            continue;
        }
        let Some((m, name_end)) = named_before(ctx, &members, after, t.start) else {
            continue;
        };
        let chars = &ctx.text.chars;
        let lead = ctx.text.slice(name_end, t.start);
        let clause_start = (after..t.start)
            .rev()
            .find(|&j| matches!(chars[j], '，' | ',' | '；' | ';' | '。' | '：'))
            .map_or(after, |j| j + 1);
        let clause_end = (t.end..chars.len().min(ctx.end))
            .find(|&j| matches!(chars[j], '，' | ',' | '；' | ';' | '。'))
            .unwrap_or(t.end);
        let around = ctx.text.slice(clause_start.min(name_end), clause_end);
        if ctx.first_at(name_end) != Some(f.tok)
            || NOT_LEVEL.iter().any(|w| around.contains(w))
            || OTHER_MEASURE.iter().any(|w| lead.contains(w))
        {
            continue;
        }
        let earlier = members[m].tok;
        crate::rules::links::push_same(ctx, ClaimKind::SameFigure, earlier, f.tok, "列表中的数")?;
        let name: String = members[m].name.iter().collect();
        if let Some(c) = ctx.claims.last_mut() {
            if c.check.verdict == Verdict::Mismatch {
                c.check.verdict = Verdict::Notice;
            }
            c.message = Some(wording::roster_restated(&name, &c.check, &c.unit));
        }
        if let Some(next) = frames.get(n + 1).filter(|g| g.statement == f.statement) {
            share_of_whole(ctx, frames, (&members, m), f.tok, next)?;
        }
    }
    Ok(())
}

/// "达到101.6亿元，独占全区财政份额的27.7%": a member's share of the whole its region states before the
/// roster ("全区一般公共预算收入…完成366.2亿元"), when one figure before the roster opens with those words.
fn share_of_whole(
    ctx: &mut Ctx,
    frames: &[Frame],
    (members, m): (&[Member], usize),
    part: usize,
    next: &Frame,
) -> Result<()> {
    let Role::Share {
        whole: Some(whole),
        amount: None,
    } = &next.role
    else {
        return Ok(());
    };
    let scope: String = whole.chars().take(2).collect();
    if !(scope.starts_with('全') && scope.chars().count() == 2) {
        return Ok(());
    }
    let first = members.iter().map(|m| m.tok).min().unwrap_or(0);
    let wholes: Vec<&Frame> = frames
        .iter()
        .filter(|g| {
            g.tok < first
                && g.role == Role::Level(Measure::Current)
                && g.paren.is_none()
                && ctx.tok(g.tok).class == UnitClass::Amount
                && ctx.tok(g.tok).direction.is_none()
                && g.lead.starts_with(&scope)
        })
        .collect();
    let [w] = wholes[..] else { return Ok(()) };
    ctx.push_share(part, w.tok, next.tok)?;
    if let Some(c) = ctx.claims.last_mut() {
        if c.check.verdict == Verdict::Mismatch {
            c.check.verdict = Verdict::Notice;
        }
        c.context = Some(format!("占{scope}的比重"));
        if let Some(p) = c.inputs.get_mut(0) {
            p.name = members[m].name.iter().collect();
        }
        // the whole's own words, without a bracketed aside ("(以下简称财政收入)") or its verb
        if let Some(wi) = c.inputs.get_mut(1) {
            wi.name = w
                .lead
                .split(['(', '（'])
                .next()
                .unwrap_or(&scope)
                .to_string();
        }
    }
    Ok(())
}

/// The roster of the narrative: the first statement with three or more numbered members.
fn roster(ctx: &Ctx, frames: &[Frame]) -> Option<Vec<Member>> {
    statement_ranges(frames).into_iter().find_map(|r| {
        let mut members: Vec<Member> = Vec::new();
        for f in &frames[r] {
            if let Some(m) = member(ctx, f) {
                // one amount per bracket: the first
                if members
                    .iter()
                    .all(|o| ctx.tok(o.tok).end <= f.paren.unwrap_or(0))
                {
                    members.push(m);
                }
            }
        }
        // names that hold one another could not be told apart where the text names them again
        let distinct = members.iter().enumerate().all(|(i, a)| {
            members
                .iter()
                .enumerate()
                .all(|(j, b)| i == j || !contains(&a.name, &b.name))
        });
        (members.len() >= 3 && distinct).then_some(members)
    })
}

/// A member: an amount opening a bracket right after a name that follows a list number ("2.呼和浩特(").
fn member(ctx: &Ctx, f: &Frame) -> Option<Member> {
    let open = f.paren?;
    let t = ctx.tok(f.tok);
    if t.class != UnitClass::Amount || t.direction.is_some() || !matches!(f.role, Role::Level(_)) {
        return None;
    }
    if !ctx.text.slice(open + 1, t.start).trim().is_empty() {
        return None;
    }
    let chars = &ctx.text.chars;
    let start = (open.saturating_sub(10)..open)
        .rev()
        .take_while(|&j| is_han(chars[j]))
        .last()?;
    let mark = chars[..start]
        .iter()
        .rev()
        .find(|c| !matches!(c, '.' | '．' | '、' | ')' | '）' | ' '));
    let numbered = mark.is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c));
    (open - start >= 2 && numbered).then(|| Member {
        name: chars[start..open].to_vec(),
        tok: f.tok,
    })
}

/// The member named last before cleaned char `at` in its statement, within reach: its index and where its
/// name ends.
fn named_before(ctx: &Ctx, members: &[Member], from: usize, at: usize) -> Option<(usize, usize)> {
    let chars = &ctx.text.chars;
    let lo = at.saturating_sub(REACH).max(from);
    for end in (lo..=at).rev() {
        if end < at && matches!(chars[end], '。' | '！' | '？' | '\n') {
            return None;
        }
        if let Some(m) = members
            .iter()
            .position(|m| ends_with(&chars[..end], &m.name))
        {
            return Some((m, end));
        }
    }
    None
}

/// "A高出B 0.68亿元", "A领先B，优势…1.91亿元": A's amount is B's and the gap; "以75.66亿元的…距离位列A之后":
/// A's amount is that of the member named before and the gap.
fn gaps(
    ctx: &mut Ctx,
    members: &[Member],
    after: usize,
    used: &mut std::collections::HashSet<usize>,
) -> Result<()> {
    let chars = &ctx.text.chars;
    let end = ctx.end.min(chars.len());
    let mut found = Vec::new();
    // only a member's first char can open "A高出B"
    let firsts: Vec<char> = members
        .iter()
        .filter_map(|m| m.name.first().copied())
        .collect();
    for at in (after..end).filter(|&at| firsts.contains(&chars[at])) {
        for (a, ma) in members.iter().enumerate() {
            if !starts_with(&chars[at..end], &ma.name) {
                continue;
            }
            let k = at + ma.name.len();
            let Some(word) = AHEAD.iter().find(|w| starts_with_str(&chars[k..end], w)) else {
                continue;
            };
            let k = k + word.chars().count();
            let Some(b) = members
                .iter()
                .position(|m| starts_with(&chars[k..end], &m.name))
            else {
                continue;
            };
            let k = k + members[b].name.len();
            // the first figure after, in the same statement, with no other name between
            let Some(g) = ctx.first_at(k) else { continue };
            let between = &chars[k..ctx.tok(g).start.max(k)];
            if between.iter().any(|c| matches!(c, '。' | '；' | ';'))
                || members.iter().any(|m| contains(between, &m.name))
            {
                continue;
            }
            found.push((a, b, g, at));
        }
    }
    // "以X亿元的超大距离位列A之后": the gap to A of the member named before it
    let first = ctx.first_at(after).unwrap_or(ctx.tokens.len());
    for g in (first..ctx.tokens.len()).take_while(|&g| ctx.tok(g).start < end) {
        if let Some((a, b)) = behind(ctx, members, after, g) {
            found.push((a, b, g, ctx.tok(g).start));
        }
    }
    for (a, b, g, at) in found {
        if a == b || ctx.tok(g).class != UnitClass::Amount || !used.insert(g) {
            continue;
        }
        push_gap(ctx, (&members[a], &members[b]), g, at)?;
    }
    Ok(())
}

/// "首府呼和浩特首月完成25.94亿元，以75.66亿元的超大距离位列鄂尔多斯之后": (the member ahead, the member named
/// before the gap).
fn behind(ctx: &Ctx, members: &[Member], after: usize, g: usize) -> Option<(usize, usize)> {
    let chars = &ctx.text.chars;
    let t = ctx.tok(g);
    let tail: String = ctx.text.slice(t.end, (t.end + 16).min(ctx.end));
    let tail = tail.split(['。', '，', ',', '；']).next()?;
    if !(tail.starts_with("的") && (tail.contains("距离") || tail.contains("差距"))) {
        return None;
    }
    let at = ["位列", "排在", "落后于", "落后", "次于"]
        .iter()
        .find_map(|w| tail.find(w).map(|p| p + w.len()))?;
    let rest: Vec<char> = tail[at..].chars().collect();
    let ahead = members.iter().position(|m| starts_with(&rest, &m.name))?;
    let after_name: String = rest[members[ahead].name.len()..].iter().collect();
    if !after_name.starts_with("之后") && !after_name.starts_with('后') {
        return None;
    }
    let (own, _) = named_before(ctx, members, after, t.start)?;
    let lead: String = chars[t.start.saturating_sub(1)..t.start].iter().collect();
    (lead == "以").then_some((ahead, own))
}

/// The gap `g` between members `a` (ahead) and `b`: gap = a − b.
fn push_gap(ctx: &mut Ctx, (a, b): (&Member, &Member), g: usize, at: usize) -> Result<()> {
    let [fg, fa, fb] = ctx.aligned([g, a.tok, b.tok]);
    let minus_b = Figure {
        value: -fb.value,
        ..fb.clone()
    };
    let check = check_sum(&fg, &[fa, minus_b])?;
    let (na, nb): (String, String) = (a.name.iter().collect(), b.name.iter().collect());
    let inputs = vec![
        ctx.source(g, "差距"),
        Source::token(ctx.text, ctx.tok(a.tok), &na),
        Source::token(ctx.text, ctx.tok(b.tok), &nb),
    ];
    let unit = crate::rules::context::unit_of(ctx.tok(g));
    let span = ctx.text.span(at.min(ctx.tok(g).start), ctx.tok(g).end);
    ctx.push(ClaimKind::Sum, check, span, inputs, &unit);
    ctx.set_stated(g);
    ctx.used.insert(g);
    if let Some(c) = ctx.claims.last_mut() {
        if c.check.verdict == Verdict::Mismatch {
            c.check.verdict = Verdict::Notice;
        }
        c.context = Some("列表中两项之差".into());
        c.message = Some(wording::roster_gap(&na, &nb, &c.check, &c.unit));
    }
    Ok(())
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn starts_with(hay: &[char], name: &[char]) -> bool {
    hay.len() >= name.len() && hay[..name.len()] == *name
}

fn starts_with_str(hay: &[char], word: &str) -> bool {
    let w: Vec<char> = word.chars().collect();
    starts_with(hay, &w)
}

fn ends_with(hay: &[char], name: &[char]) -> bool {
    hay.len() >= name.len() && hay[hay.len() - name.len()..] == *name
}

fn contains(hay: &[char], name: &[char]) -> bool {
    hay.windows(name.len().max(1)).any(|w| w == name)
}
