//! Claims written as sentences: totals with their parts (其中), shares (占), growth (比上年增加…增长),
//! variance (预决算差异率) and execution (执行率).

use super::claim::{ClaimKind, Source};
use super::context::{Ctx, List};
use crate::document::narrative::{Direction, Token, UnitClass};
use crate::error::Result;
use crate::num::figure::Figure;
use crate::num::rates::{rate, sub, RateKind};
use crate::num::verdict::{check_rate, Verdict};
use rust_decimal::Decimal;

/// Same class of figure: money with money, 辆 with 辆.
fn same_class(a: &Token, b: &Token) -> bool {
    a.class == b.class && a.class != UnitClass::Other && a.class != UnitClass::Percent
}

/// A level figure (an amount or count, not a change, not after 占) that a list can hold.
fn is_level(ctx: &Ctx, t: &Token) -> bool {
    matches!(t.class, UnitClass::Amount | UnitClass::Count(_))
        && t.direction.is_none()
        && !ctx.text.ends_with_at(t.start, "占")
}

/// Totals with their parts: "收入总计 X，其中：A a，B b，C c。" The total is the nearest level figure of the
/// same class before 其中 (in its sentence, else the sentence before); the parts are the level figures of
/// that class up to the end of the sentence, continuing into following sentences that open with
/// "label figure" while the parts still fall short of the total (人员经费 …。公用经费 …).
pub fn sums(ctx: &mut Ctx) -> Result<()> {
    for pos in ctx.text.find_all("其中", 0, ctx.end) {
        let after = pos + 2;
        // the first part: skip numbers that are not figures (a year, a list number, "alert(1)")
        let Some(first) = ctx.first_at(after).and_then(|f| {
            (f..ctx.tokens.len())
                .take_while(|&i| ctx.tok(i).class == UnitClass::Other)
                .last()
                .map_or(Some(f), |i| Some(i + 1))
        }) else {
            continue;
        };
        let Some(first_tok) = ctx.tokens.get(first) else {
            continue;
        };
        if !is_level(ctx, first_tok) || first_tok.start > after + 60 {
            continue;
        }
        let sentence = first_tok.sentence;
        // "。其中：" opens its own sentence: the total was stated in the sentence before
        let opens_sentence = pos == 0 || ctx.text.chars.get(pos - 1) == Some(&'。');
        let reach = if opens_sentence { 1 } else { 0 };
        let candidates = list_parts(ctx, first, total_limit(ctx, first, reach));
        // "其中：A 全年预算数 a，决算数 b；B 全年预算数 c，决算数 d…": one list per measure, each against
        // the total stated with the same measure word before 其中
        let measures: Vec<Option<&str>> = candidates
            .iter()
            .map(|&i| measure(&ctx.tok(i).label))
            .collect();
        let mut groups: Vec<Option<&str>> = Vec::new();
        for m in &measures {
            if !groups.contains(m) {
                groups.push(*m);
            }
        }
        for group in groups {
            let parts: Vec<usize> = candidates
                .iter()
                .zip(&measures)
                .filter(|(_, m)| **m == group)
                .map(|(&i, _)| i)
                .collect();
            let Some(&part0) = parts.first() else {
                continue;
            };
            let total = (0..first)
                .rev()
                .take_while(|&i| ctx.tok(i).sentence + reach >= sentence)
                .find(|&i| {
                    let t = ctx.tok(i);
                    is_level(ctx, t) && same_class(t, ctx.tok(part0)) && measure(&t.label) == group
                });
            let Some(total) = total else { continue };
            if parts.len() < 2 {
                continue;
            }
            let kind = if matches!(ctx.tok(total).class, UnitClass::Count(_)) {
                ClaimKind::Count
            } else {
                ClaimKind::Sum
            };
            let last = *parts.last().unwrap_or(&first);
            let span = ctx.span_of(total, last);
            ctx.push_sum(kind, total, &parts, span)?;
            ctx.lists.push(List { total, parts });
        }
    }
    Ok(())
}

