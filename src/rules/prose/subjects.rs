//! The subject a rate or change clause is about when its own statement gives no level: the figure its
//! named subject was given before (or right after), or the first figure of a headless statement.

use super::claims::normalize;
use super::cues::measure;
use super::entities::Entity;
use super::families;
use crate::rules::context::Ctx;

/// The level figure a subject was last given before entity `e` in the same disclosure ("2020年度“三公”经费
/// 15.37 万元 …。2020年度“三公”经费较上年减少 …"): the same name, at most five statements back.
pub(super) fn subject_before(
    ctx: &Ctx,
    entities: &[Entity],
    e: &Entity,
    subject: &str,
) -> Option<usize> {
    let first = entities.iter().find(|x| std::ptr::eq(*x, e))?;
    let here = first.changes.first().or(first.rates.first()).map(|c| c.0)?;
    let want = normalize(subject);
    if want.chars().count() < 2 {
        return None;
    }
    // a figure of another year is another quantity ("2022年度…预算较2021年度…" against a 2021 figure)
    let names_budget = names_its_budget(ctx, first, here);
    let year = |i: usize| ctx.year_of(i);
    let here_year = year(here);
    (0..here)
        .rev()
        .take_while(|&i| {
            ctx.same_document(i, here) && ctx.tok(i).sentence + 5 >= ctx.tok(here).sentence
        })
        .filter(|&i| here_year.is_none() || year(i).is_none() || year(i) == here_year)
        .find(|&i| {
            let t = ctx.tok(i);
            let l = normalize(&measured_name(ctx, i));
            let named = l == want
                || (l.ends_with(&want) && want.chars().count() >= 4)
                || (families::canonical(&l) == families::canonical(&want)
                    && families::canonical(&want).starts_with('#'));
            // a budget is compared only when the subject says it is one, and a subject that names its
            // budget ("2018年“三公”经费预算数比2017年预算数减少…") is never the spending stated before it
            let level_budget = measure(&t.label) == super::cues::Measure::Budget;
            let measure_fits = (!level_budget || want.contains("预算") || names_budget)
                && (level_budget || !names_budget);
            t.is_level_amount() && named && measure_fits && families::same_scope(&t.label, subject)
        })
}

