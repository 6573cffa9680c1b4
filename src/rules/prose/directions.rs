//! Direction words judged against the two figures they relate (增减方向): "决算数小于年初预算数" after a
//! statement of both, "与年初预算持平" / "均与上年持平" of figures stated, "A a 万元，比 2017 年度 A b 万元增加
//! 了 …" with both levels written, and "2023 年首次突破 3000 亿元" of the year's figure. A word is judged only
//! when both figures are bound without doubt — one subject, the two measures the sentence names, one year —
//! and is left alone otherwise: a ✗ here must always be right.

use super::entities::Entity;
use super::frames::Frame;
use super::relation::{self, Pair, Relation, Word};
use super::words::{self, fits, kind_of, Index, Kind, M};
use crate::document::narrative::{Token, UnitClass};
use crate::error::Result;
use crate::rules::claim::ClaimKind;
use crate::rules::context::Ctx;
use rust_decimal::Decimal;
use std::collections::HashSet;

/// Every direction claim of the narrative.
pub fn directions(ctx: &mut Ctx, frames: &[Frame], entities: &[Entity]) -> Result<()> {
    let index = Index::new(frames, entities, ctx.tokens.len());
    let mut done: HashSet<usize> = HashSet::new();
    super::explicit::explicit(ctx, &index, &mut done)?;
    measures(ctx, &index, &mut done)?;
    super::explicit::thresholds(ctx, &index)?;
    Ok(())
}

const AMBIGUOUS: &str = "有多种读法：其后的“大于/小于/持平”等说法可指两个项目，未据以核对";

/// What a figure-free phrase compares: measure a of its subject against measure b.
struct Reading {
    a: M,
    b: M,
    /// The subject it names, as written ("2020年度“三公”经费支出"), if any.
    subject: Option<String>,
    /// 均与上年持平: every subject of the statement so far.
    all: bool,
    /// The year the phrase names for its subject, if any.
    year: Option<Decimal>,
    /// The budget it names (年初预算, 调整预算, 预算), when one of its measures is a budget.
    budget: Kind,
}

/// Phrases that name two measures and no figure: "决算数小于（年初）预算数", "与年初预算相比持平", "均与上年持平".
fn measures(ctx: &mut Ctx, index: &Index, done: &mut HashSet<usize>) -> Result<()> {
    let end = ctx.end.min(ctx.text.chars.len());
    let mut i = 0;
    while i < end {
        let Some(word) = relation::word_at(&ctx.text.chars, i) else {
            i += 1;
            continue;
        };
        let next = i + word.width();
        // a figure right after the word is a change ("较上年减少 1.29 万元"): the growth rules judge it
        if !done.contains(&i) && !words::figure_follows(ctx, next) {
            if let Some(reading) = read(ctx, i, next) {
                let (pairs, doubt) = bind(ctx, index, &reading, i);
                for (a, b) in doubt {
                    ctx.unchecked(a, AMBIGUOUS);
                    ctx.unchecked(b, AMBIGUOUS);
                }
                for (a, b) in pairs {
                    let names = (reading.a.name(), reading.b.name());
                    let pair = Pair {
                        a,
                        b,
                        names,
                        b_exact: false,
                    };
                    relation::push(ctx, &word, i, &pair)?;
                    done.insert(i);
                }
            }
        }
        i = next;
    }
    Ok(())
}

