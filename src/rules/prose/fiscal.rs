//! The accounts of a government's 决算 (一般公共预算, 政府性基金, 国有资本经营, 社会保险基金), stated as lists
//! without a 合计 of their own: "收入 A，上级补助收入 B，上年结余 C。支出 D，调出资金 E。收入合计 X，支出合计
//! Y，年终结余 Z" or "…。上述收支相抵，年终结余 Z". Each listed item is an income or a spending by its name
//! alone; a statement with an item of neither kind, a 其中 list or a figure of another measure is no list of
//! the account, so nothing is checked. The items are stated apart from the total, so an account that does not
//! add up may leave an item unsaid: a 提示, never a ✗.

use super::cues::Measure;
use super::frames::{Frame, Role};
use crate::document::narrative::UnitClass;
use crate::error::Result;
use crate::num::figure::Figure;
use crate::num::verdict::{check_sum, Verdict};
use crate::rules::claim::ClaimKind;
use crate::rules::context::{unit_of, Ctx};

/// Which side of an account an item stands on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    In,
    Out,
}

fn clean(label: &str) -> String {
    let l: String = label
        .chars()
        .filter(|c| !c.is_whitespace() && !"“”\"".contains(*c))
        .collect();
    let mut l = l.as_str();
    for w in ["决算数为", "决算数", "累计完成", "完成", "实现", "为"] {
        l = l.trim_end_matches(w);
    }
    l.to_string()
}

/// Totals and balances: they close an account, they are not items of one.
fn closes(label: &str) -> bool {
    ["合计", "总计", "结余", "财力"]
        .iter()
        .any(|w| label.contains(w))
        && !["上年结余", "上年结转"].iter().any(|w| label.contains(w))
}

/// The side an item's name puts it on, None when it names neither or both.
fn side(label: &str) -> Option<Side> {
    if label.contains("其中") || closes(label) {
        return None;
    }
    let income = label.ends_with("收入")
        || [
            "上年结余",
            "上年结转",
            "动用预算稳定调节基金",
            "调入预算稳定调节基金",
            "调入资金",
        ]
        .iter()
        .any(|w| label.contains(w));
    let spent = label.ends_with("支出")
        || [
            "安排预算稳定调节基金",
            "补充预算稳定调节基金",
            "调出资金",
            "结转下年",
        ]
        .iter()
        .any(|w| label.contains(w));
    match (income, spent) {
        (true, false) => Some(Side::In),
        (false, true) => Some(Side::Out),
        _ => None,
    }
}

/// Whether a 收入 total is stated over a spending, or a 支出 total over an income ("收入 A，支出 B。加上级补助收入
/// C，收入总计 T"): the figures before it are then not all its parts.
pub fn mixes_sides(total: &str, parts: &[&str]) -> bool {
    let total = clean(total);
    let against = if total.contains("收入") && !total.contains("支出") {
        Side::Out
    } else if total.contains("支出") && !total.contains("收入") {
        Side::In
    } else {
        return false;
    };
    parts.iter().any(|p| side(&clean(p)) == Some(against))
}

/// Whether the sentence holding token `tok` opens with 加 (加上级补助收入 …, not 加强 / 加快 / 加大) before
/// any figure: what it lists is added on to a figure of the sentence before.
pub fn opens_adding(ctx: &Ctx, tok: usize) -> bool {
    let t = ctx.tok(tok);
    let start = ctx.text.sentence_start(t.start);
    let opening = ctx.text.slice(start, t.start);
    let opening = opening.trim_start();
    opening.starts_with('加')
        && !["加强", "加快", "加大"]
            .iter()
            .any(|w| opening.starts_with(w))
        && ctx.first_at(start).is_none_or(|i| i == tok)
}

fn is_amount(ctx: &Ctx, f: &Frame) -> bool {
    ctx.tok(f.tok).class == UnitClass::Amount
}

/// The items of one statement: each amount a level of this year, outside brackets, of a known side.
/// None when the statement holds anything else (a list, a change, a total, an unnamed figure) or no item.
fn items(ctx: &Ctx, frames: &[&Frame]) -> Option<Vec<(usize, Side)>> {
    let mut out = Vec::new();
    for f in frames {
        // a bracket after an item lists its parts ("上级补助收入 113566 万元（其中：抗疫特别国债 7691 万元）")
        if f.paren.is_some() {
            continue;
        }
        if f.statement_lists || f.opens_list {
            return None;
        }
        if !is_amount(ctx, f) {
            continue;
        }
        if f.role != Role::Level(Measure::Current) {
            return None;
        }
        out.push((f.tok, side(&clean(&ctx.tok(f.tok).label))?));
    }
    (!out.is_empty()).then_some(out)
}