/// The level a subject is given in the two statements after its change ("本年度财政拨款收入较上年决算数减少
/// 358.94 万元…。其中：财政拨款收入 222.4 万元"): the same name exactly (or the same family item), a level
/// of this year's measure and scope, the only such figure.
pub(super) fn subject_after(ctx: &Ctx, e: &Entity, subject: &str) -> Option<usize> {
    let here = e.changes.first().or(e.rates.first()).map(|c| c.0)?;
    let want = normalize(subject);
    if want.chars().count() < 2 {
        return None;
    }
    let sentence = ctx.tok(here).sentence;
    let found: Vec<usize> = (here + 1..ctx.tokens.len())
        .take_while(|&i| {
            ctx.tok(i).start < ctx.end
                && ctx.tok(i).sentence <= sentence + 2
                && ctx.same_document(here, i)
        })
        .filter(|&i| {
            let t = ctx.tok(i);
            let l = normalize(&t.label);
            let named = l == want
                || (families::canonical(&l) == families::canonical(&want)
                    && families::canonical(&want).starts_with('#'));
            t.is_level_amount()
                && named
                && measure(&t.label) == super::cues::Measure::Current
                && families::same_scope(&t.label, subject)
        })
        .collect();
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The subject of a clause that opens with its comparison and states only last year's level of a name
/// ("总收入 6628.72 万元…。相比 2016 年的总收入 6871.82 减少 243.10 万元"): this year's level of exactly that
/// name, in this statement or the two before — the only one there.
pub(super) fn prior_named(ctx: &Ctx, e: &Entity) -> Option<usize> {
    let p = e.prior?;
    if e.current.is_some() || e.budget.is_some() || e.subject.is_some() || e.parent.is_some() {
        return None;
    }
    let t = ctx.tok(p);
    let opening = ctx.text.slice(ctx.text.sentence_start(t.start), t.start);
    let opening = opening.trim_start();
    if !["相比", "比", "较", "与"]
        .iter()
        .any(|w| opening.starts_with(w))
    {
        return None;
    }
    let name = normalize(t.label.trim_start_matches('的'));
    if name.chars().count() < 3 || name.contains(['比', '较', '上']) {
        return None;
    }
    let found: Vec<usize> = (0..p)
        .rev()
        .take_while(|&i| ctx.same_document(i, p) && ctx.tok(i).sentence + 2 >= t.sentence)
        .filter(|&i| {
            let c = ctx.tok(i);
            c.is_level_amount()
                && c.class == t.class
                && normalize(&c.label) == name
                && measure(&c.label) == super::cues::Measure::Current
        })
        .collect();
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Whether the clause of a change against last year names a budget ("2018年“三公”经费预算数比2017年预算数
/// 减少 1 万元"): budgets are compared, so the level it changes is a budget, never a spending stated before.
/// A change against this year's budget ("较年初预算减少") names the budget as its base only.
fn names_its_budget(ctx: &Ctx, e: &Entity, here: usize) -> bool {
    let base = e.changes.first().or(e.rates.first()).map(|c| c.2);
    if base != Some(super::cues::Base::Prior) {
        return false;
    }
    let start = ctx.tok(here).start;
    let clause = ctx
        .text
        .slice(super::words::clause_start(ctx, start), start);
    super::cues::strip_names(&clause).contains("预算")
}

/// Whether `text` holds a number other than a year ("2016年").
fn has_figure_besides_years(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            if !(i - start == 4 && chars.get(i) == Some(&'年')) {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// The subject of a statement that begins with a comparison and no figure of its own ("与上年相比，增加 …"):
/// the first figure of the statement before.
pub(super) fn headless_subject(ctx: &Ctx, entities: &[Entity], ei: usize) -> Option<usize> {
    let e = entities.get(ei)?;
    if !e.headless {
        return None;
    }
    // the clause must hold no figure of its own: "相比2016年的总支出7171.97增加 …" states its base (in a
    // form the reader could not place), so the statement before is not what it compares
    let here = e.changes.first().or(e.rates.first()).map(|c| c.0)?;
    let t = ctx.tok(here);
    let lead = ctx.text.slice(ctx.text.sentence_start(t.start), t.start);
    if has_figure_besides_years(&lead) {
        return None;
    }
    let before = entities.get(..ei)?;
    let previous = before
        .iter()
        .rev()
        .find(|p| p.statement + 1 == e.statement)?
        .statement;
    before
        .iter()
        .find(|p| p.statement == previous)
        .and_then(|p| p.current)
}

/// The name a level is given: its label, or, for a label that is only a measure word ("…支出年初预算为
/// 683.51 万元，支出决算为 358.18 万元"), the label of the level right before it in its sentence.
fn measured_name(ctx: &Ctx, i: usize) -> String {
    let t = ctx.tok(i);
    let label = t.label.trim();
    let bare = super::words::measure_suffix(label).is_some_and(|(_, w)| w == label);
    if bare && i > 0 {
        let p = ctx.tok(i - 1);
        if p.sentence == t.sentence && p.is_level_amount() {
            return p.label.clone();
        }
    }
    t.label.clone()
}

/// Words a clause opens with when it compares the subject named before it.
const COMPARING: [&str; 5] = ["较", "比", "与", "同比", "相比"];

/// Whether entity `e` opens with its comparison and names nothing ("较年初预算数减少 …").
fn opens_comparing(ctx: &Ctx, e: &Entity) -> bool {
    let Some(here) = e.changes.first().or(e.rates.first()).map(|c| c.0) else {
        return false;
    };
    let label = ctx.tok(here).label.trim();
    e.headless && COMPARING.iter().any(|w| label.starts_with(w))
}

/// The subject of a clause that opens with its comparison, later in a statement that so far spoke of one
/// subject only ("“三公”经费支出共计 9.07 万元，较年初预算数减少 10.93 万元，下降 54.65%，较上年支出数减少
/// 0.71 万元"; "…较上年决算数减少 0.03 万元；较年初预算数减少 6.3 万元"): that subject's entity. A list
/// (其中 …) or a second named subject before it leaves the clause without one.
pub(super) fn comparing_chain(ctx: &Ctx, entities: &[Entity], ei: usize) -> Option<usize> {
    let e = entities.get(ei)?;
    if e.parent.is_some() || !opens_comparing(ctx, e) {
        return None;
    }
    let first = entities
        .get(..ei)?
        .iter()
        .position(|p| p.statement == e.statement)?;
    let chain = entities.get(first..ei)?;
    if chain.iter().any(|p| p.parent.is_some())
        || !chain.iter().skip(1).all(|p| opens_comparing(ctx, p))
    {
        return None;
    }
    Some(first)
}
