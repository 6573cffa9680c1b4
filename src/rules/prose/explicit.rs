//! Direction words between two written figures: "2018年度决算总收入 1244.27 万元，比 2017 年度决算总收入
//! 1058.51 万元增加了 185.76 万元" (the word, and the 增减额 and rate after it, against both levels), and a
//! threshold passed in the year of a figure stated before ("2023年首次突破 3000 亿元").

use super::claims;
use super::cues::{Base, Sign};
use super::directions::{judged_pairs, strict};
use super::frames::Role;
use super::relation::{self, Pair, Relation};
use super::words::{self, Index, M};
use crate::document::narrative::{Token, UnitClass};
use crate::error::Result;
use crate::rules::context::Ctx;
use std::collections::HashSet;

/// Comparison markers between a figure and the one it is compared with; the second says the word must
/// follow 相比 ("与 2017 年 b 万元相比，增加").
const MARKERS: [(&str, bool); 7] = [
    ("相较于", false),
    ("相比于", false),
    ("相比", false),
    ("较之", false),
    ("比", false),
    ("较", false),
    ("与", true),
];

/// A level the sentence reads as such (not a change, a bound or a ratio's base).
fn is_level(index: &Index, ctx: &Ctx, i: usize) -> bool {
    let t = ctx.tok(i);
    matches!(t.class, UnitClass::Amount | UnitClass::Count(_))
        && t.direction.is_none()
        && matches!(index.role(i), Some(Role::Level(_)))
}

fn same_unit_class(a: &Token, b: &Token) -> bool {
    match (&a.class, &b.class) {
        (UnitClass::Amount, UnitClass::Amount) => true,
        (UnitClass::Count(x), UnitClass::Count(y)) => x == y,
        _ => false,
    }
}

/// "a 比 [year] [name] b word": both levels written, the word right after the second.
pub fn explicit(ctx: &mut Ctx, index: &Index, done: &mut HashSet<usize>) -> Result<()> {
    let n = ctx.indices().count();
    let judged = judged_pairs(ctx);
    for i in 0..n {
        if !is_level(index, ctx, i) {
            continue;
        }
        // the next figure that is not a year
        let Some(j) = (i + 1..n).find(|&k| !words::is_year(ctx.tok(k))) else {
            continue;
        };
        let (a, b) = (ctx.tok(i), ctx.tok(j));
        if !is_level(index, ctx, j)
            || !same_unit_class(a, b)
            || a.sentence != b.sentence
            || b.start > a.end + 40
            || !ctx.same_document(i, j)
        {
            continue;
        }
        let between = ctx.text.slice(a.end, b.start);
        let gap = between.trim_start_matches([',', '，', ' ']);
        let Some(&(marker, needs_xiangbi)) = MARKERS.iter().find(|(m, _)| gap.starts_with(m))
        else {
            continue;
        };
        let descriptor = &gap[marker.len()..];
        if descriptor.chars().count() > 20
            || descriptor.contains(|c: char| "，,；;。：:（()）、".contains(c))
        {
            continue;
        }
        let Some((at, xiangbi)) = word_after(ctx, b.end) else {
            continue;
        };
        let Some(word) = relation::word_at(&ctx.text.chars, at) else {
            continue;
        };
        // "与 b 相比增加" and "与 b 持平"; a 与 without 相比 before 增加 may join two subjects ("A 与 B 均增加")
        if needs_xiangbi && !xiangbi && strict(&word) {
            continue;
        }
        // 增长率 after the figure names a rate, not a direction
        if ctx.text.chars.get(at + word.width()) == Some(&'率') || done.contains(&at) {
            continue;
        }
        let from = ctx.text.sentence_start(a.start).max(at.saturating_sub(400));
        let span = |t: &Token| ctx.text.span(t.start, t.end);
        if ctx.text.slice(from, at).contains("分别")
            || !same_subject(ctx, index, i, descriptor)
            || judged.contains(&(span(a), span(b)))
        {
            continue;
        }
        let b_name = match words::base_measure(descriptor) {
            _ if words::names_something(descriptor) => name_of(b, "比较数"),
            Some(m) => m.name().to_string(),
            None => name_of(b, "比较数"),
        };
        let names = (name_of(a, "本年数"), b_name);
        let pair = Pair {
            a: i,
            b: j,
            names: (&names.0, &names.1),
            b_exact: false,
        };
        relation::push(ctx, &word, at, &pair)?;
        done.insert(at);
        // 决算 against 预算 is no 增减额 on last year; 预算 against last year's 预算 is
        let against_budget = words::base_measure(descriptor) == Some(M::Budget)
            && !words::strip_funds(&ctx.tok(i).label).contains("预算");
        if strict(&word) && !against_budget {
            change_after(ctx, index, i, j, at + word.width(), word.relation)?;
        }
    }
    Ok(())
}