/// The frames of each statement, in order.
fn statements(frames: &[Frame]) -> Vec<Vec<&Frame>> {
    let mut out: Vec<Vec<&Frame>> = Vec::new();
    for f in frames {
        match out.last_mut() {
            Some(s) if s.first().is_some_and(|g| g.statement == f.statement) => s.push(f),
            _ => out.push(vec![f]),
        }
    }
    out
}

pub fn accounts(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    let stmts = statements(frames);
    for (k, s) in stmts.iter().enumerate() {
        let amounts: Vec<&Frame> = s
            .iter()
            .copied()
            .filter(|f| is_amount(ctx, f) && f.paren.is_none())
            .collect();
        let Some(first) = amounts.first() else {
            continue;
        };
        // the statements before, back to one that is not a list of items (a heading, another account's
        // total), in the same disclosure, three at most
        let mut before: Vec<(usize, Side)> = Vec::new();
        for prev in stmts[..k].iter().rev().take(3) {
            let Some(found) = items(ctx, prev) else { break };
            if !found.iter().all(|&(t, _)| ctx.same_document(t, first.tok)) {
                break;
            }
            before.splice(0..0, found);
        }
        let label = |f: &Frame| clean(&ctx.tok(f.tok).label);
        let ends = |f: &Frame, w: &[&str]| w.iter().any(|w| label(f).ends_with(w));
        if ends(first, &["收入合计", "收入总计"]) && !before.is_empty() {
            // "收入合计 X，支出合计 Y（，年终结余 Z）": X of the incomes listed before, Y of the spendings
            let spent = amounts
                .get(1)
                .filter(|f| ends(f, &["支出合计", "支出总计"]) || label(f) == "支出");
            let ins: Vec<usize> = pick(&before, Side::In);
            let outs: Vec<usize> = pick(&before, Side::Out);
            if ins.len() >= 2 {
                account(ctx, first.tok, &ins, &[], "收入合计 = 所列各项收入之和")?;
            }
            if let (Some(y), true) = (spent, outs.len() >= 2) {
                account(ctx, y.tok, &outs, &[], "支出合计 = 所列各项支出之和")?;
            }
            continue;
        }
        // "…。上述收支相抵，年终结余 Z" / "收入 A，上年结余 B，支出 C，年末滚存结余 Z": Z = Σ 收入 − Σ 支出
        let Some(z) = amounts.iter().position(|f| {
            ends(
                f,
                &[
                    "年终结余",
                    "年末结余",
                    "年终滚存结余",
                    "年末滚存结余",
                    "累计结余",
                ],
            )
        }) else {
            continue;
        };
        let own: Vec<&Frame> = s
            .iter()
            .copied()
            .take_while(|f| f.tok != amounts[z].tok)
            .collect();
        let mut all = before;
        if !own.is_empty() {
            match items(ctx, &own) {
                Some(found) => all.extend(found),
                None => continue,
            }
        }
        let ins = pick(&all, Side::In);
        let outs = pick(&all, Side::Out);
        if ins.is_empty() || outs.is_empty() || ins.len() + outs.len() < 3 {
            continue;
        }
        account(
            ctx,
            amounts[z].tok,
            &ins,
            &outs,
            "年终结余 = 所列收入 − 所列支出",
        )?;
    }
    Ok(())
}

fn pick(items: &[(usize, Side)], side: Side) -> Vec<usize> {
    items
        .iter()
        .filter(|(_, s)| *s == side)
        .map(|&(t, _)| t)
        .collect()
}

