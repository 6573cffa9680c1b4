//! A 三公 change whose two levels were each stated in a statement of their own year ("2022 年度“三公”经费
//! 预算总计 21.8 万元，其中：…公务接待 11.8 万元…。2021 年度“三公”经费合计支出 20.12 万元，其中：…公务接待
//! 12.39 万元…。2022 年度“三公”经费预算较 2021 年度增加 1.68 万元，其中公务接待较上年同期减少 0.58 万元，减少
//! 4.68%"), or whose budget was ("2021 年我镇“三公”经费预算为 20 万元…。2021 年“三公”经费支出共计 9.07 万元，较
//! 年初预算数减少 10.93 万元"). The levels are bound only when each is certain: the total's statement names
//! its year, it is the only statement of the 三公 family for that year nearby (a second one could be the
//! other measure), the item is named the same way, and a measure the change names (预算, 决算) is the
//! statement's.

use super::claims::{push_difference, push_rate_vs_change, push_rate_vs_level, same_class};
use super::cues::{Base, Measure, Sign};
use super::families;
use super::frames::{Frame, Role};
use crate::error::Result;
use crate::rules::context::Ctx;
use rust_decimal::Decimal;

/// How many statements apart the year's statement and the change may stand.
const REACH: usize = 8;

/// The 三公 family, and the family of the 公务用车 item's two parts.
const SANGONG: usize = 0;
const CAR: usize = 1;

/// What a figure is of: the 三公 total, one of its items, or one of the 公务用车 item's parts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Subject {
    Total,
    Item(usize),
    Car(usize),
}

fn subject(label: &str) -> Option<Subject> {
    if families::family_of_total(label) == Some(SANGONG) {
        return Some(Subject::Total);
    }
    families::item_in(label, SANGONG)
        .map(Subject::Item)
        .or_else(|| families::item_in(label, CAR).map(Subject::Car))
}

/// A statement giving one year's 三公 levels: its total and the items listed with it.
struct YearList {
    statement: usize,
    year: Decimal,
    budget: bool,
    levels: Vec<(Subject, usize)>,
}

fn is_year(ctx: &Ctx, i: usize) -> bool {
    let f = &ctx.tok(i).figure;
    f.unit.is_empty() && f.scale == 0 && (1990..=2100).contains(&f.value.mantissa())
}

/// Whether a frame is a level of this or a budgeted year, outside brackets.
fn is_level(ctx: &Ctx, f: &Frame) -> bool {
    matches!(f.role, Role::Level(Measure::Current | Measure::Budget))
        && f.paren.is_none()
        && ctx.tok(f.tok).is_level_amount()
}

/// The statements that state a year's 三公 total (the year written in the statement, before the total).
fn year_lists(ctx: &Ctx, frames: &[Frame]) -> Vec<YearList> {
    let mut out = Vec::new();
    for range in super::years::statement_ranges(frames) {
        let these = frames.get(range).unwrap_or(&[]);
        let Some(statement) = these.first().map(|f| f.statement) else {
            continue;
        };
        // a statement with two years' levels in it is read by `years`, not here
        if these
            .iter()
            .any(|f| matches!(f.role, Role::Level(Measure::Prior) | Role::Change { .. }))
        {
            continue;
        }
        let Some(t) = these.iter().position(|f| {
            is_level(ctx, f) && subject(&ctx.tok(f.tok).label) == Some(Subject::Total)
        }) else {
            continue;
        };
        let mut years: Vec<Decimal> = these[..t]
            .iter()
            .filter(|f| f.role == Role::Ignored && is_year(ctx, f.tok))
            .map(|f| ctx.tok(f.tok).figure.value)
            .collect();
        years.dedup();
        let [year] = years[..] else {
            continue;
        };
        let total = &these[t];
        let budget =
            total.role == Role::Level(Measure::Budget) || ctx.tok(total.tok).label.contains("预算");
        let mut levels = vec![(Subject::Total, total.tok)];
        for f in these.iter().skip(t + 1) {
            if !is_level(ctx, f) {
                continue;
            }
            match subject(&ctx.tok(f.tok).label) {
                Some(Subject::Total) => break,
                Some(s) if levels.iter().all(|(x, _)| *x != s) => levels.push((s, f.tok)),
                _ => {}
            }
        }
        out.push(YearList {
            statement,
            year,
            budget,
            levels,
        });
    }
    out
}

/// The cleaned text of the clause up to token `i` (back to the last ，；。： or 40 chars).
fn clause_before(ctx: &Ctx, i: usize) -> String {
    let end = ctx.tok(i).start;
    let chars = &ctx.text.chars;
    let mut start = end;
    while start > 0 && end - start < 40 {
        match chars.get(start - 1) {
            Some('，' | ',' | '；' | ';' | '。' | '：' | ':' | '\n') | None => break,
            _ => start -= 1,
        }
    }
    ctx.text.slice(start, end)
}

/// The years written in a text ("2021年").
fn years_in(text: &str) -> Vec<Decimal> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, w) in chars.windows(5).enumerate() {
        let before_digit = i > 0 && chars.get(i - 1).is_some_and(|c| c.is_ascii_digit());
        if !before_digit && w[..4].iter().all(char::is_ascii_digit) && w[4] == '年' {
            let s: String = w[..4].iter().collect();
            if let Ok(y) = s.parse::<u32>() {
                out.push(Decimal::from(y));
            }
        }
    }
    out
}

