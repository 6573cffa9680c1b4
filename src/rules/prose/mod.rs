//! Claims written as sentences, read by what each figure does in its sentence rather than by where it
//! stands: every figure gets a role from the words before it ([`frames`]), the figures of a statement are
//! grouped by subject ([`entities`]), and claims are made only where the reading is certain ([`claims`],
//! [`lists`]). A figure that cannot be bound without doubt gets a reason instead of a verdict.

mod added;
mod after_list;
mod breakdown_sums;
mod breakdowns;
mod car_parts;
mod carried;
mod change_sums;
mod claims;
mod completion;
mod cues;
mod dimensions;
mod directions;
mod end_totals;
mod entities;
mod explicit;
mod families;
mod family_sums;
mod fiscal;
mod frames;
mod identities;
mod lined;
mod lists;
mod mentions;
mod prior_sums;
mod rankings;
mod regions;
mod relation;
mod restated;
mod reviewed;
mod rosters;
mod savings;
mod scopes;
mod shares;
mod short_lists;
mod subject_words;
mod subjects;
mod wholes;
mod within;
mod words;
mod year_lists;
mod years;

use super::context::Ctx;
use crate::error::Result;

/// Totals, shares, growth, 增减额 and completion ratios of the narrative.
pub fn prose(ctx: &mut Ctx) -> Result<()> {
    let frames = frames::frames(ctx.text, ctx.tokens, ctx.end);
    let labels: Vec<String> = ctx.tokens.iter().map(|t| t.label.clone()).collect();
    let entities = entities::entities(&frames, &labels);
    for f in &frames {
        match f.role {
            frames::Role::OtherYear => ctx.unchecked(
                f.tok,
                "增减率所比的年份不是上年，文中未写明该年的数，未核对",
            ),
            frames::Role::Adjusted => ctx.unchecked(
                f.tok,
                "同口径或扣除某些因素后的增减，文中未写明可比的基数，未核对",
            ),
            frames::Role::Ignored
                if ctx.tok(f.tok).class != crate::document::narrative::UnitClass::Other =>
            {
                ctx.unchecked(f.tok, "约数或区间，不作核对")
            }
            _ => {}
        }
    }
    lists::sums(ctx, &frames, &entities)?;
    car_parts::car_parts(ctx, &frames)?;
    lined::lined(ctx, &frames)?;
    identities::identities(ctx, &frames)?;
    identities::year_end_balances(ctx, &frames)?;
    fiscal::accounts(ctx, &frames)?;
    added::made_of(ctx, &frames)?;
    carried::carried(ctx, &frames)?;
    added::plans(ctx, &frames)?;
    added::added_on(ctx, &frames)?;
    reviewed::reviewed(ctx)?;
    within::within(ctx, &frames)?;
    family_sums::family_sums(ctx, &frames)?;
    prior_sums::prior_sums(ctx, &entities)?;
    year_lists::year_lists_changes(ctx, &frames)?;
    claims::growth(ctx, &entities)?;
    shares::ratios(ctx, &frames, &entities)?;
    within::shares_whole(ctx)?;
    short_lists::short_lists(ctx, &frames)?;
    restated::restated(ctx, &frames)?;
    completion::completion(ctx, &frames, &entities)?;
    directions::directions(ctx, &frames, &entities)?;
    rankings::rankings(ctx)?;
    change_sums::change_sums(ctx, &frames)?;
    breakdowns::breakdowns(ctx, &frames)?;
    regions::regions(ctx, &frames)?;
    rosters::rosters(ctx, &frames)?;
    Ok(())
}

/// How the sentences of a narrative were read: each figure's role, statement, clause and entity. A
/// debugging aid (`cargo run --example prose FILE`).
#[doc(hidden)]
pub fn explain(doc: &crate::document::Document) -> String {
    let n = &doc.narrative;
    let frames = frames::frames(&n.clean, &n.tokens, n.clean.chars.len());
    let labels: Vec<String> = n.tokens.iter().map(|t| t.label.clone()).collect();
    let entities = entities::entities(&frames, &labels);
    let mut out = String::new();
    for f in &frames {
        let t = &n.tokens[f.tok];
        let e = entities.iter().position(|e| {
            e.current == Some(f.tok)
                || e.budget == Some(f.tok)
                || e.prior == Some(f.tok)
                || e.changes.iter().any(|c| c.0 == f.tok)
                || e.rates.iter().any(|c| c.0 == f.tok)
        });
        out.push_str(&format!(
            "s{} p{} c{} {:>10}{} {:?} entity {:?} parent {:?} paren {:?} list {} lead «{}» label «{}»\n",
            f.statement,
            f.part,
            f.clause,
            crate::num::decimal::text(t.figure.value),
            t.figure.unit,
            f.role,
            e,
            e.and_then(|e| entities[e].parent),
            f.paren,
            f.opens_list,
            f.lead,
            t.label
        ));
    }
    out
}