/// Checks total = Σ plus − Σ minus, a 提示 when it does not hold (an item may be left unsaid).
fn account(ctx: &mut Ctx, total: usize, plus: &[usize], minus: &[usize], what: &str) -> Result<()> {
    let all: Vec<usize> = plus.iter().chain(minus).copied().collect();
    if ctx.used.contains(&total)
        || !all
            .iter()
            .all(|&p| ctx.tok(p).class == ctx.tok(total).class)
    {
        return Ok(());
    }
    let mut figures: Vec<Figure> = std::iter::once(total)
        .chain(all.iter().copied())
        .map(|i| ctx.tok(i).figure.clone())
        .collect();
    crate::num::figure::align_money_units(&mut figures);
    for f in figures.iter_mut().skip(1 + plus.len()) {
        f.value = -f.value;
    }
    let stated = figures.remove(0);
    let check = check_sum(&stated, &figures)?;
    let mut inputs = vec![ctx.source(total, "合计")];
    for (k, &p) in all.iter().enumerate() {
        let mut s = ctx.source(p, "分项");
        s.value = figures.get(k).map_or(s.value, |f| f.value);
        inputs.push(s);
    }
    let first = all.iter().copied().min().unwrap_or(total).min(total);
    let last = all.iter().copied().max().unwrap_or(total).max(total);
    let span = ctx.span_of(first, last);
    let unit = unit_of(ctx.tok(total));
    let short = check.verdict == Verdict::Mismatch;
    ctx.push(ClaimKind::Sum, check, span, inputs, &unit);
    ctx.set_stated(total);
    ctx.used.insert(total);
    if let Some(c) = ctx.claims.last_mut() {
        c.context = Some(what.to_string());
        if short {
            c.check.verdict = Verdict::Notice;
            c.message = Some(if minus.is_empty() {
                crate::report::wording::partial_list(&c.check, &c.unit)
            } else {
                crate::report::wording::partial_account(&c.check, &c.unit)
            });
        }
    }
    Ok(())
}

/// "财力 X。由 A，加 B、C 等 D 构成" / "支出总计 X，由 A，加 … 等 D 等构成": X = A + D, the parts named by 由 … 构成
/// right after X. The sentence says the list is whole, so a difference is a ✗.
pub fn made_of(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    let amounts: Vec<&Frame> = frames
        .iter()
        .filter(|f| is_amount(ctx, f) && f.paren.is_none())
        .collect();
    for (k, f) in amounts.iter().enumerate() {
        let lead = clean(&f.lead);
        if !lead.starts_with('由') || lead.starts_with("由于") || k == 0 {
            continue;
        }
        let Some(total) = amounts.get(k - 1) else {
            continue;
        };
        // X stands right before 由: nothing but punctuation between
        let between = ctx
            .text
            .slice(ctx.tok(total.tok).end, ctx.tok(f.tok).label_start);
        if !between.chars().all(|c| "，,。 ".contains(c)) || total.statement + 1 < f.statement {
            continue;
        }
        // the parts: this figure and those after it in its statement, up to 构成
        let mut parts = Vec::new();
        let mut closed = false;
        for g in amounts[k..]
            .iter()
            .take_while(|g| g.statement == f.statement)
        {
            parts.push(g.tok);
            let t = ctx.tok(g.tok);
            let after = ctx.text.slice(t.end, (t.end + 4).min(ctx.end));
            if after.trim_start_matches('等').starts_with("构成") {
                closed = true;
                break;
            }
        }
        let level = |tok: usize| {
            frames
                .iter()
                .any(|g| g.tok == tok && g.role == Role::Level(Measure::Current))
        };
        if !closed || parts.len() < 2 || !parts.iter().all(|&p| level(p)) || !level(total.tok) {
            continue;
        }
        if ctx.used.contains(&total.tok)
            || !parts
                .iter()
                .all(|&p| ctx.tok(p).class == ctx.tok(total.tok).class)
        {
            continue;
        }
        let last = *parts.last().unwrap_or(&total.tok);
        let span = ctx.span_of(total.tok, last);
        ctx.push_sum(ClaimKind::Sum, total.tok, &parts, span)?;
        if let Some(c) = ctx.claims.last_mut() {
            c.context = Some("由所列各项构成".into());
        }
    }
    Ok(())
}

/// "收入 T，占年初预算 t 的 p%。其中：税收收入 A，占年初预算 a 的 q%；非税收入 B，占年初预算 b 的 r%": once the
/// levels are found to add up (T = A + B), the plans they are measured on are checked too (t = a + b). Each
/// plan is bound to its level by the completion ratio that follows it, and all are named alike (年初预算 with
/// 年初预算). A plan set apart from its parts' plans is possible, so a difference is a 提示.
pub fn plans(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    let plan_of = |tok: usize| -> Option<(usize, String)> {
        let i = frames.iter().position(|f| f.tok == tok)?;
        let (whole, ratio) = (frames.get(i + 1)?, frames.get(i + 2)?);
        let lead = clean(&whole.lead);
        let named = ["预算", "计划"].iter().any(|w| lead.contains(w)) && lead.starts_with('占');
        let bound = matches!(ratio.role, Role::Completion { amount: Some(_) })
            && ratio.statement == whole.statement;
        (whole.role == Role::Whole && named && bound && whole.part == frames[i].part)
            .then_some((whole.tok, lead))
    };
    let lists = ctx.lists.clone();
    for list in lists {
        let Some(levels) = ctx
            .claims
            .iter()
            .find(|c| {
                c.inputs.len() == list.parts.len() + 1
                    && c.inputs.first().and_then(|s| s.span)
                        == Some(
                            ctx.text
                                .span(ctx.tok(list.total).start, ctx.tok(list.total).end),
                        )
            })
            .map(|c| c.check.verdict)
        else {
            continue;
        };
        if !matches!(levels, Verdict::Ok | Verdict::Rounding) {
            continue;
        }
        let Some((total, name)) = plan_of(list.total) else {
            continue;
        };
        let parts: Option<Vec<usize>> = list
            .parts
            .iter()
            .map(|&p| plan_of(p).filter(|(_, n)| *n == name).map(|(t, _)| t))
            .collect();
        let Some(parts) = parts else { continue };
        if ctx.used.contains(&total) {
            continue;
        }
        account(ctx, total, &parts, &[], "预算数合计 = 分项预算数之和")?;
    }
    Ok(())
}

