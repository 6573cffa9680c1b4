//! A government's 决算 first reports its 收入 and 支出 ("全县地方一般公共预算收入完成 3002 万元，完成年初预算的
//! 100.1%"), then opens its 收支平衡 with the same figures ("全县地方一般公共预算收入 3002 万元，加上省市补助收入
//! …，收入总计 …"). The opening figure of such a statement is checked against the earlier one of the same
//! name and scope; so is the whole of a share named after 占 ("占一般公共预算支出 165720 万元的 84%"). The two may still be of two scopes the words do not tell apart (本级 and 全县 under
//! headings), so a difference is a 提示, never a ✗; a name met earlier with two values is not checked.

use super::cues::Measure;
use super::frames::{Frame, Role};
use crate::document::narrative::UnitClass;
use crate::error::Result;
use crate::num::verdict::Verdict;
use crate::rules::claim::ClaimKind;
use crate::rules::context::Ctx;
use std::collections::HashMap;

/// Words that say whose figure it is.
const SCOPES: [&str; 13] = [
    "全省", "全市", "全县", "全区", "全镇", "全盟", "全州", "省级", "市级", "县级", "区级", "本级",
    "新区",
];

/// The name without its scope, its verbs and measure words ("全县地方一般公共预算收入完成" → "地方一般公共预算收入").
fn core(label: &str) -> String {
    let mut l: String = label
        .chars()
        .filter(|c| !c.is_whitespace() && !"“”\"".contains(*c))
        .collect();
    for w in SCOPES {
        l = l.replace(w, "");
    }
    let mut s = l.as_str();
    s = s.trim_start_matches('加');
    for w in ["决算数为", "决算数", "累计完成", "完成", "实现", "为"] {
        s = s.trim_end_matches(w);
    }
    s.to_string()
}

/// The scope words written in the figure's sentence before it.
fn scopes(ctx: &Ctx, i: usize) -> Vec<&'static str> {
    let t = ctx.tok(i);
    let before = ctx.text.slice(ctx.text.sentence_start(t.start), t.start);
    SCOPES
        .iter()
        .copied()
        .filter(|w| before.contains(w))
        .collect()
}

fn is_level(ctx: &Ctx, f: &Frame) -> bool {
    f.role == Role::Level(Measure::Current)
        && f.paren.is_none()
        && ctx.tok(f.tok).class == UnitClass::Amount
        && ctx.tok(f.tok).direction.is_none()
}

/// Whether the figure opens a 收支平衡 statement: the first amount of its statement, followed by 加 … or by a
/// 总计 / 合计 later in the statement.
fn opens_balance(
    ctx: &Ctx,
    frames: &[Frame],
    first_amount: &HashMap<usize, usize>,
    k: usize,
) -> bool {
    let Some(f) = frames.get(k) else {
        return false;
    };
    if first_amount.get(&f.statement) != Some(&f.tok) {
        return false;
    }
    let t = ctx.tok(f.tok);
    let after = ctx.text.slice(t.end, (t.end + 3).min(ctx.end));
    let adds = after.starts_with("，加") || after.starts_with(",加");
    let totalled = frames[k + 1..]
        .iter()
        .take_while(|g| g.statement == f.statement)
        .any(|g| {
            let l = &ctx.tok(g.tok).label;
            l.ends_with("收入总计") || l.ends_with("收入合计") || l.ends_with("支出总计")
        });
    adds || totalled
}

pub fn carried(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    let mut pairs = Vec::new();
    // built once: the first amount of each statement, and each level's name without scope and verbs (a
    // search and a rebuilt name per frame made long pastes quadratic)
    let mut first_amount: HashMap<usize, usize> = HashMap::new();
    for g in frames {
        if ctx.tok(g.tok).class == UnitClass::Amount {
            first_amount.entry(g.statement).or_insert(g.tok);
        }
    }
    let cores: Vec<Option<String>> = frames
        .iter()
        .map(|g| is_level(ctx, g).then(|| core(&ctx.tok(g.tok).label)))
        .collect();
    for (k, f) in frames.iter().enumerate() {
        // the whole of a share, named after 占 ("占一般公共预算支出 165720 万元的 84%"), is a figure stated before
        let whole = f.role == Role::Whole
            && f.paren.is_none()
            && ctx.tok(f.tok).class == UnitClass::Amount
            && f.lead.trim_start().starts_with('占');
        let opener = is_level(ctx, f) && opens_balance(ctx, frames, &first_amount, k);
        if !(whole || opener) {
            continue;
        }
        let name = if whole {
            core(f.lead.trim_start().trim_start_matches('占'))
        } else {
            core(&ctx.tok(f.tok).label)
        };
        if name.chars().count() < 4 || !(name.ends_with("收入") || name.ends_with("支出")) {
            continue;
        }
        let scope = scopes(ctx, f.tok);
        let year = ctx.year_of(f.tok);
        let earlier: Vec<usize> = frames[..k]
            .iter()
            .zip(&cores)
            .filter(|(g, c)| {
                g.statement != f.statement
                    && c.as_deref() == Some(name.as_str())
                    && ctx.same_document(g.tok, f.tok)
                    && ctx.year_of(g.tok).zip(year).is_none_or(|(a, b)| a == b)
                    // a figure of another named scope (县级 beside 全县) is another quantity
                    && {
                        let other = scopes(ctx, g.tok);
                        other == scope || other.is_empty() || scope.is_empty()
                    }
            })
            .map(|(g, _)| g.tok)
            .collect();
        let Some(&nearest) = earlier.last() else {
            continue;
        };
        let [a, b] = ctx.aligned([nearest, f.tok]);
        let same_value = a.value == b.value;
        // a name met with two values before: which one is restated is not known
        let one_value = earlier.iter().all(|&e| {
            let [x, y] = ctx.aligned([e, nearest]);
            x.value == y.value
        });
        // the same scope words, or one side names none and the figures agree
        let same_scope = scopes(ctx, nearest) == scope;
        let unnamed = scopes(ctx, nearest).is_empty() || scope.is_empty();
        // a pair the 前后一致 step will check by its full name is left to it
        let named = crate::rules::links::identity(ctx, nearest)
            .zip(crate::rules::links::identity(ctx, f.tok))
            .is_some_and(|(x, y)| x == y);
        if one_value && !named && (same_scope || (unnamed && same_value)) {
            pairs.push((nearest, f.tok, whole));
        }
    }
    for (earlier, later, whole) in pairs {
        let what = if whole {
            "占比的总数重述前文的数"
        } else {
            "收支平衡中重述前文的数"
        };
        crate::rules::links::push_same(ctx, ClaimKind::SameFigure, earlier, later, what)?;
        if let Some(c) = ctx.claims.last_mut() {
            if c.check.verdict == Verdict::Mismatch {
                c.check.verdict = Verdict::Notice;
                c.message = Some(crate::report::wording::restated_differs(&c.check, &c.unit));
            }
        }
    }
    Ok(())
}
