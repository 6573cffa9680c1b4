//! The functional classification of section 五: "1.一般公共服务支出(类)1,305.17 万元,占 87.15%" lists the
//! 类; "…(类)…(款)行政运行(项):支出决算数为 302.91 万元" lists the 项. Each 类 is the sum of its 项, the
//! 类 add up to the 一般公共预算财政拨款支出 stated before them, each 类's share is of that total, and the
//! shares add up to 100%.

use super::claim::ClaimKind;
use super::context::{Ctx, List};
use crate::document::narrative::UnitClass;
use crate::error::Result;
use crate::num::figure::Figure;
use crate::num::verdict::check_sum;
use rust_decimal::Decimal;

const CLASS: [&str; 2] = ["(类)", "（类）"];
const ITEM: [&str; 2] = ["(项)", "（项）"];
const GRAND_TOTAL: &str = "一般公共预算财政拨款支出";

/// The classification name written before a "(类)" marker at `at`, back to the list number ("1.").
fn class_name(ctx: &Ctx, at: usize) -> String {
    let mut start = at;
    while start > 0 {
        let c = ctx.text.chars.get(start - 1).copied().unwrap_or('。');
        if c == '.' || c == '。' || c == '、' || c.is_ascii_digit() || c == ' ' || at - start > 30
        {
            break;
        }
        start -= 1;
    }
    ctx.text.slice(start, at)
}

/// One 类 statement: its name, its amount token, its share token.
type ClassStatement = (String, usize, Option<usize>);
/// One 项 statement: the name of its 类 and its amount token.
type ItemStatement = (String, usize);
/// A statement at a position: a 类 (Ok) or a 项 (Err).
type Statement = (usize, std::result::Result<ClassStatement, ItemStatement>);

/// Finds the 类 and 项 lists and checks them. A disclosure has one 类 list (section 五(二)) followed by its
/// 项 list (五(三)); several disclosures pasted together have several, so statements are grouped: a 类
/// list ends where the next 项 list begins, and each 项 list belongs to the 类 list before it.
pub fn classes(ctx: &mut Ctx) -> Result<()> {
    // (position, statement): 类 statements have an amount right after the marker; 项 statements do not
    let mut statements: Vec<Statement> = Vec::new();
    for marker in CLASS {
        for at in ctx.text.find_all(marker, 0, ctx.end) {
            let after = at + marker.chars().count();
            let name = class_name(ctx, at);
            let Some(i) = ctx.first_at(after) else {
                continue;
            };
            let t = ctx.tok(i);
            if t.start == after && t.class == UnitClass::Amount {
                let share = ctx
                    .tokens
                    .get(i + 1)
                    .filter(|s| {
                        s.class == UnitClass::Percent
                            && s.sentence == t.sentence
                            && ctx.text.ends_with_at(s.start, "占")
                    })
                    .map(|_| i + 1);
                statements.push((at, Ok((name, i, share))));
            } else if let Some(item) = item_amount(ctx, after) {
                statements.push((at, Err((name, item))));
            }
        }
    }
    statements.sort_by_key(|s| s.0);
    // groups: a run of 类 statements, then the run of 项 statements after it
    let mut groups: Vec<(Vec<ClassStatement>, Vec<ItemStatement>)> = Vec::new();
    for (_, statement) in statements {
        match statement {
            Ok(class) => match groups.last_mut() {
                Some((classes, items)) if items.is_empty() => classes.push(class),
                _ => groups.push((vec![class], Vec::new())),
            },
            Err(item) => {
                if let Some((_, items)) = groups.last_mut() {
                    items.push(item);
                }
            }
        }
    }
    for (classes, items) in groups {
        check_group(ctx, &classes, &items)?;
    }
    Ok(())
}

/// Checks one 类 list with its 项 list.
fn check_group(ctx: &mut Ctx, classes: &[ClassStatement], items: &[ItemStatement]) -> Result<()> {
    let Some(&(_, first_class, _)) = classes.first() else {
        return Ok(());
    };
    // each 类 against its 项
    for (name, class_tok, _) in classes {
        let parts: Vec<usize> = items
            .iter()
            .filter(|(n, _)| n == name)
            .map(|&(_, i)| i)
            .collect();
        if !parts.is_empty() {
            let span = ctx.span_of(*class_tok, *class_tok);
            ctx.push_sum(ClaimKind::Sum, *class_tok, &parts, span)?;
        }
    }
    // the 类 against the total stated before them, in the same or the previous few sentences
    let sentence = ctx.tok(first_class).sentence;
    let total = (0..first_class)
        .rev()
        .take_while(|&i| ctx.tok(i).sentence + 8 >= sentence)
        .find(|&i| ctx.tok(i).is_level_amount() && ctx.tok(i).label.ends_with(GRAND_TOTAL));
    let Some(total) = total else { return Ok(()) };
    let class_tokens: Vec<usize> = classes.iter().map(|c| c.1).collect();
    let last_class = *class_tokens.last().unwrap_or(&first_class);
    let list_span = ctx.span_of(first_class, last_class);
    ctx.push_sum(ClaimKind::Sum, total, &class_tokens, list_span)?;
    if let Some(claim) = ctx.claims.last_mut() {
        claim.span = list_span;
    }
    ctx.push_list(List {
        total,
        parts: class_tokens,
    });
    let shares: Vec<(usize, usize)> = classes
        .iter()
        .filter_map(|c| c.2.map(|s| (c.1, s)))
        .collect();
    for &(class_tok, share) in &shares {
        ctx.push_share(class_tok, total, share)?;
    }
    // the shares add up to 100% (an exact 100, each share ± half its last digit)
    if shares.len() == classes.len() && shares.len() > 1 {
        let figures: Vec<Figure> = shares
            .iter()
            .map(|&(_, s)| ctx.tok(s).figure.clone())
            .collect();
        let scale = figures.iter().map(|f| f.scale).max().unwrap_or(2);
        let mut hundred = Decimal::ONE_HUNDRED;
        hundred.rescale(scale);
        let stated = Figure::from_decimal(hundred).into_exact();
        let check = check_sum(&stated, &figures)?;
        let mut inputs = vec![crate::rules::Source::derived("合计", hundred)];
        inputs.extend(
            shares
                .iter()
                .map(|&(c, s)| ctx.source(s, &ctx.tok(c).label)),
        );
        ctx.push(ClaimKind::Sum, check, list_span, inputs, "%");
        if let Some(c) = ctx.claims.last_mut() {
            c.context = Some("各类占比之和应为 100%".into());
        }
    }
    Ok(())
}

/// The amount of a 项 statement: the first amount after "(项)" in the marker's sentence.
fn item_amount(ctx: &Ctx, after_class: usize) -> Option<usize> {
    let item_at = ITEM
        .iter()
        .filter_map(|m| {
            ctx.text
                .find_all(m, after_class, (after_class + 80).min(ctx.end))
                .first()
                .copied()
        })
        .min()?;
    let i = ctx.first_at(item_at + 1)?;
    let t = ctx.tok(i);
    (t.is_level_amount() && t.start - item_at < 20).then_some(i)
}
