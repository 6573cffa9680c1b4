//! "全盟一般公共预算收入累计完成 310682 万元，同比增加 23188 万元。在全盟一般公共预算收入中，盟本级…累计完成
//! 33648 万元，同比增加 15412 万元；旗级…累计完成 277034 万元，同比增加 7776 万元": a sentence opening with
//! "在 N 中" (or "从…看，N 中") splits the figure named N stated shortly before into the levels it lists, and
//! the change of N into their changes. The split may leave a part unsaid (开发区 beside 本级 and 旗级), so a
//! difference is a 提示.

use super::cues::{Base, Measure, Sign};
use super::fiscal::{account, clean, is_amount};
use super::frames::{Frame, Role};
use crate::error::Result;
use crate::rules::context::Ctx;

/// The name N of "在 N 中，" / "从收入结构看，N 中，" opening the text before a sentence's first figure.
fn split_name(opening: &str) -> Option<String> {
    let head = opening.trim();
    let end = head.find("中，").or_else(|| head.find("中,"))?;
    let name = &head[..end];
    let name = name.rsplit(['，', ',']).next().unwrap_or(name);
    let name = clean(name.trim_start_matches('在'));
    let long = name.chars().count() >= 6;
    (long && (name.ends_with("收入") || name.ends_with("支出"))).then_some(name)
}

/// The name N of a first part named "N中…" ("基本支出中医疗业务支出"): N a spending or income of four chars
/// or more.
fn inline_name(label: &str) -> Option<String> {
    let (name, rest) = label.split_once('中')?;
    let name = clean(name);
    let fits = name.chars().count() >= 4
        && ["收入", "支出", "经费"].iter().any(|w| name.ends_with(w))
        && !rest.is_empty();
    fits.then_some(name)
}

