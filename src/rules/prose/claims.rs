//! Claims from entities: growth and 增减额 against last year or the budget, procurement savings, and the
//! completion claim (its readings are in `shares`). A figure whose reading is not certain gets no
//! claim, only a reason (`Ctx::unchecked`).

use super::cues::{Base, Sign};
use super::entities::Entity;
use super::subjects::{
    comparing_chain, headless_subject, prior_named, subject_after, subject_before,
};
use crate::document::narrative::UnitClass;
use crate::error::Result;
use crate::num::figure::Figure;
use crate::num::rates::{rate, sub, RateKind};
use crate::num::verdict::{check_rate, check_sum, Verdict};
use crate::report::wording;
use crate::rules::claim::{ClaimKind, Source};
use crate::rules::context::Ctx;
use rust_decimal::Decimal;

fn signed(f: &Figure, sign: Sign) -> Figure {
    let mut f = f.clone();
    if sign == Sign::Down {
        f.value = -f.value;
    }
    f
}

/// Same kind of figure: money with money, 人 with 人.
pub(super) fn same_class(ctx: &Ctx, a: usize, b: usize) -> bool {
    match (&ctx.tok(a).class, &ctx.tok(b).class) {
        (UnitClass::Amount, UnitClass::Amount) => true,
        (UnitClass::Count(x), UnitClass::Count(y)) => x == y,
        _ => false,
    }
}

/// Growth (and its change) of every entity against last year or against its budget.
pub fn growth(ctx: &mut Ctx, entities: &[Entity]) -> Result<()> {
    let mut resolved: Vec<Option<usize>> = Vec::with_capacity(entities.len());
    for (ei, e) in entities.iter().enumerate() {
        if e.ambiguous {
            resolved.push(None);
            for &(t, _, _) in e.changes.iter().chain(&e.rates) {
                ctx.unchecked(t, "有多种读法：其中所列之后的增减未写明所指");
            }
            continue;
        }
        // this year's figure: stated here, else (a statement of budgets only, "预算数为 X，比上年减少 …")
        // the budget, else the figure the statement's subject was given before
        let current = e
            .current
            .or(e.budget)
            .or_else(|| match e.subject.as_deref() {
                // a named subject is looked up by its name, never taken from whatever came before
                Some(s) => subject_before(ctx, entities, e, s).or_else(|| subject_after(ctx, e, s)),
                None => headless_subject(ctx, entities, ei).or_else(|| prior_named(ctx, e)),
            });
        // a clause comparing the subject of the statement before it in the statement: that subject's
        // figures (its last year's, and its budget when the budget is not what stands for this year)
        let head = match current {
            None => comparing_chain(ctx, entities, ei),
            Some(_) => None,
        };
        let current = current.or_else(|| head.and_then(|h| resolved.get(h).copied().flatten()));
        let head = head.and_then(|h| entities.get(h));
        let prior = e.prior.or_else(|| head.and_then(|h| h.prior));
        let budget = e
            .budget
            .or_else(|| head.filter(|h| h.current.is_some()).and_then(|h| h.budget));
        resolved.push(current);
        for &(r, sign, base) in &e.rates {
            if ctx.used.contains(&r) {
                continue;
            }
            if is_saving(ctx, r) {
                // 资金节约率 = 节约资金 ÷ 采购预算, both stated; a budget worked out from 实际 + 节约 gives a 提示
                // "规模达 36.21 亿元，较采购计划节约资金 6.30 亿元": the saving's clause compares with the plan, so
                // the amount bought is the level just before it in the statement
                let bought = current.or_else(|| {
                    ei.checked_sub(1)
                        .and_then(|p| entities.get(p))
                        .filter(|p| p.statement == e.statement && e.headless)
                        .and_then(|p| p.current)
                });
                match (saving_of(ctx, e), e.budget, bought) {
                    (Some(s), Some(b), _) if same_class(ctx, s, b) => ctx.push_share(s, b, r)?,
                    // no budget: the plan is what was bought plus the saving (a 提示 at most)
                    (Some(s), None, Some(c)) if same_class(ctx, s, c) => {
                        super::savings::saving_over_plan(ctx, c, s, r)?
                    }
                    _ => ctx.unchecked(r, "未写明采购预算和节约资金，节约率未核对"),
                }
                continue;
            }
            let Some(c) = current else {
                ctx.unchecked(r, "未找到这一增减率所指的本年数");
                continue;
            };
            let against = match base {
                Base::Prior => prior,
                Base::Budget => budget,
                // the earlier period's level is never stated as such: only its change can be checked
                Base::Period => None,
            };
            let change = e.changes.iter().find(|(_, _, b)| *b == base).copied();
            match (against, change) {
                (Some(p), _) if same_class(ctx, c, p) => {
                    push_rate_vs_level(ctx, base, c, p, r, sign)?
                }
                (_, Some((d, dsign, _))) if same_class(ctx, c, d) => {
                    push_rate_vs_change(ctx, base, c, d, dsign, r, sign)?
                }
                _ => {
                    if base == Base::Prior && ctx.tok(c).class == UnitClass::Amount {
                        ctx.priorless.push((r, c, sign == Sign::Down));
                    }
                    ctx.unchecked(r, "未写明上年数或增减额，无法核对增减率")
                }
            }
        }
        // 采购预算 = 实际采购金额 + 节约资金
        if let (Some(s), Some(b), Some(a)) = (saving_of(ctx, e), e.budget, e.current) {
            if same_class(ctx, s, b) && same_class(ctx, a, b) && !ctx.used.contains(&s) {
                push_saving(ctx, b, a, s)?;
            }
        }
        // 增减额 with both years stated
        if let Some(c) = current {
            for &(d, sign, base) in &e.changes {
                // a change checked as the total of its parts' changes is still this year less last year's
                if ctx.used.contains(&d) && !summed_change(ctx, d) {
                    continue;
                }
                let against = match base {
                    Base::Prior => prior,
                    Base::Budget => budget,
                    Base::Period => None,
                };
                if let Some(p) = against.filter(|&p| same_class(ctx, c, p) && same_class(ctx, c, d))
                {
                    push_difference(ctx, c, p, d, sign)?;
                }
            }
        }
    }
    Ok(())
}

