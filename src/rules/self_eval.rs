//! Claims that involve the self-evaluation tables: each table's 执行率 and fund rows (judged here once; the
//! scoring takes the rate from [`execution_rate`] and refers to these claims), and the narrative's
//! "预算绩效评价项目 11 个，全年预算数 579.64 万元，全年执行数 502.24 万元" against the tables themselves.

use super::claim::{Claim, ClaimKind, Source};
use super::context::Ctx;
use super::links::check_same;
use crate::document::narrative::UnitClass;
use crate::document::table::{Cell, FundsRow, Span, Table, TableKind};
use crate::error::Result;
use crate::num::figure::Figure;
use crate::num::rates::{rate, Rate, RateKind};
use crate::num::verdict::{check_rate, check_sum};
use rust_decimal::Decimal;

/// A table's 执行率 as the funds block gives it: the budget and executed cells of the 年度资金总额 / 合计
/// row, and the exact rate (None when either cell is missing).
pub struct TableRate<'t> {
    /// 全年预算数 of the total row.
    pub budget: Option<&'t Cell>,
    /// 全年执行数 of the total row.
    pub executed: Option<&'t Cell>,
    /// 全年执行数 ÷ 全年预算数 × 100, exact; not computable when the budget is 0.
    pub rate: Option<Rate>,
}

/// The 执行率 of a table, computed in one place for the rule that judges its stated rate and for the
/// scoring that scores it.
pub fn execution_rate(table: &Table) -> TableRate<'_> {
    let total = table.funds.total_row();
    let budget = total.and_then(|r| r.budget.as_ref());
    let executed = total.and_then(|r| r.executed.as_ref());
    let rate = match (budget, executed) {
        (Some(b), Some(e)) => rate(RateKind::Execution, b.figure.value, e.figure.value).ok(),
        _ => None,
    };
    TableRate {
        budget,
        executed,
        rate,
    }
}

fn cover(spans: &[Span]) -> Span {
    let start = spans.iter().map(|s| s.0).min().unwrap_or(0);
    let end = spans.iter().map(|s| s.1).max().unwrap_or(start);
    (start, end)
}

fn cell_source(name: &str, cell: &Cell) -> Source {
    Source {
        name: name.to_string(),
        value: cell.figure.value,
        span: Some(cell.span),
    }
}

/// Each table's stated 执行率 against 全年执行数 ÷ 全年预算数, and its fund rows adding up.
pub fn table_claims(tables: &[Table]) -> Result<Vec<Claim>> {
    let mut claims = Vec::new();
    for (index, table) in tables.iter().enumerate() {
        let funds = &table.funds;
        let r = execution_rate(table);
        if let (Some(b), Some(e), Some(stated)) = (r.budget, r.executed, &funds.stated_rate) {
            let check = check_rate(
                |x, y| rate(RateKind::Execution, x, y),
                &b.figure,
                &e.figure,
                &stated.figure,
            )?;
            let inputs = vec![cell_source("全年预算数", b), cell_source("全年执行数", e)];
            let span = cover(&[b.span, e.span, stated.span]);
            let mut c = Claim::new(ClaimKind::Execution, check, span, inputs, "%");
            c.context = Some(table.name.clone()).filter(|n| !n.is_empty());
            c.table = Some(index);
            c.stated_span = Some(stated.span);
            claims.push(c);
        }
        for mut c in fund_row_sums(table)? {
            c.table = Some(index);
            claims.push(c);
        }
    }
    Ok(claims)
}

/// Picks one column's cell of a fund row.
type ColumnOf = fn(&FundsRow) -> Option<&Cell>;

/// 年度资金总额 = 当年财政拨款 + 其他资金 (project tables), 合计 = Σ 资金来源 (the 部门整体 table), per column.
fn fund_row_sums(table: &Table) -> Result<Vec<Claim>> {
    let rows = &table.funds.rows;
    let (total, parts): (Option<&FundsRow>, Vec<&FundsRow>) = match table.kind {
        TableKind::Project => (
            rows.iter().find(|r| r.label.contains("年度资金总额")),
            rows.iter()
                .filter(|r| r.label.contains("财政拨款") || r.label.contains("其他资金"))
                .collect(),
        ),
        TableKind::Department => (
            rows.iter().find(|r| r.label.contains("合计")),
            rows.iter().filter(|r| !r.label.contains("合计")).collect(),
        ),
    };
    let Some(total) = total else {
        return Ok(Vec::new());
    };
    if parts.len() < 2 {
        return Ok(Vec::new());
    }
    let mut claims = Vec::new();
    let columns: [(&str, ColumnOf); 3] = [
        ("年初预算数", |r| r.initial.as_ref()),
        ("全年预算数", |r| r.budget.as_ref()),
        ("全年执行数", |r| r.executed.as_ref()),
    ];
    for (column, get) in columns {
        let Some(t) = get(total) else { continue };
        let cells: Vec<(&str, &Cell)> = parts
            .iter()
            .filter_map(|r| get(r).map(|c| (r.label.as_str(), c)))
            .collect();
        if cells.len() != parts.len() {
            continue;
        }
        let figures: Vec<Figure> = cells.iter().map(|(_, c)| c.figure.clone()).collect();
        let check = check_sum(&t.figure, &figures)?;
        let mut inputs = vec![cell_source(&total.label, t)];
        inputs.extend(cells.iter().map(|(label, c)| cell_source(label, c)));
        let span = cover(&[total.span, t.span]);
        let mut c = Claim::new(ClaimKind::Sum, check, span, inputs, "万元");
        c.context = Some(format!("{}{column}", table.name));
        claims.push(c);
    }
    Ok(claims)
}