/// The measure word a label ends with (预算数 / 决算数 / 执行数), which pairs a part with its total.
fn measure(label: &str) -> Option<&'static str> {
    ["预算数", "决算数", "执行数"]
        .into_iter()
        .find(|m| label.ends_with(m))
}

/// The most a list's parts may add up to before the list stops at a sentence end: the largest level
/// figure of the same class stated just before 其中.
fn total_limit(ctx: &Ctx, first: usize, reach: usize) -> Decimal {
    let sentence = ctx.tok(first).sentence;
    (0..first)
        .rev()
        .take_while(|&i| ctx.tok(i).sentence + reach >= sentence)
        .filter(|&i| is_level(ctx, ctx.tok(i)) && same_class(ctx.tok(i), ctx.tok(first)))
        .map(|i| ctx.tok(i).figure.value)
        .max()
        .unwrap_or(Decimal::ZERO)
}

/// The level figures of a 其中 list from token `first` to the end of its sentence, continuing into the
/// next sentence while they fall short of `limit` and it opens "label figure" (人员经费 …。公用经费 …).
fn list_parts(ctx: &Ctx, first: usize, limit: Decimal) -> Vec<usize> {
    let first_tok = ctx.tok(first);
    let mut parts = Vec::new();
    let mut sum = Decimal::ZERO;
    let mut current = first_tok.sentence;
    let mut i = first;
    while let Some(t) = ctx.tokens.get(i).filter(|t| t.start < ctx.end) {
        if t.sentence != current {
            let short = sum
                < limit.saturating_sub(
                    first_tok
                        .figure
                        .half_width()
                        .saturating_mul(Decimal::from(parts.len() + 2)),
                );
            // an enumeration ("包括：基本工资、…。") can end a sentence in the middle of a list
            let enumerated = !ctx
                .text
                .find_all(
                    "包括",
                    ctx.text.sentence_start(ctx.tok(i - 1).start),
                    t.start,
                )
                .is_empty();
            let opens_with_part = enumerated
                && is_level(ctx, t)
                && same_class(t, first_tok)
                && !t.label.contains("总计")
                && !t.label.contains("合计")
                && t.label_start <= ctx.text.sentence_start(t.start) + 1;
            if t.sentence != current + 1 || !short || !opens_with_part {
                break;
            }
            current = t.sentence;
        }
        if is_level(ctx, t) && same_class(t, first_tok) {
            parts.push(i);
            // saturating: absurd figures near the limit of exact range must not panic
            sum = sum.saturating_add(t.figure.value);
        }
        i += 1;
    }
    parts
}

/// The nearest level amount before token `before` in the same sentence.
fn level_before(ctx: &Ctx, before: usize) -> Option<usize> {
    let sentence = ctx.tok(before).sentence;
    (0..before)
        .rev()
        .take_while(|&i| ctx.tok(i).sentence == sentence)
        .find(|&i| ctx.tok(i).is_level_amount() && !ctx.text.ends_with_at(ctx.tok(i).start, "占"))
}