/// Whether change `d` was checked only as the total of its parts' changes (增减额合计), which leaves the
/// difference of this year's and last year's levels to check.
fn summed_change(ctx: &Ctx, d: usize) -> bool {
    let t = ctx.tok(d);
    let span = Some(ctx.text.span(t.start, t.end));
    ctx.claims.iter().all(|c| {
        c.inputs.iter().all(|s| s.span != span) || c.context.as_deref() == Some("增减额合计")
    }) && ctx.claims.iter().any(|c| {
        c.context.as_deref() == Some("增减额合计")
            && c.inputs.first().is_some_and(|s| s.span == span)
    })
}

/// Whether a figure is a saving (节约资金 …) or a saving rate (资金节约率 …).
fn is_saving(ctx: &Ctx, i: usize) -> bool {
    let t = ctx.tok(i);
    let lead = ctx.text.slice(t.label_start.min(t.start), t.start);
    lead.contains("节约")
        || lead.contains("节支")
        || t.direction.is_some_and(|(_, w)| w.starts_with("节"))
}

/// The 节约资金 an entity states, if one.
fn saving_of(ctx: &Ctx, e: &Entity) -> Option<usize> {
    e.changes
        .iter()
        .find(|(d, sign, base)| *sign == Sign::Down && *base == Base::Budget && is_saving(ctx, *d))
        .map(|c| c.0)
}

fn push_saving(ctx: &mut Ctx, budget: usize, actual: usize, saving: usize) -> Result<()> {
    let last = budget.max(actual).max(saving);
    let span = ctx.span_of(budget.min(actual).min(saving), last);
    ctx.push_sum(ClaimKind::Sum, budget, &[actual, saving], span)?;
    if let Some(c) = ctx.claims.last_mut() {
        c.context = Some("采购预算 = 实际采购金额 + 节约资金".into());
    }
    ctx.used.insert(saving);
    Ok(())
}

pub(super) fn push_rate_vs_level(
    ctx: &mut Ctx,
    base: Base,
    c: usize,
    p: usize,
    r: usize,
    sign: Sign,
) -> Result<()> {
    let [fc, fp] = ctx.aligned([c, p]);
    let stated = signed(&ctx.tok(r).figure, sign);
    let over_budget = base == Base::Budget;
    let (kind, names) = if over_budget {
        (RateKind::Variance, ("预算数", "决算数"))
    } else {
        (RateKind::Growth, ("本年数", "上年数"))
    };
    let check = if over_budget {
        check_rate(|x, y| rate(kind, x, y), &fp, &fc, &stated)?
    } else {
        check_rate(|x, y| rate(kind, x, y), &fc, &fp, &stated)?
    };
    let inputs = if over_budget {
        vec![ctx.source(p, names.0), ctx.source(c, names.1)]
    } else {
        vec![ctx.source(c, names.0), ctx.source(p, names.1)]
    };
    let claim_kind = if over_budget {
        ClaimKind::Variance
    } else {
        ClaimKind::Growth
    };
    let span = ctx.span_of(c.min(r), r.max(c));
    let flipped = direction_wrong(&check, || {
        let mut f = stated.clone();
        f.value = -f.value;
        if over_budget {
            check_rate(|x, y| rate(kind, x, y), &fp, &fc, &f)
        } else {
            check_rate(|x, y| rate(kind, x, y), &fc, &fp, &f)
        }
    });
    ctx.push(claim_kind, check, span, inputs, "%");
    finish_rate(ctx, r, sign, flipped);
    Ok(())
}