/// The reading of the phrase around a direction word at [at, next), if it names two measures.
fn read(ctx: &Ctx, at: usize, next: usize) -> Option<Reading> {
    let cs = words::clause_start(ctx, at);
    let left = ctx.text.slice(cs, at);
    let right = ctx.text.slice(next, (next + 12).min(ctx.end));
    // a phrase with a figure of its own is not figure-free: its subject is that figure's
    let last_figure = words::last_figure_in(ctx, cs, at).map(|t| ctx.tok(t).end);
    let own = |from: usize| {
        ctx.text
            .slice(last_figure.map_or(from, |e| e.max(from)), at)
    };
    let year = words::year_in(ctx, cs, at);
    // 决算数小于年初预算数
    if let (Some((ma, wa)), Some((mb, wb))) =
        (words::measure_suffix(&left), words::measure_prefix(&right))
    {
        if ma == mb {
            return None;
        }
        let text = own(cs);
        let subject = text.strip_suffix(wa).unwrap_or("").to_string();
        return Some(Reading {
            a: ma,
            b: mb,
            subject: Some(subject).filter(|s| words::names_something(s)),
            all: false,
            year,
            budget: kind_of(if ma == M::Budget { wa } else { wb }),
        });
    }
    // 与年初预算（相比）持平, 比上年增加, 同比持平
    let (c, base) = words::comparison(&left)?;
    if words::last_figure_in(ctx, cs + c, at).is_some() {
        return None;
    }
    let mb = words::base_measure(&base)?;
    let before: String = left.chars().take(c).collect();
    let before_own = {
        let from = last_figure.map_or(0, |e| e.saturating_sub(cs));
        before.chars().skip(from).collect::<String>()
    };
    let trimmed = before_own.trim_end();
    let all = trimmed.ends_with('均') || trimmed.ends_with('都');
    let trimmed = trimmed.trim_end_matches(['均', '都']);
    let (ma, subject, wa) = match words::measure_suffix(trimmed) {
        Some((m, w)) => (m, trimmed.strip_suffix(w).unwrap_or("").to_string(), w),
        None if mb == M::Budget => (M::Actual, trimmed.to_string(), ""),
        None if words::strip_funds(trimmed).contains("预算") => {
            (M::Budget, trimmed.to_string(), "预算")
        }
        None => (M::Actual, trimmed.to_string(), ""),
    };
    (ma != mb).then_some(Reading {
        a: ma,
        b: mb,
        subject: Some(subject).filter(|s| words::names_something(s)),
        all,
        year: words::year_in(ctx, cs, cs + c),
        budget: kind_of(if mb == M::Budget { base.as_str() } else { wa }),
    })
}

/// The figure of measure `m` an entity states.
fn pick(e: &Entity, m: M) -> Option<usize> {
    match m {
        M::Actual => e.current,
        M::Budget => e.budget,
        M::Prior => e.prior,
    }
}

/// The (a, b) token pairs a phrase at `at` relates: the subject it names (this statement or the one before),
/// else every subject of the statement (均), else the subject of the figure just before it, else the one
/// subject of the statement before that states both measures. None when that is not one: then the pairs
/// it could mean come second.
type Pairs = Vec<(usize, usize)>;

fn bind(ctx: &Ctx, index: &Index, r: &Reading, at: usize) -> (Pairs, Pairs) {
    let ss = ctx.text.sentence_start(at);
    let ps = if ss == 0 {
        0
    } else {
        ctx.text.sentence_start(ss - 1)
    };
    let both = |e: &Entity| {
        let (a, b) = (pick(e, r.a)?, pick(e, r.b)?);
        let fits = same_kind(ctx.tok(a), ctx.tok(b))
            && ctx.same_document(a, b)
            && budget_fits(ctx, index, r, e)
            && years_agree(ctx, r, a, b)
            && prior_of_same_measure(ctx, r, a, b);
        fits.then_some((a, b))
    };
    // "A、B 分别为 a 和 b，上年分别为 c 和 d": parallel lists are not paired figure by figure here
    let parallel = |from: usize| {
        ctx.text
            .slice(from.max(at.saturating_sub(400)), at)
            .contains("分别")
    };
    let within = |(a, b): (usize, usize), from: usize| {
        let (ta, tb) = (ctx.tok(a), ctx.tok(b));
        ta.start >= from
            && tb.start >= from
            && ta.end <= at
            && tb.end <= at
            && !parallel(ctx.text.sentence_start(ta.start.min(tb.start)))
    };
    let mut found: Vec<(usize, usize)> = if let Some(subject) = &r.subject {
        let named = |from: usize| -> Vec<(usize, usize)> {
            index
                .entities_in(ctx, from, at)
                .into_iter()
                .filter(|e| words::same_subject(subject, &label_of(ctx, e)))
                .filter_map(both)
                .filter(|&p| within(p, from))
                .collect()
        };
        let here = named(ss);
        if here.is_empty() {
            named(ps)
        } else {
            here
        }
    } else if r.all {
        index
            .entities_in(ctx, ss, at)
            .into_iter()
            .filter_map(both)
            .filter(|&p| within(p, ss))
            .collect()
    } else if let Some(last) = words::last_figure_in(ctx, ss, at) {
        index
            .entity(last)
            .and_then(both)
            .filter(|&p| within(p, 0))
            .into_iter()
            .collect()
    } else {
        index
            .entities_in(ctx, ps, ss)
            .into_iter()
            .filter_map(both)
            .filter(|&p| within(p, ps) && ctx.tok(p.0).start < ss)
            .collect()
    };
    found.sort_unstable();
    found.dedup();
    // one subject, unless the phrase says 均: two subjects with both measures leave the phrase two readings
    if r.all || found.len() <= 1 {
        (found, Vec::new())
    } else {
        (Vec::new(), found)
    }
}

