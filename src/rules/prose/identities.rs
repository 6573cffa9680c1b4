//! The identities of a 部门决算 that its 说明 states piece by piece, in sentences apart: 收入总计 =
//! 本年收入合计 + 年初结转和结余 (+ 使用非财政拨款结余), 支出总计 = 本年支出合计 + 年末结转和结余 (+ 结余分配). Each piece
//! is found by its name; a piece named twice with two values leaves two readings, so nothing is checked.

use super::cues::Measure;
use super::frames::{Frame, Role};
use crate::error::Result;
use crate::num::verdict::Verdict;
use crate::rules::claim::ClaimKind;
use crate::rules::context::Ctx;

/// A piece of an identity: a name matched by words (`ends`: the name ends with one; `has`: contains one).
struct Piece {
    ends: &'static [&'static str],
    has: &'static [&'static str],
}

impl Piece {
    fn names(&self, label: &str) -> bool {
        // the 财政拨款 statement has identities of its own
        !label.contains("财政拨款")
            && (self.ends.iter().any(|w| label.ends_with(w))
                || self.has.iter().any(|w| label.contains(w)))
    }
}

struct Identity {
    what: &'static str,
    total: Piece,
    parts: &'static [Piece],
    /// Pieces a disclosure may leave unsaid when they are nil.
    optional: &'static [Piece],
}

const IDENTITIES: [Identity; 2] = [
    Identity {
        what: "收入总计 = 本年收入合计 + 年初结转和结余",
        // "收、支总计均为 X": both totals at once
        total: Piece {
            ends: &["收入总计"],
            has: &["收、支总计", "收支总计"],
        },
        parts: &[
            Piece {
                ends: &["收入合计"],
                has: &[],
            },
            Piece {
                ends: &[],
                has: &["年初结转和结余", "年初结转结余"],
            },
        ],
        optional: &[Piece {
            ends: &[],
            has: &["使用非财政拨款结余", "用事业基金弥补收支差额"],
        }],
    },
    Identity {
        what: "支出总计 = 本年支出合计 + 年末结转和结余",
        total: Piece {
            ends: &["支出总计"],
            has: &["收、支总计", "收支总计"],
        },
        parts: &[
            Piece {
                ends: &["支出合计"],
                has: &[],
            },
            Piece {
                ends: &[],
                has: &["年末结转和结余", "年末结转结余"],
            },
        ],
        optional: &[Piece {
            ends: &[],
            has: &["结余分配"],
        }],
    },
];

/// The one figure of this year a piece names in the narrative: None when it names none, or several that
/// differ (two readings).
fn the_figure(ctx: &Ctx, frames: &[Frame], piece: &Piece) -> Option<Option<usize>> {
    let mut found: Option<usize> = None;
    for f in frames {
        let t = ctx.tok(f.tok);
        // the label stops at a 、 ("收、支总计均为 X" labels "支总计均"): the clause's words count too
        let lead = clean(&f.lead);
        let lead = lead.trim_end_matches(['为', '均', '是']);
        if f.role != Role::Level(Measure::Current)
            || !(piece.names(&clean(&t.label)) || piece.names(lead))
        {
            continue;
        }
        match found {
            Some(g) if ctx.tok(g).figure.value != t.figure.value => return None,
            Some(_) => {}
            None => found = Some(f.tok),
        }
    }
    Some(found)
}

fn clean(label: &str) -> String {
    label
        .chars()
        .filter(|c| !c.is_whitespace() && !"“”\"".contains(*c))
        .collect()
}

/// Checks each identity whose total and required pieces the narrative names once each.
pub fn identities(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    for id in &IDENTITIES {
        let Some(Some(total)) = the_figure(ctx, frames, &id.total) else {
            continue;
        };
        if ctx.used.contains(&total) {
            continue;
        }
        let mut parts = Vec::new();
        let mut whole = true;
        for p in id.parts {
            match the_figure(ctx, frames, p) {
                Some(Some(t)) => parts.push(t),
                _ => whole = false,
            }
        }
        if !whole
            || parts
                .iter()
                .any(|&p| ctx.used.contains(&p) && ctx.lists_with_part(total).any(|l| l.total == p))
        {
            continue;
        }
        let mut unsaid = 0;
        for p in id.optional {
            match the_figure(ctx, frames, p) {
                Some(Some(t)) => parts.push(t),
                Some(None) => unsaid += 1,
                None => whole = false,
            }
        }
        if !whole {
            ctx.unchecked(total, "有多种读法：组成总计的某一项前后写了不同的数");
            continue;
        }
        if !parts
            .iter()
            .all(|&p| ctx.tok(p).class == ctx.tok(total).class)
        {
            continue;
        }
        let short = ctx.sum_check(total, &parts)?.verdict == Verdict::Mismatch;
        let span = ctx.span_of(total, total);
        ctx.push_sum(ClaimKind::Sum, total, &parts, span)?;
        if let Some(c) = ctx.claims.last_mut() {
            c.context = Some(id.what.to_string());
            if short && unsaid > 0 {
                // a piece left unsaid may hold the difference: a 提示, not a ✗
                c.check.verdict = Verdict::Notice;
                c.message = Some(crate::report::wording::partial_list(&c.check, &c.unit));
            }
        }
    }
    Ok(())
}

/// "收入合计 X … 支出合计 Y … 年终结余 Z" (a government's 决算, each fund in turn): Z = X − Y, with X and Y the
/// totals stated last before Z, no other 年终结余 between them.
pub fn year_end_balances(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    let tokens = ctx.tokens;
    let is = |f: &Frame, words: &[&str]| {
        f.role == Role::Level(Measure::Current) && {
            let l = clean(&tokens[f.tok].label);
            words.iter().any(|w| l.ends_with(w))
        }
    };
    for (k, f) in frames.iter().enumerate() {
        if !is(f, &["年终结余", "年终滚存结余", "年终结转结余"]) || ctx.used.contains(&f.tok)
        {
            continue;
        }
        let back = frames[..k]
            .iter()
            .rev()
            .take_while(|g| g.statement + 3 >= f.statement && ctx.same_document(g.tok, f.tok))
            .take_while(|g| !is(g, &["年终结余", "年终滚存结余", "年终结转结余"]));
        let mut spent = None;
        let mut income = None;
        for g in back {
            // "收入合计 42.5 亿元，支出 19.43 亿元，年终结余 …": a bare 支出 in the balance's own statement
            let bare_spent = g.statement == f.statement && clean(&tokens[g.tok].label) == "支出";
            if spent.is_none()
                && (is(g, &["支出合计", "支出总计"])
                    || (bare_spent && g.role == Role::Level(Measure::Current)))
            {
                spent = Some(g.tok);
            } else if spent.is_some() && is(g, &["收入合计", "收入总计"]) {
                income = Some(g.tok);
                break;
            }
        }
        let (Some(x), Some(y)) = (income, spent) else {
            continue;
        };
        if ![x, y]
            .iter()
            .all(|&t| ctx.tok(t).class == ctx.tok(f.tok).class)
        {
            continue;
        }
        let span = ctx.span_of(f.tok, f.tok);
        let was_used = ctx.used.contains(&x);
        ctx.push_sum(ClaimKind::Sum, x, &[y, f.tok], span)?;
        if !was_used {
            ctx.used.remove(&x);
        }
        ctx.used.insert(f.tok);
        if let Some(c) = ctx.claims.last_mut() {
            c.context = Some("收入合计 = 支出合计 + 年终结余".into());
        }
    }
    Ok(())
}
