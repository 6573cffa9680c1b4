//! Claims from entities: growth and 增减额 against last year, completion against the budget, shares of a
//! named or listed whole, totals against their listed parts. A figure whose reading is not certain gets no
//! claim, only a reason (`Ctx::unchecked`).

use super::cues::{measure, Base, Sign};
use super::entities::Entity;
use super::families;
use super::frames::{Frame, Role};
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
fn same_class(ctx: &Ctx, a: usize, b: usize) -> bool {
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
        // this year's figure: stated here, else (a statement of budgets only, "预算数为 X，比上年减少 …")
        // the budget, else the figure the statement's subject was given before
        let current = e
            .current
            .or(e.budget)
            .or_else(|| match e.subject.as_deref() {
                // a named subject is looked up by its name, never taken from whatever came before
                Some(s) => subject_before(ctx, entities, e, s).or_else(|| subject_after(ctx, e, s)),
                None => headless_subject(ctx, entities, ei),
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
                // 资金节约率 = 节约资金 ÷ 采购预算, both stated; a budget worked out from 实际 + 节约 is not
                match (saving_of(ctx, e), e.budget) {
                    (Some(s), Some(b)) if same_class(ctx, s, b) => ctx.push_share(s, b, r)?,
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
            };
            let change = e.changes.iter().find(|(_, _, b)| *b == base).copied();
            match (against, change) {
                (Some(p), _) if same_class(ctx, c, p) => {
                    push_rate_vs_level(ctx, base, c, p, r, sign)?
                }
                (_, Some((d, dsign, _))) if same_class(ctx, c, d) => {
                    push_rate_vs_change(ctx, base, c, d, dsign, r, sign)?
                }
                _ => ctx.unchecked(r, "未写明上年数或增减额，无法核对增减率"),
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
                if ctx.used.contains(&d) {
                    continue;
                }
                let against = match base {
                    Base::Prior => prior,
                    Base::Budget => budget,
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

/// The level figure a subject was last given before entity `e` in the same disclosure ("2020年度“三公”经费
/// 15.37 万元 …。2020年度“三公”经费较上年减少 …"): the same name, at most five statements back.
fn subject_before(ctx: &Ctx, entities: &[Entity], e: &Entity, subject: &str) -> Option<usize> {
    let first = entities.iter().find(|x| std::ptr::eq(*x, e))?;
    let here = first.changes.first().or(first.rates.first()).map(|c| c.0)?;
    let want = normalize(subject);
    if want.chars().count() < 2 {
        return None;
    }
    // a figure of another year is another quantity ("2022年度…预算较2021年度…" against a 2021 figure)
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
            // a budget is compared only when the subject says it is one
            let measure_fits =
                measure(&t.label) != super::cues::Measure::Budget || want.contains("预算");
            t.is_level_amount() && named && measure_fits && families::same_scope(&t.label, subject)
        })
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

/// The level a subject is given in the two statements after its change ("本年度财政拨款收入较上年决算数减少
/// 358.94 万元…。其中：财政拨款收入 222.4 万元"): the same name exactly (or the same family item), a level
/// of this year's measure and scope, the only such figure.
fn subject_after(ctx: &Ctx, e: &Entity, subject: &str) -> Option<usize> {
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
fn comparing_chain(ctx: &Ctx, entities: &[Entity], ei: usize) -> Option<usize> {
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
fn headless_subject(ctx: &Ctx, entities: &[Entity], ei: usize) -> Option<usize> {
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
    let (kind, names) = match base {
        Base::Prior => (RateKind::Growth, ("本年数", "上年数")),
        Base::Budget => (RateKind::Variance, ("预算数", "决算数")),
    };
    let check = match base {
        Base::Prior => check_rate(|x, y| rate(kind, x, y), &fc, &fp, &stated)?,
        Base::Budget => check_rate(|x, y| rate(kind, x, y), &fp, &fc, &stated)?,
    };
    let inputs = match base {
        Base::Prior => vec![ctx.source(c, names.0), ctx.source(p, names.1)],
        Base::Budget => vec![ctx.source(p, names.0), ctx.source(c, names.1)],
    };
    let claim_kind = if base == Base::Prior {
        ClaimKind::Growth
    } else {
        ClaimKind::Variance
    };
    let span = ctx.span_of(c.min(r), r.max(c));
    let flipped = direction_wrong(&check, || {
        let mut f = stated.clone();
        f.value = -f.value;
        match base {
            Base::Prior => check_rate(|x, y| rate(kind, x, y), &fc, &fp, &f),
            Base::Budget => check_rate(|x, y| rate(kind, x, y), &fp, &fc, &f),
        }
    });
    ctx.push(claim_kind, check, span, inputs, "%");
    finish_rate(ctx, r, sign, flipped);
    Ok(())
}

fn push_rate_vs_change(
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
    if ctx.used.contains(&d) {
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

/// Completion ratios (完成年初预算的 X%, 占年度预算 B 的 X%) and shares (占 X 的 P%).
pub fn ratios(ctx: &mut Ctx, frames: &[Frame], entities: &[Entity]) -> Result<()> {
    for (ei, e) in entities.iter().enumerate() {
        let shares_here: Vec<usize> = e
            .ratios
            .iter()
            .copied()
            .filter(|&fi| matches!(frames[fi].role, Role::Share { .. }))
            .collect();
        let parallel = parallel_parts(frames, entities, ei, &shares_here);
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
                    let own = e.current.filter(|&c| {
                        frames
                            .iter()
                            .find(|g| g.tok == c)
                            .is_some_and(|g| g.part == f.part)
                            && f.paren.is_none_or(|o| {
                                // inside the same bracket, or a bracket right after the figure ("…万元（占 80.1%）")
                                ctx.tok(c).start > o
                                    || ctx.text.slice(ctx.tok(c).end, o).trim().is_empty()
                            })
                    });
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
                    let part = match share_names_part(ctx, frames, f, part) {
                        Ok(part) => part,
                        Err(reason) => {
                            ctx.unchecked(p, reason);
                            continue;
                        }
                    };
                    // the total the part was summed into (a list checked against the statement's first figure
                    // rather than its last), else the one it is listed under
                    let parent_total = ctx
                        .lists
                        .iter()
                        .find(|l| l.parts.contains(&part))
                        .map(|l| l.total)
                        .or_else(|| {
                            entities
                                .get(ei)
                                .and_then(|e| e.parent)
                                .and_then(|t| entities[t].current)
                        });
                    let whole_tok = match (amount, whole) {
                        (Some(w), _) => Ok(Some(*w)),
                        // the whole by its name, else the total the part is listed under when the name
                        // says it in other words ("分别占采购规模的…" of "政府采购金额 326.14 亿元，其中…")
                        (None, Some(name)) => match named_whole(ctx, name, part) {
                            Ok(None) => {
                                Ok(parent_total.filter(|&t| names_alike(name, &ctx.tok(t).label)))
                            }
                            other => other,
                        },
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

/// "A、B、C 分别为 a、b 和 c，占 X 的 p%、q% 和 r%": the shares of one clause paired in order with the parts
/// listed in the clause before it.
fn parallel_parts(
    frames: &[Frame],
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
        .filter_map(|&t| frames.iter().find(|f| f.tok == t))
        .map(|f| f.part)
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
    let before: Vec<usize> = (0..part)
        .rev()
        .take_while(|&i| ctx.same_document(i, part))
        .filter(|&i| matches(i))
        .collect();
    // a nearer figure whose name holds the whole's name in other words leaves two readings
    let nearer = (before.first().map_or(0, |&n| n + 1)..part)
        .rev()
        .find(|&i| {
            let t = ctx.tok(i);
            t.is_level_amount()
                && i != part
                && normalize(&t.label).contains(&name)
                && ctx.tok(part).sentence <= t.sentence + 1
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
    let sentence = ctx.tok(part).sentence;
    Ok((part + 1..ctx.tokens.len())
        .take_while(|&i| ctx.tok(i).start < ctx.end && ctx.tok(i).sentence <= sentence + 2)
        .find(|&i| matches(i)))
}

/// The part a share names before its 占 ("非税占比 35.3%", "税占比为 40.2%"): the figure of the statement whose
/// name begins with those words, if it is not `part` itself; one such figure or none (then `part` stays).
fn share_names_part(
    ctx: &Ctx,
    frames: &[Frame],
    f: &Frame,
    part: usize,
) -> std::result::Result<usize, &'static str> {
    let lead = f.lead.split('占').next().unwrap_or("");
    let name: String = lead
        .replace("分别", "")
        .replace("其中", "")
        .replace("比重", "")
        .chars()
        .filter(|c| !c.is_ascii() && !"，。；：、的（）“”所均约各共".contains(*c))
        .collect();
    if name.chars().count() == 0 || !f.lead.contains('占') {
        return Ok(part);
    }
    let starts = |i: usize| normalize(&ctx.tok(i).label).starts_with(&name);
    if starts(part) {
        return Ok(part);
    }
    let named: Vec<usize> = frames
        .iter()
        .filter(|g| g.statement == f.statement && matches!(g.role, Role::Level(_)) && starts(g.tok))
        .map(|g| g.tok)
        .collect();
    match named.as_slice() {
        [one] => Ok(*one),
        [] => Err("占比前所写的名称与文中的数对不上，未核对"),
        _ => Err("有多种读法：占比所指的部分有两个可能的数"),
    }
}

/// Whether a share's whole, named in other words, is the total `label` names: what the name says beside
/// the words of size (规模, 总额, 金额 …) stands in the label.
fn names_alike(name: &str, label: &str) -> bool {
    let mut core = normalize(name);
    for w in [
        "总规模",
        "规模",
        "总金额",
        "总额",
        "金额",
        "总量",
        "合计",
        "总计",
        "全部",
        "总",
    ] {
        core = core.replace(w, "");
    }
    core.chars().count() >= 2 && label.contains(&core)
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

fn normalize(name: &str) -> String {
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
