//! A growth rate of the narrative whose last year's figure only a year-series table states ("完成财政总收入
//! 49.27 亿元，增长 10.2%" above a table whose 财政总收入 column holds 49.27 for 2021 and 44.71 for 2020):
//! the table's row of the year before is last year's figure.
//!
//! Bound only when it is plainly the same measure and year: this year's figure is, to the digit and in
//! the column's unit, the figure of exactly one row of exactly one amount column of an unambiguous table,
//! the figure's label ends with that column's name, the words before the rate name no other year and no
//! span of years, and the table holds the year before's row.

use super::claim::{ClaimKind, Source};
use super::context::Ctx;
use crate::document::series::{ColumnKind, SeriesCell, SeriesTable};
use crate::error::Result;
use crate::num::rates::{rate, RateKind};
use crate::num::verdict::check_rate;

/// A column's name without its bracketed unit ("财政总收入(亿元)" → "财政总收入").
fn base_name(name: &str) -> &str {
    name.split(['(', '（']).next().unwrap_or(name)
}

/// Whether the words between this year's figure and its rate compare with last year: no year named ("比
/// 2019 年增长" compares with two years back) and no span of years (年均, 两年平均, 以来, 累计).
fn over_last_year(ctx: &Ctx, c: usize, r: usize) -> bool {
    let (a, b) = (ctx.tok(c).end, ctx.tok(r).start);
    if b < a {
        return false;
    }
    let between: Vec<char> = ctx.text.slice(a, b).chars().collect();
    // a year: four digits alone, then 年 ("比 2019 年"); other figures (a 完成预算的 97.1% between) do not count
    let names_year = between.windows(6).any(|w| {
        !w[0].is_ascii_digit() && w[1..5].iter().all(char::is_ascii_digit) && w[5] == '年'
    }) || between
        .get(..5)
        .is_some_and(|w| w[..4].iter().all(char::is_ascii_digit) && w[4] == '年');
    let between: String = between.into_iter().collect();
    !names_year
        && ![
            "平均",
            "年均",
            "两年",
            "三年",
            "五年",
            "以来",
            "累计",
            "期间",
            "十三五",
            "十四五",
        ]
        .iter()
        .any(|w| between.contains(w))
}

/// Binds each growth rate without a stated last year's figure to a table's row of the year before, when
/// exactly one table cell is its this year's figure under the same name.
///
/// # Errors
/// Only on overflow beyond exact decimal range.
pub fn priors_from_tables(ctx: &mut Ctx, tables: &[SeriesTable]) -> Result<()> {
    let pending = std::mem::take(&mut ctx.priorless);
    for (r, c, down) in pending {
        if ctx.used.contains(&r) {
            continue;
        }
        if !over_last_year(ctx, c, r) {
            continue;
        }
        let t = ctx.tok(c);
        let label: String = t.label.chars().filter(|c| !c.is_whitespace()).collect();
        let mut found: Vec<(&SeriesTable, usize, i64, &SeriesCell)> = Vec::new();
        for table in tables.iter().filter(|x| x.unjudged.is_none()) {
            for (k, col) in table.columns.iter().enumerate() {
                let name = base_name(&col.name);
                if col.kind != ColumnKind::Amount
                    || col.unit != t.figure.unit
                    || name.chars().count() < 4
                    || !label.ends_with(name)
                {
                    continue;
                }
                for row in &table.rows {
                    if let Some(cell) = row.cells.get(k).and_then(Option::as_ref) {
                        if cell.figure.value == t.figure.value
                            && cell.figure.scale == t.figure.scale
                        {
                            found.push((table, k, row.year, cell));
                        }
                    }
                }
            }
        }
        let [(table, k, year, _)] = found[..] else {
            continue;
        };
        let Some(prior) = table
            .rows
            .iter()
            .find(|row| row.year == year - 1)
            .and_then(|row| row.cells.get(k).and_then(Option::as_ref))
        else {
            continue;
        };
        let mut stated = ctx.tok(r).figure.clone();
        if down {
            stated.value = -stated.value;
        }
        let current = ctx.tok(c).figure.clone();
        let check = check_rate(
            |a, b| rate(RateKind::Growth, a, b),
            &current,
            &prior.figure,
            &stated,
        )?;
        let col = table.columns.get(k).map_or("", |x| x.name.as_str());
        let where_ = if table.title.is_empty() {
            "年度数据表".to_string()
        } else {
            table.title.clone()
        };
        let inputs = vec![
            ctx.source(c, "本年数"),
            Source {
                name: format!("{where_} {} 年{col}", year - 1),
                value: prior.figure.value,
                span: Some(prior.span),
            },
        ];
        let span = ctx.span_of(c.min(r), r.max(c));
        ctx.push(ClaimKind::Growth, check, span, inputs, "%");
        ctx.set_stated(r);
        ctx.used.insert(r);
        ctx.reasons.remove(&r);
        if let Some(claim) = ctx.claims.last_mut() {
            claim.written_negated = down;
        }
    }
    Ok(())
}