/// Shares: "X a 万元，占 P%" (whole = the total of the list X belongs to) and "占 W 的 P%" (whole = the
/// figure named W stated earlier).
pub fn shares(ctx: &mut Ctx) -> Result<()> {
    let percents: Vec<usize> = ctx
        .indices()
        .filter(|&i| ctx.tok(i).class == UnitClass::Percent)
        .collect();
    for p in percents {
        if ctx.used.contains(&p) {
            continue;
        }
        let start = ctx.tok(p).start;
        let named_whole = if ctx.text.ends_with_at(start, "占") {
            None
        } else if ctx.text.ends_with_at(start, "的") {
            let from = start.saturating_sub(20);
            match (from..start)
                .rev()
                .find(|&j| ctx.text.chars.get(j) == Some(&'占'))
            {
                Some(j) => Some(ctx.text.slice(j + 1, start - 1)),
                None => continue,
            }
        } else {
            continue;
        };
        let Some(part) = level_before(ctx, p) else {
            continue;
        };
        let named =
            |i: usize, name: &str| ctx.tok(i).is_level_amount() && ctx.tok(i).label.ends_with(name);
        let whole = match &named_whole {
            // the whole named before the share, else in the next two sentences ("…占本年支出合计的
            // 82.73%。本年支出合计 1,810.23 万元。")
            Some(name) => (0..part)
                .rev()
                .take_while(|&i| ctx.same_document(i, part))
                .find(|&i| named(i, name))
                .or_else(|| {
                    let sentence = ctx.tok(p).sentence;
                    (p + 1..ctx.tokens.len())
                        .take_while(|&i| {
                            ctx.tok(i).start < ctx.end && ctx.tok(i).sentence <= sentence + 2
                        })
                        .find(|&i| named(i, name))
                }),
            None => ctx
                .lists
                .iter()
                .find(|l| l.parts.contains(&part))
                .map(|l| l.total),
        };
        let Some(whole) = whole else { continue };
        push_share(ctx, part, whole, p)?;
    }
    Ok(())
}

/// Adds a share claim: part ÷ whole against the stated percentage token.
pub fn push_share(ctx: &mut Ctx, part: usize, whole: usize, stated: usize) -> Result<()> {
    let ts = ctx.tok(stated);
    let [fp, fw] = ctx.aligned([part, whole]);
    let check = check_rate(|x, y| rate(RateKind::Share, x, y), &fp, &fw, &ts.figure)?;
    let inputs = vec![ctx.source(part, "部分"), ctx.source(whole, "总数")];
    let span = ctx.span_of(part, stated);
    ctx.push(ClaimKind::Share, check, span, inputs, "%");
    ctx.set_stated(stated);
    ctx.used.insert(stated);
    Ok(())
}

/// Growth: "本年 a 万元，比上年增加 d 万元，增长 g%" — 上年 = a − d, g = d ÷ 上年. The current figure is
/// the nearest level amount before the change in its sentence, else the first of the sentence before
/// ("…总计 X 万元，其中…。与上年相比，增加 d 万元，增长 g%").
pub fn growth(ctx: &mut Ctx) -> Result<()> {
    let rates: Vec<usize> = ctx
        .indices()
        .filter(|&i| ctx.tok(i).class == UnitClass::Percent && ctx.tok(i).direction.is_some())
        .collect();
    for p in rates {
        let sentence = ctx.tok(p).sentence;
        let Some(change) = (0..p)
            .rev()
            .take_while(|&i| ctx.tok(i).sentence == sentence && p - i <= 3)
            .find(|&i| ctx.tok(i).class == UnitClass::Amount && ctx.tok(i).direction.is_some())
        else {
            continue;
        };
        let current = level_before(ctx, change).or_else(|| {
            // the first level amount of the sentence before
            let previous = (0..change)
                .rev()
                .take_while(|&i| ctx.tok(i).sentence + 1 >= sentence);
            previous
                .filter(|&i| ctx.tok(i).sentence + 1 == sentence && ctx.tok(i).is_level_amount())
                .last()
        });
        let Some(current) = current else { continue };
        push_growth(ctx, current, change, p)?;
    }
    Ok(())
}

fn signed(figure: &Figure, direction: Option<(Direction, &str)>) -> Figure {
    let mut f = figure.clone();
    // negate rather than multiply by −1: a product of zeros loses its scale ("0.00" would print "0")
    if let Some((Direction::Down, _)) = direction {
        f.value = -f.value;
    }
    f
}