/// The rate of the same comparison that follows change frame `k` in its sub-statement.
fn rate_after(frames: &[Frame], k: usize) -> Option<(usize, Sign)> {
    let f = frames.get(k)?;
    let Role::Change { base, .. } = f.role else {
        return None;
    };
    frames
        .iter()
        .skip(k + 1)
        .take_while(|g| g.part == f.part && !matches!(g.role, Role::Change { .. }))
        .find_map(|g| match g.role {
            Role::Rate { sign: rs, base: rb } if rb == base => Some((g.tok, rs)),
            _ => None,
        })
}

pub fn year_lists_changes(ctx: &mut Ctx, frames: &[Frame]) -> Result<()> {
    let lists = year_lists(ctx, frames);
    if lists.len() < 2 && !lists.iter().any(|l| l.budget) {
        return Ok(());
    }
    for (k, f) in frames.iter().enumerate() {
        let Role::Change { sign, base } = f.role else {
            continue;
        };
        let d = f.tok;
        if base == Base::Period || f.paren.is_some() || ctx.used.contains(&d) {
            continue;
        }
        let statement = &frames[..k];
        // a level of the change's own statement is left to the entity reading
        let own: Vec<&Frame> = statement
            .iter()
            .rev()
            .take_while(|g| g.statement == f.statement)
            .collect();
        let own_base = own.iter().any(|g| {
            matches!(
                (&g.role, base),
                (Role::Level(Measure::Prior), Base::Prior)
                    | (Role::Level(Measure::Budget), Base::Budget)
            )
        });
        if own_base {
            continue;
        }
        let Some(year) = ctx.year_of(d) else {
            continue;
        };
        let clause = clause_before(ctx, d);
        // the subject the clause names, else the level just before it in its sub-statement
        let before = own
            .iter()
            .find(|g| g.part == f.part && is_level(ctx, g))
            .map(|g| g.tok);
        let named = subject(&clause);
        let (of, current) = match (named, before) {
            (Some(s), Some(b)) if subject(&ctx.tok(b).label) == Some(s) => (s, Some(b)),
            (Some(s), _) => (s, None),
            (None, Some(b)) => match subject(&ctx.tok(b).label) {
                Some(s) => (s, Some(b)),
                None => continue,
            },
            (None, None) => continue,
        };
        let other: Vec<Decimal> = years_in(&clause)
            .into_iter()
            .filter(|y| *y != year)
            .collect();
        let against_year = match (&other[..], base) {
            ([y], _) => *y,
            ([], Base::Prior) => year - Decimal::ONE,
            ([], _) => year,
            _ => continue,
        };
        let near = |l: &&YearList| {
            l.statement + REACH >= f.statement
                && l.statement <= f.statement + REACH
                && ctx.same_document(l.levels[0].1, d)
        };
        let of_year = |y: Decimal| -> Vec<&YearList> {
            lists.iter().filter(near).filter(|l| l.year == y).collect()
        };
        let level = |l: &YearList| l.levels.iter().find(|(s, _)| *s == of).map(|x| x.1);
        let sentence = ctx
            .text
            .slice(ctx.text.sentence_start(ctx.tok(d).start), ctx.tok(d).start);
        let listed = current.is_none();
        let (current, current_budget) = match current {
            Some(c) => (
                c,
                matches!(
                    own.iter().find(|g| g.tok == c).map(|g| &g.role),
                    Some(Role::Level(Measure::Budget))
                ) || ctx.tok(c).label.contains("预算"),
            ),
            None => {
                let [this] = of_year(year)[..] else {
                    continue;
                };
                // a measure the change names must be the statement's
                if (sentence.contains("预算") && !this.budget)
                    || (sentence.contains("决算") && this.budget)
                {
                    continue;
                }
                match level(this) {
                    Some(c) => (c, this.budget),
                    None => continue,
                }
            }
        };
        // the measure the comparison names (较上年支出数, 较年初预算数), else: this year's spending is
        // compared with last year's spending, a budget with either
        let compared = clause
            .rfind(['较', '比', '与'])
            .map_or("", |at| clause.get(at..).unwrap_or(""));
        let wants_budget = if compared.contains("预算") {
            Some(true)
        } else if ["决算", "支出", "实际"]
            .iter()
            .any(|w| compared.contains(w))
        {
            Some(false)
        } else if current_budget {
            None
        } else {
            Some(false)
        };
        let candidates: Vec<&YearList> = of_year(against_year)
            .into_iter()
            .filter(|l| base != Base::Budget || l.budget)
            .filter(|l| base == Base::Budget || wants_budget.is_none_or(|b| b == l.budget))
            .filter(|l| l.levels.iter().all(|(_, t)| *t != current))
            .collect();
        // one statement of that year (a second could be the other measure), whose item is named
        let [against] = candidates[..] else {
            // no statement of the compared year at all: the rate can still be checked against this
            // year's level and the change ("预算总额为 2.5 万元…。预算数比 2017 年预算数减少 1 万元，减幅 29%")
            let none = candidates.is_empty() && of_year(against_year).is_empty();
            if let Some((r, rs)) =
                rate_after(frames, k).filter(|_| listed && none && base == Base::Prior)
            {
                if !ctx.used.contains(&r) && same_class(ctx, current, d) {
                    push_rate_vs_change(ctx, base, current, d, sign, r, rs)?;
                }
            }
            continue;
        };
        let Some(p) = level(against) else {
            continue;
        };
        if !(same_class(ctx, current, p) && same_class(ctx, current, d)) || p == current {
            continue;
        }
        push_difference(ctx, current, p, d, sign)?;
        // the rate of the same comparison that follows in the sub-statement
        if let Some((r, rs)) = rate_after(frames, k).filter(|(r, _)| !ctx.used.contains(r)) {
            push_rate_vs_level(ctx, base, current, p, r, rs)?;
        }
    }
    Ok(())
}