/// The entity's budget is the one the phrase names: "决算数大于年初预算数" is not about a 调整预算.
fn budget_fits(ctx: &Ctx, index: &Index, r: &Reading, e: &Entity) -> bool {
    if r.a != M::Budget && r.b != M::Budget {
        return true;
    }
    e.budget.is_some_and(|b| {
        let stated = format!("{}{}", index.lead(b), ctx.tok(b).label);
        fits(r.budget, kind_of(&stated))
    })
}

/// Money with money, 人 with 人.
fn same_kind(a: &Token, b: &Token) -> bool {
    match (&a.class, &b.class) {
        (UnitClass::Amount, UnitClass::Amount) => a.direction.is_none() && b.direction.is_none(),
        (UnitClass::Count(x), UnitClass::Count(y)) => x == y,
        _ => false,
    }
}

/// 决算 and 预算 of one year, and of the year the phrase names: a figure of another year is another quantity.
fn years_agree(ctx: &Ctx, r: &Reading, a: usize, b: usize) -> bool {
    let (ya, yb) = (words::year_near(ctx, a), words::year_near(ctx, b));
    let same_year = r.b == M::Prior || ya.is_none() || yb.is_none() || ya == yb;
    let phrase = r.year.is_none() || ya.is_none() || r.year == ya;
    same_year && phrase
}

/// 与上年持平 compares one measure over two years: 本年决算 with 上年决算, 本年预算 with 上年预算.
fn prior_of_same_measure(ctx: &Ctx, r: &Reading, a: usize, b: usize) -> bool {
    if r.b != M::Prior {
        return true;
    }
    let budget = |t: usize| words::strip_funds(&ctx.tok(t).label).contains("预算");
    budget(a) == budget(b) && (r.a == M::Budget) == budget(a)
}

/// The label that names an entity's subject: that of its first figure.
fn label_of(ctx: &Ctx, e: &Entity) -> String {
    [e.current, e.budget, e.prior]
        .into_iter()
        .flatten()
        .min()
        .map(|t| ctx.tok(t).label.clone())
        .unwrap_or_default()
}

/// The pairs of figures (spans) a growth or 增减额 claim has judged together, with its direction word.
pub(super) fn judged_pairs(ctx: &Ctx) -> HashSet<((usize, usize), (usize, usize))> {
    let mut out = HashSet::new();
    for c in &ctx.claims {
        if !matches!(
            c.kind,
            ClaimKind::Growth | ClaimKind::Difference | ClaimKind::Variance
        ) {
            continue;
        }
        let spans: Vec<(usize, usize)> = c.inputs.iter().filter_map(|i| i.span).collect();
        for &x in &spans {
            for &y in &spans {
                out.insert((x, y));
            }
        }
    }
    out
}

/// Whether a word claims an order (大于, 减少), not an equality.
pub(super) fn strict(word: &Word) -> bool {
    matches!(word.relation, Relation::Greater | Relation::Less)
}