fn push_growth(ctx: &mut Ctx, current: usize, change: usize, stated: usize) -> Result<()> {
    let (tc, td, ts) = (ctx.tok(current), ctx.tok(change), ctx.tok(stated));
    let [fc, fd] = ctx.aligned([current, change]);
    let delta = signed(&fd, td.direction);
    let rate_figure = signed(&ts.figure, ts.direction);
    let formula_fn = |cur: Decimal, chg: Decimal| rate(RateKind::Growth, cur, sub(cur, chg)?);
    let check = check_rate(formula_fn, &fc, &delta, &rate_figure)?;
    // a mismatch that the opposite direction word would fix
    let mut flipped = rate_figure.clone();
    flipped.value = -flipped.value;
    let direction_wrong = check.verdict == Verdict::Mismatch
        && !rate_figure.value.is_zero()
        && check_rate(formula_fn, &fc, &delta, &flipped)?.verdict != Verdict::Mismatch;
    let prior = sub(fc.value, delta.value)?;
    let inputs = vec![
        Source::token(ctx.text, tc, "本年数"),
        Source {
            name: "增减额".into(),
            value: delta.value,
            span: Some(ctx.text.span(td.start, td.end)),
        },
        Source::derived("上年数", prior),
    ];
    let span = ctx.span_of(current, stated);
    ctx.push(ClaimKind::Growth, check, span, inputs, "%");
    ctx.set_stated(stated);
    if let Some(claim) = ctx.claims.last_mut() {
        claim.written_negated = ts.direction.is_some_and(|(d, _)| d == Direction::Down);
        if direction_wrong {
            let written = ts.direction.map_or("", |(_, w)| w);
            claim.diagnosis = Some(crate::report::wording::direction_word(
                written,
                !delta.value.is_sign_negative(),
            ));
        }
    }
    ctx.used.insert(stated);
    Ok(())
}

/// Rates named by their word before the percentage: 预决算差异率 (预算数, 决算数) and 执行率 (预算数, 执行数),
/// with both figures found by label earlier in the sentence.
pub fn named_rates(ctx: &mut Ctx) -> Result<()> {
    let percents: Vec<usize> = ctx
        .indices()
        .filter(|&i| ctx.tok(i).class == UnitClass::Percent)
        .collect();
    for p in percents {
        let start = ctx.tok(p).start;
        let (kind, a_suffixes, b_suffixes): (RateKind, &[&str], &[&str]) = if ["差异率", "差异率为"]
            .iter()
            .any(|w| ctx.text.ends_with_at(start, w))
        {
            (RateKind::Variance, &["预算数"], &["决算数"])
        } else if ["执行率", "执行率为", "执行率达"]
            .iter()
            .any(|w| ctx.text.ends_with_at(start, w))
        {
            (
                RateKind::Execution,
                &["预算数", "预算总额"],
                &["执行数", "执行总额"],
            )
        } else {
            continue;
        };
        let sentence = ctx.tok(p).sentence;
        let find = |suffixes: &[&str], before: usize| {
            (0..before)
                .rev()
                .take_while(|&i| ctx.tok(i).sentence == sentence)
                .find(|&i| {
                    ctx.tok(i).is_level_amount()
                        && suffixes.iter().any(|s| ctx.tok(i).label.ends_with(s))
                })
        };
        let Some(b) = find(b_suffixes, p) else {
            continue;
        };
        let Some(a) = find(a_suffixes, b) else {
            continue;
        };
        let ts = ctx.tok(p);
        let [fa, fb] = ctx.aligned([a, b]);
        let check = check_rate(|x, y| rate(kind, x, y), &fa, &fb, &ts.figure)?;
        let (na, nb) = kind.input_names();
        let inputs = vec![ctx.source(a, na), ctx.source(b, nb)];
        let claim_kind = if kind == RateKind::Variance {
            ClaimKind::Variance
        } else {
            ClaimKind::Execution
        };
        let span = ctx.span_of(a, p);
        ctx.push(claim_kind, check, span, inputs, "%");
        ctx.set_stated(p);
        ctx.used.insert(p);
    }
    Ok(())
}