/// "一般公共预算收入 A，完成预算 …。其中：…。加上级补助收入 B、上年结余 C …，收入总计 T": a statement opening with
/// 加 adds on to the one level figure of the statement before it (a 其中 list between is passed over), so
/// T = A + B + C. When it does not add up, the base may be another figure, or the list end in 等: a 提示 at
/// most.
pub fn added_on(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    // by sentence (to a 。): a 其中 list's statement runs on into the 加 … that follows it
    let mut stmts: Vec<Vec<&Frame>> = Vec::new();
    let mut at = None;
    for f in frames {
        let start = ctx.text.sentence_start(ctx.tok(f.tok).start);
        match stmts.last_mut() {
            Some(s) if at == Some(start) => s.push(f),
            _ => stmts.push(vec![f]),
        }
        at = Some(start);
    }
    let level = |ctx: &Ctx, f: &Frame| {
        is_amount(ctx, f) && f.paren.is_none() && f.role == Role::Level(Measure::Current)
    };
    for (k, s) in stmts.iter().enumerate() {
        let Some(first) = s.first() else { continue };
        if !opens_adding(ctx, first.tok) {
            continue;
        }
        let amounts: Vec<&Frame> = s
            .iter()
            .copied()
            .filter(|f| is_amount(ctx, f) && f.paren.is_none())
            .collect();
        // the total closes the statement's amounts, every one before it a level of this year
        let Some((total, parts)) = amounts.split_last() else {
            continue;
        };
        let label = clean(&ctx.tok(total.tok).label);
        let totalled = super::cues::is_total_label(&label)
            || label.contains("总收入")
            || label.contains("总支出");
        if !totalled || parts.is_empty() || !amounts.iter().all(|f| level(ctx, f)) {
            continue;
        }
        if parts
            .iter()
            .any(|f| super::cues::is_total_label(&ctx.tok(f.tok).label))
        {
            continue;
        }
        // the statement added on to: back over 其中 lists, its one level figure
        let Some(base) = stmts[..k]
            .iter()
            .rev()
            .take(4)
            .find(|p| {
                !p.first().is_some_and(|f| {
                    f.statement_lists
                        || ctx
                            .text
                            .starts_with_at(ctx.text.sentence_start(ctx.tok(f.tok).start), "其中")
                })
            })
            .map(|p| {
                p.iter()
                    .copied()
                    .filter(|f| level(ctx, f))
                    .collect::<Vec<&Frame>>()
            })
        else {
            continue;
        };
        let [base] = base.as_slice() else { continue };
        if ctx.used.contains(&total.tok) || !ctx.same_document(base.tok, total.tok) {
            continue;
        }
        let all: Vec<usize> = std::iter::once(base.tok)
            .chain(parts.iter().map(|f| f.tok))
            .collect();
        let mut figures: Vec<Figure> = std::iter::once(total.tok)
            .chain(all.iter().copied())
            .map(|i| ctx.tok(i).figure.clone())
            .collect();
        crate::num::figure::align_money_units(&mut figures);
        let stated = figures.remove(0);
        let fits = check_sum(&stated, &figures)?.verdict != Verdict::Mismatch;
        let last = all.last().copied().unwrap_or(total.tok);
        let after = ctx
            .text
            .slice(ctx.tok(last).end, (ctx.tok(last).end + 2).min(ctx.end));
        if !fits && after.starts_with('等') {
            ctx.unchecked(total.tok, "列举以“等”结尾，未必列全，未核对合计");
            continue;
        }
        account(ctx, total.tok, &all, &[], "合计 = 前句的数加上所列各项")?;
    }
    Ok(())
}