pub(super) fn push_rate_vs_change(
    ctx: &mut Ctx,
    base: Base,
    c: usize,
    d: usize,
    dsign: Sign,
    r: usize,
    sign: Sign,
) -> Result<()> {
    let [fc, fd] = ctx.aligned([c, d]);
    let delta = signed(&fd, dsign);
    let stated = signed(&ctx.tok(r).figure, sign);
    let formula = |cur: Decimal, chg: Decimal| rate(RateKind::Growth, cur, sub(cur, chg)?);
    let check = check_rate(formula, &fc, &delta, &stated)?;
    let flipped = direction_wrong(&check, || {
        let mut f = stated.clone();
        f.value = -f.value;
        check_rate(formula, &fc, &delta, &f)
    });
    let prior = sub(fc.value, delta.value)?;
    let td = ctx.tok(d);
    let (kind, names) = match base {
        Base::Prior => (ClaimKind::Growth, ("本年数", "增减额", "上年数")),
        Base::Budget => (ClaimKind::Variance, ("决算数", "比预算增减额", "预算数")),
        Base::Period => (ClaimKind::Growth, ("本期数", "增减额", "前期数")),
    };
    let inputs = vec![
        ctx.source(c, names.0),
        Source {
            name: names.1.into(),
            value: delta.value,
            span: Some(ctx.text.span(td.start, td.end)),
        },
        Source::derived(names.2, prior),
    ];
    let span = ctx.span_of(c.min(r).min(d), r.max(c).max(d));
    ctx.push(kind, check, span, inputs, "%");
    finish_rate(ctx, r, sign, flipped);
    Ok(())
}

/// Whether the check fails but the opposite direction would hold: the direction word is wrong.
fn direction_wrong(
    check: &crate::num::verdict::Check,
    flip: impl Fn() -> Result<crate::num::verdict::Check>,
) -> bool {
    check.verdict == Verdict::Mismatch
        && !check.stated.value.is_zero()
        && flip().is_ok_and(|c| c.verdict != Verdict::Mismatch)
}

fn finish_rate(ctx: &mut Ctx, r: usize, sign: Sign, flipped: bool) {
    ctx.set_stated(r);
    ctx.used.insert(r);
    let word = ctx.tok(r).direction.map_or("", |(_, w)| w);
    if let Some(c) = ctx.claims.last_mut() {
        c.written_negated = sign == Sign::Down;
        if flipped {
            c.diagnosis = Some(wording::direction_word(word, sign == Sign::Down));
        }
    }
}

pub fn push_difference(ctx: &mut Ctx, c: usize, p: usize, d: usize, sign: Sign) -> Result<()> {
    if ctx.used.contains(&d) && !summed_change(ctx, d) {
        return Ok(());
    }
    let [fc, fp, fd] = ctx.aligned([c, p, d]);
    let stated = signed(&fd, sign);
    let mut minus_prior = fp.clone();
    minus_prior.value = -minus_prior.value;
    let check = check_sum(&stated, &[fc.clone(), minus_prior])?;
    let flipped = direction_wrong(&check, || {
        let mut f = stated.clone();
        f.value = -f.value;
        let mut mp = fp.clone();
        mp.value = -mp.value;
        check_sum(&f, &[fc.clone(), mp])
    });
    let inputs = vec![ctx.source(c, "本年数"), ctx.source(p, "上年数")];
    let span = ctx.span_of(c.min(d), d.max(c));
    ctx.push(
        ClaimKind::Difference,
        check,
        span,
        inputs,
        &ctx.tok(d).figure.unit.clone(),
    );
    finish_rate(ctx, d, sign, flipped);
    Ok(())
}

/// A name without the words of time and filler (本年度, 累计, …完成), for matching names.
pub(super) fn normalize(name: &str) -> String {
    let mut s = name.trim().to_string();
    for w in [
        "本年度",
        "本年",
        "全年",
        "年度",
        "当年",
        "全部",
        "总的",
        "的",
        "累计",
    ] {
        s = s.replace(w, "");
    }
    for tail in ["安排", "完成", "实现", "执行", "为", "达", "共计", "数"] {
        if let Some(t) = s.strip_suffix(tail) {
            s = t.to_string();
        }
    }
    s
}

pub(super) fn push_completion(
    ctx: &mut Ctx,
    budget: usize,
    actual: usize,
    stated: usize,
) -> Result<()> {
    let [fb, fa] = ctx.aligned([budget, actual]);
    let check = check_rate(
        |x, y| rate(RateKind::Completion, x, y),
        &fb,
        &fa,
        &ctx.tok(stated).figure,
    )?;
    let inputs = vec![ctx.source(budget, "预算数"), ctx.source(actual, "决算数")];
    let span = ctx.span_of(
        budget.min(actual).min(stated),
        stated.max(actual).max(budget),
    );
    ctx.push(ClaimKind::Completion, check, span, inputs, "%");
    ctx.set_stated(stated);
    ctx.used.insert(stated);
    Ok(())
}