/// The narrative's counts and totals of the tables: "预算绩效评价项目 11 个，全年预算数 579.64 万元，全年执行数
/// 502.24 万元" (project tables) and "整体支出绩效自评表 1 个，全年预算总额 …，实际执行总额 …" (部门整体).
pub fn narrative_against_tables(ctx: &mut Ctx, tables: &[Table]) -> Result<()> {
    let idx: Vec<usize> = ctx.indices().collect();
    for &i in &idx {
        let t = ctx.tok(i);
        if t.class != UnitClass::Count("个".into()) {
            continue;
        }
        let kind = if t.label.ends_with("评价项目") || t.label.ends_with("项目支出绩效自评表")
        {
            TableKind::Project
        } else if t.label.ends_with("整体支出绩效自评表") {
            TableKind::Department
        } else {
            continue;
        };
        // this disclosure's tables: after the statement, before the next part of narrative
        let at = ctx.text.span(t.start, t.end).0;
        let until = ctx
            .text
            .segment_starts
            .iter()
            .copied()
            .find(|&s| s > at)
            .unwrap_or(usize::MAX);
        let of_kind: Vec<&Table> = tables
            .iter()
            .filter(|tb| tb.kind == kind && tb.span.0 > at && tb.span.0 < until)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        // the count
        let stated = t.figure.clone().into_exact();
        let ones: Vec<Figure> = of_kind
            .iter()
            .map(|_| Figure::from_decimal(Decimal::ONE).into_exact())
            .collect();
        let check = check_sum(&stated, &ones)?;
        let mut inputs = vec![ctx.source(i, "个数")];
        inputs.extend(of_kind.iter().map(|tb| Source {
            name: tb.name.clone(),
            value: Decimal::ONE,
            span: Some(tb.span),
        }));
        let span = ctx.text.span(t.label_start.min(t.start), t.end);
        ctx.push(ClaimKind::Count, check, span, inputs, "个");
        if let Some(c) = ctx.claims.last_mut() {
            c.context = Some(format!(
                "文中找到 {} 张{}",
                of_kind.len(),
                if kind == TableKind::Project {
                    "项目支出绩效自评表"
                } else {
                    "整体支出绩效自评表"
                }
            ));
        }
        // the totals that follow in the sentence
        let sentence = t.sentence;
        let followers: Vec<usize> = (i + 1..ctx.tokens.len())
            .take_while(|&j| ctx.tok(j).sentence == sentence && ctx.tok(j).start < ctx.end)
            .filter(|&j| ctx.tok(j).is_level_amount())
            .take(2)
            .collect();
        for j in followers {
            let label = ctx.tok(j).label.clone();
            let pick: fn(&FundsRow) -> Option<&Cell> = if label.contains("执行") {
                |r| r.executed.as_ref()
            } else if label.contains("预算") {
                |r| r.budget.as_ref()
            } else {
                continue;
            };
            let cells: Vec<(&str, &Cell)> = of_kind
                .iter()
                .filter_map(|tb| {
                    tb.funds
                        .total_row()
                        .and_then(pick)
                        .map(|c| (tb.name.as_str(), c))
                })
                .collect();
            if cells.len() != of_kind.len() {
                continue;
            }
            let tj = ctx.tok(j);
            let figures: Vec<Figure> = cells.iter().map(|(_, c)| c.figure.clone()).collect();
            let check = if figures.len() == 1 {
                check_same(&tj.figure, &figures[0])?
            } else {
                check_sum(&tj.figure, &figures)?
            };
            let mut inputs = vec![ctx.source(j, &label)];
            inputs.extend(cells.iter().map(|(name, c)| cell_source(name, c)));
            let span = ctx.text.span(tj.label_start.min(tj.start), tj.end);
            ctx.push(ClaimKind::Sum, check, span, inputs, "万元");
            if let Some(c) = ctx.claims.last_mut() {
                c.context = Some(format!("各表{label}"));
            }
        }
    }
    Ok(())
}
