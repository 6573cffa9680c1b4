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

pub(super) fn clean(label: &str) -> String {
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

pub(super) fn is_amount(ctx: &Ctx, f: &Frame) -> bool {
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
pub(super) fn account(
    ctx: &mut Ctx,
    total: usize,
    plus: &[usize],
    minus: &[usize],
    what: &str,
) -> Result<()> {
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
            c.message = Some(if !what.starts_with("年终结余") {
                crate::report::wording::partial_list(&c.check, &c.unit)
            } else {
                crate::report::wording::partial_account(&c.check, &c.unit)
            });
        }
    }
    Ok(())
}
