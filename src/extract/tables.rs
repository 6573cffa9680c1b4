//! Claims that involve the self-evaluation tables: each table's 执行率 and fund rows, and the narrative's
//! "预算绩效评价项目 11 个，全年预算数 579.64 万元，全年执行数 502.24 万元" against the tables themselves.

use super::claim::{Claim, ClaimKind, Source};
use super::context::Ctx;
use super::links::check_same;
use super::tokens::UnitClass;
use crate::error::Result;
use crate::figures::Figure;
use crate::rates::{rate, RateKind};
use crate::tables::{Cell, FundsRow, Span, Table, TableKind};
use crate::verdict::{check_rate, check_sum};
use rust_decimal::Decimal;

fn cover(spans: &[Span]) -> Span {
    let start = spans.iter().map(|s| s.0).min().unwrap_or(0);
    let end = spans.iter().map(|s| s.1).max().unwrap_or(start);
    (start, end)
}

fn cell_source(name: &str, cell: &Cell) -> Source {
    Source {
        name: name.to_string(),
        value: cell.figure.value.to_string(),
        span: Some(cell.span),
    }
}

fn claim(
    kind: ClaimKind,
    check: crate::verdict::Check,
    span: Span,
    inputs: Vec<Source>,
    formula: String,
    unit: &str,
) -> Claim {
    Claim {
        kind,
        check,
        span,
        inputs,
        formula,
        unit: unit.into(),
        written_negated: false,
        diagnosis: None,
    }
}

/// Each table's stated 执行率 against 全年执行数 ÷ 全年预算数, and its fund rows adding up.
pub fn table_claims(tables: &[Table]) -> Result<Vec<Claim>> {
    let mut claims = Vec::new();
    for table in tables {
        let funds = &table.funds;
        if let (Some(row), Some(stated)) = (funds.total_row(), &funds.stated_rate) {
            if let (Some(b), Some(e)) = (&row.budget, &row.executed) {
                let check = check_rate(
                    |x, y| rate(RateKind::Execution, x, y),
                    &b.figure,
                    &e.figure,
                    &stated.figure,
                )?;
                let formula = format!(
                    "{}：{} ÷ {} × 100%",
                    table.name, e.figure.value, b.figure.value
                );
                let inputs = vec![cell_source("全年预算数", b), cell_source("全年执行数", e)];
                let span = cover(&[b.span, e.span, stated.span]);
                claims.push(claim(
                    ClaimKind::Execution,
                    check,
                    span,
                    inputs,
                    formula,
                    "%",
                ));
            }
        }
        claims.extend(fund_row_sums(table)?);
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
        let terms: Vec<String> = figures.iter().map(|f| f.value.to_string()).collect();
        let formula = format!(
            "{}{}：{} = {}",
            table.name,
            column,
            terms.join(" + "),
            check.recomputed.unwrap_or_default()
        );
        let span = cover(&[total.span, t.span]);
        claims.push(claim(ClaimKind::Sum, check, span, inputs, formula, "万元"));
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
            value: "1".into(),
            span: Some(tb.span),
        }));
        let formula = format!(
            "文中找到 {} 张{}",
            of_kind.len(),
            if kind == TableKind::Project {
                "项目支出绩效自评表"
            } else {
                "整体支出绩效自评表"
            }
        );
        let span = ctx.text.span(t.label_start.min(t.start), t.end);
        ctx.push(ClaimKind::Count, check, span, inputs, formula, "个".into());
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
            let terms: Vec<String> = figures.iter().map(|f| f.value.to_string()).collect();
            let formula = format!(
                "各表{}：{} = {}",
                label,
                terms.join(" + "),
                check.recomputed.unwrap_or_default()
            );
            let span = ctx.text.span(tj.label_start.min(tj.start), tj.end);
            ctx.push(ClaimKind::Sum, check, span, inputs, formula, "万元".into());
        }
    }
    Ok(())
}