/// Where the direction word after the compared figure starts (after 相比, a comma after 相比, and spaces),
/// and whether 相比 was written.
fn word_after(ctx: &Ctx, end: usize) -> Option<(usize, bool)> {
    let chars = &ctx.text.chars;
    let mut k = end;
    let skip_spaces = |k: &mut usize| {
        while chars.get(*k).is_some_and(|c| c.is_whitespace()) {
            *k += 1;
        }
    };
    skip_spaces(&mut k);
    let xiangbi = ["相比", "相较", "比较"]
        .iter()
        .find(|w| ctx.text.starts_with_at(k, w));
    if let Some(w) = xiangbi {
        k += w.chars().count();
        if chars.get(k).is_some_and(|c| *c == '，' || *c == ',') {
            k += 1;
        }
    }
    skip_spaces(&mut k);
    (k < ctx.end).then_some((k, xiangbi.is_some()))
}

/// Whether the compared figure is of the same subject as the first: its name repeats the first's ("比 2017
/// 年度决算总收入"), or it names only a year or a measure ("比上年", "比年初预算") and the first figure is the
/// statement's own subject, not an item of a list (where "比上年 b" could be of the list's total).
fn same_subject(ctx: &Ctx, index: &Index, i: usize, descriptor: &str) -> bool {
    if words::names_something(descriptor) {
        return words::same_subject(descriptor, &ctx.tok(i).label);
    }
    let a = ctx.tok(i);
    let from = ctx
        .text
        .sentence_start(a.start)
        .max(a.start.saturating_sub(400));
    let before = ctx.text.slice(from, a.start);
    let listed = ["其中", "包括", "分别"].iter().any(|w| before.contains(w));
    !listed && index.entity(i).is_some_and(|e| e.parent.is_none())
}

fn name_of(t: &Token, fallback: &str) -> String {
    if words::names_something(&t.label) {
        t.label.clone()
    } else {
        fallback.to_string()
    }
}

/// The 增减额 and rate written right after the word ("…增加了 185.76 万元，增长 17.6%"), against the two
/// levels, when no rule has judged them.
fn change_after(
    ctx: &mut Ctx,
    index: &Index,
    a: usize,
    b: usize,
    after: usize,
    relation: Relation,
) -> Result<()> {
    let Some(d) = ctx.first_at(after) else {
        return Ok(());
    };
    let gap = ctx.text.slice(after, ctx.tok(d).start);
    let td = ctx.tok(d);
    let is_change = matches!(
        index.role(d),
        Some(Role::Change {
            base: Base::Prior,
            ..
        })
    );
    if !is_change || !gap.chars().all(|c| "了为达 ".contains(c)) || !same_unit_class(ctx.tok(a), td)
    {
        return Ok(());
    }
    let sign = if relation == Relation::Greater {
        Sign::Up
    } else {
        Sign::Down
    };
    claims::push_difference(ctx, a, b, d, sign)?;
    // a rate right after: "，增长 17.6%"
    let Some(r) = ctx.first_at(ctx.tok(d).end) else {
        return Ok(());
    };
    let tr = ctx.tok(r);
    let between = ctx.text.slice(ctx.tok(d).end, tr.start);
    if tr.class == UnitClass::Percent
        && tr.sentence == td.sentence
        && between.chars().count() <= 6
        && !ctx.used.contains(&r)
    {
        if let Some(Role::Rate {
            sign,
            base: Base::Prior,
        }) = index.role(r)
        {
            claims::push_rate_vs_level(ctx, Base::Prior, a, b, r, *sign)?;
        }
    }
    Ok(())
}

/// Why a bound after 突破 is not checked (it replaces "约数或区间": the figure is exact, its subject is not).
const UNBOUND: &str = "“突破”后的门槛数：未找到可唯一对应的当年数，未核对";