/// "从财政支出完成情况来看，盟本级一般公共预算支出 A；旗级一般公共预算支出 B": after a "…看，" opening,
/// parts named each by a 级 before one name N (their longest common ending) split N.
fn by_level(opening: &str, labels: &[String]) -> Option<String> {
    let o = opening.trim();
    if !(o.ends_with("看，") || o.ends_with("看,")) {
        return None;
    }
    let first: Vec<char> = labels.first()?.chars().collect();
    let mut n = first.len();
    for l in labels.iter().skip(1) {
        let c: Vec<char> = l.chars().collect();
        let common = first
            .iter()
            .rev()
            .zip(c.iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        n = n.min(common);
    }
    // "盟本级…" and "旗级…" end alike from their 级 on
    let core: String = first[first.len() - n..].iter().collect();
    let core = core.trim_start_matches('级').to_string();
    let leveled = labels.iter().all(|l| {
        l.strip_suffix(core.as_str())
            .is_some_and(|p| p.contains('级'))
    });
    (leveled && core.chars().count() >= 6 && (core.ends_with("收入") || core.ends_with("支出")))
        .then_some(core)
}

/// The change of this year against last year stated right after a level, in its sub-statement.
fn change_of(frames: &[Frame], k: usize) -> Option<(usize, Sign)> {
    let f = frames.get(k)?;
    frames[k + 1..]
        .iter()
        .take_while(|g| g.part == f.part && !matches!(g.role, Role::Level(_)))
        .find_map(|g| match g.role {
            Role::Change {
                sign,
                base: Base::Prior,
            } if g.paren.is_none() => Some((g.tok, sign)),
            _ => None,
        })
}

pub fn within(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    let level = |ctx: &Ctx, f: &Frame| {
        is_amount(ctx, f) && f.paren.is_none() && f.role == Role::Level(Measure::Current)
    };
    let mut k = 0;
    while k < frames.len() {
        let start = ctx.text.sentence_start(ctx.tok(frames[k].tok).start);
        let end = frames[k..]
            .iter()
            .position(|f| ctx.text.sentence_start(ctx.tok(f.tok).start) != start)
            .map_or(frames.len(), |n| k + n);
        let here = k;
        k = end;
        let first = ctx.tok(frames[here].tok);
        let opening = ctx.text.slice(start, first.label_start.min(first.start));
        let parts: Vec<usize> = (here..end).filter(|&i| level(ctx, &frames[i])).collect();
        if parts.len() < 2 {
            continue;
        }
        let labels: Vec<String> = parts
            .iter()
            .map(|&p| clean(&ctx.tok(frames[p].tok).label))
            .collect();
        // "基本支出 7095.35 万元。基本支出中医疗业务支出 …": N written into the first part's name, with no
        // comma; then the total is named N exactly
        let inline = || inline_name(&labels[0]);
        let exact = split_name(&opening).is_none() && by_level(&opening, &labels).is_none();
        let Some(name) = split_name(&opening)
            .or_else(|| by_level(&opening, &labels))
            .or_else(inline)
        else {
            continue;
        };
        // the core of N without its scope ("全盟"): the total is named so, with that scope or none, and no
        // 级 of its own (盟本级, 旗级 are the parts)
        let core = ["全省", "全市", "全县", "全区", "全盟", "全州", "全镇"]
            .iter()
            .fold(name.clone(), |n, w| n.replace(w, ""));
        let scope = name.trim_end_matches(core.as_str()).to_string();
        let total = (0..here).rev().find(|&i| {
            let f = &frames[i];
            let l = clean(&ctx.tok(f.tok).label);
            let prefix = l.strip_suffix(core.as_str());
            level(ctx, f)
                && ctx.tok(f.tok).sentence + 3 >= first.sentence
                && prefix.is_some_and(|p| {
                    p.is_empty() || (!exact && p.contains(scope.as_str()) && !p.contains('级'))
                })
        });
        let Some(t) = total else { continue };
        let period = frames[t].period;
        if ctx.tok(frames[t].tok).sentence + 3 < first.sentence
            || !ctx.same_document(frames[t].tok, first_tok(frames, here))
            || parts.iter().any(|&p| frames[p].period != period)
        {
            continue;
        }
        let tokens: Vec<usize> = parts.iter().map(|&p| frames[p].tok).collect();
        if ctx.used.contains(&frames[t].tok) {
            continue;
        }
        account(ctx, frames[t].tok, &tokens, &[], "合计 = 在其中所列各部分")?;
        // the total may be split again ("从收入结构看，N 中，税收收入 …；非税收入 …")
        ctx.used.remove(&frames[t].tok);
        // the changes, when the total and every part state one
        let changes: Option<Vec<(usize, Sign)>> =
            parts.iter().map(|&p| change_of(frames, p)).collect();
        if let (Some((dt, ds)), Some(changes)) = (change_of(frames, t), changes) {
            let (up, down): (Vec<_>, Vec<_>) = changes.iter().partition(|(_, s)| *s == Sign::Up);
            let up: Vec<usize> = up.iter().map(|(c, _)| *c).collect();
            let down: Vec<usize> = down.iter().map(|(c, _)| *c).collect();
            let what = "增减额 = 在其中所列各部分的增减额";
            match ds {
                Sign::Up => account(ctx, dt, &up, &down, what)?,
                Sign::Down => account(ctx, dt, &down, &up, what)?,
            }
        }
    }
    Ok(())
}

fn first_tok(frames: &[Frame], k: usize) -> usize {
    frames.get(k).map_or(0, |f| f.tok)
}

/// "税务部门完成 13,866 万元，占一般公共预算收入的 48.51%；财政部门完成 14,717 万元，占一般公共预算收入的
/// 51.49%": parts whose shares of one whole, checked and in a row, add up to 100% (within their rounding) name
/// the whole's parts, so the whole is their sum. Rounded shares may hide a small part left out: a 提示 at most.
pub fn shares_whole(ctx: &mut Ctx) -> Result<()> {
    use crate::num::verdict::Verdict;
    use crate::rules::claim::ClaimKind;
    use rust_decimal::Decimal;
    let at: std::collections::HashMap<usize, usize> = ctx
        .indices()
        .map(|i| (ctx.text.span(ctx.tok(i).start, ctx.tok(i).end).0, i))
        .collect();
    let tok = |s: &crate::rules::claim::Source| s.span.and_then(|sp| at.get(&sp.0).copied());
    // (whole, part, share, its half-width), in the order stated
    let shares: Vec<(usize, usize, Decimal, Decimal)> = ctx
        .claims
        .iter()
        // a share that does not hold still says its part is that share of this whole: shares that add up to
        // 100% bind their parts to the whole whether or not the whole is right (the sum is a 提示 at most)
        .filter(|c| {
            c.kind == ClaimKind::Share
                && matches!(
                    c.check.verdict,
                    Verdict::Ok | Verdict::Rounding | Verdict::Mismatch
                )
        })
        .filter_map(|c| {
            let part = tok(c.inputs.first()?)?;
            let whole = tok(c.inputs.get(1)?)?;
            Some((
                whole,
                part,
                c.check.stated.value,
                c.check.stated.half_width(),
            ))
        })
        .collect();
    let hundred = Decimal::from(100);
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut run: Option<(usize, Vec<usize>, Decimal, Decimal)> = None;
    for (k, &(whole, part, share, half)) in shares.iter().enumerate() {
        let (w, mut parts, mut sum, mut tol) = match run.take() {
            Some(r) if r.0 == whole => r,
            _ => (whole, Vec::new(), Decimal::ZERO, Decimal::ZERO),
        };
        parts.push(part);
        sum += share;
        tol += half;
        // a share of the same whole next that still fits belongs to the run (98.70% + 0% + … + 1.30%)
        let goes_on = shares
            .get(k + 1)
            .is_some_and(|&(nw, _, ns, nh)| nw == whole && (sum + ns - hundred).abs() <= tol + nh);
        if (sum - hundred).abs() <= tol && !goes_on {
            groups.push((w, parts));
        } else if sum < hundred + tol {
            run = Some((w, parts, sum, tol));
        }
    }
    // the sums already made, by their total (built once: a scan of every claim per group was quadratic)
    let mut sums: std::collections::HashMap<usize, Vec<Vec<usize>>> =
        std::collections::HashMap::new();
    for c in ctx.claims.iter().filter(|c| c.kind == ClaimKind::Sum) {
        let got: Vec<usize> = c.inputs.iter().filter_map(tok).collect();
        if let Some(&t) = got.first() {
            sums.entry(t).or_default().push(got);
        }
    }
    for (whole, parts) in groups {
        // a sum of this whole over these parts (and maybe more) is checked already
        let done = sums
            .get(&whole)
            .is_some_and(|all| all.iter().any(|got| parts.iter().all(|p| got.contains(p))));
        let distinct = parts.iter().all(|&p| p != whole)
            && parts
                .iter()
                .enumerate()
                .all(|(k, p)| !parts[..k].contains(p));
        if parts.len() < 2
            || !distinct
            || done
            || !parts
                .iter()
                .all(|&p| ctx.tok(p).class == ctx.tok(whole).class)
        {
            continue;
        }
        // the whole is a stated figure of its own too (a level, a growth's base): this check does not use it up
        let was = ctx.used.remove(&whole);
        let before = ctx.claims.len();
        account(ctx, whole, &parts, &[], "总数 = 占比合计为 100% 的各部分")?;
        if ctx.claims.len() > before {
            sums.entry(whole).or_default().push(
                std::iter::once(whole)
                    .chain(parts.iter().copied())
                    .collect(),
            );
        }
        if !was {
            ctx.used.remove(&whole);
        }
    }
    Ok(())
}