/// "2023年首次突破 3000 亿元": the bound against the one figure of that year stated before it whose name
/// holds the subject's word (收入 or 支出), of the subject's scope and not an item of a list.
pub fn thresholds(ctx: &mut Ctx, index: &Index) -> Result<()> {
    let n = ctx.indices().count();
    for t in 0..n {
        let tok = ctx.tok(t);
        if tok.class != UnitClass::Amount || !ctx.text.ends_with_at(tok.start, "突破") {
            continue;
        }
        let Some(a) = threshold_level(ctx, index, t) else {
            ctx.reasons.insert(t, UNBOUND);
            continue;
        };
        let names = (name_of(ctx.tok(a), "本年数"), "门槛".to_string());
        let pair = Pair {
            a,
            b: t,
            names: (&names.0, &names.1),
            b_exact: true,
        };
        relation::push(ctx, &relation::BREAKS, tok.start.saturating_sub(2), &pair)?;
    }
    Ok(())
}

/// The figure a bound after 突破 (token `t`) is of: the year right before the word ("2023年首次突破"), the
/// subject of the run of such clauses, and the one level of that year and subject before it.
fn threshold_level(ctx: &Ctx, index: &Index, t: usize) -> Option<usize> {
    let tok = ctx.tok(t);
    let word_at = tok.start.saturating_sub(2);
    let cs = words::clause_start(ctx, tok.start);
    // the tokens of this statement and the three before it
    let first = ctx
        .tokens
        .partition_point(|x| x.sentence + 3 < tok.sentence);
    let y = (first..t).rev().find(|&k| {
        words::is_year(ctx.tok(k)) && ctx.tok(k).start >= cs && ctx.tok(k).end <= word_at
    })?;
    let link = ctx.text.slice(ctx.tok(y).end, word_at);
    if !["年", "年首次", "年再次", "年度首次", "年度"].contains(&link.as_str()) {
        return None;
    }
    let year = ctx.tok(y).figure.value;
    let subject = threshold_subject(ctx, cs)?;
    // "全区收入规模" → "收入": the figure's name must end with what the subject is ("一般公共预算收入"),
    // so "财政总收入突破" is never judged on a 一般公共预算收入
    let mut core = subject.clone();
    for w in [
        "继", "规模", "总量", "总额", "首次", "再次", "已经", "已", "的",
    ] {
        core = core.replace(w, "");
    }
    let core: String = core
        .trim_start_matches(|c: char| "全区县市省镇乡本级".contains(c))
        .to_string();
    if !(core.ends_with("收入") || core.ends_with("支出")) {
        return None;
    }
    let found: Vec<usize> = (first..t)
        .filter(|&k| ctx.same_document(k, t))
        .filter(|&k| {
            let c = ctx.tok(k);
            c.is_level_amount()
                && matches!(index.role(k), Some(Role::Level(_)))
                && c.label.ends_with(core.as_str())
                && first_level_of_statement(ctx, k)
                && super::families::same_scope(&c.label, &subject)
                && words::year_near(ctx, k) == Some(year)
                && index.entity(k).is_some_and(|e| e.parent.is_none())
        })
        .collect();
    // one figure (stated once or repeated with one value), else two readings
    let &a = found.last()?;
    found
        .iter()
        .all(|&k| ctx.tok(k).figure.value == ctx.tok(a).figure.value)
        .then_some(a)
}

/// The subject of a run of "YEAR 年突破 X" clauses: the text before the first year of the first clause of
/// the run ("全区收入规模继 2010 年突破 1000 亿元，2019 年突破 2000 亿元后，2023 年首次突破 3000 亿元").
fn threshold_subject(ctx: &Ctx, mut cs: usize) -> Option<String> {
    let ss = ctx.text.sentence_start(cs);
    loop {
        let starts_with_year = ctx.text.chars.get(cs).is_some_and(char::is_ascii_digit);
        if !starts_with_year || cs <= ss {
            break;
        }
        cs = words::clause_start(ctx, cs - 1);
    }
    let first_digit =
        (cs..ctx.end).find(|&k| ctx.text.chars.get(k).is_some_and(char::is_ascii_digit))?;
    let s = ctx.text.slice(cs, first_digit);
    (!s.is_empty()).then_some(s)
}

/// Whether a figure is the first amount of its statement: the figure a statement is about.
fn first_level_of_statement(ctx: &Ctx, k: usize) -> bool {
    let ss = ctx.text.sentence_start(ctx.tok(k).start);
    words::last_figure_in(ctx, ss, ctx.tok(k).start).is_none()
}
