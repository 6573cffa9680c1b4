//! Coded tables (T2, T3, T5, T6) pasted as cells (tabs or "|"): code cells, a name cell, one cell per column;
//! T6's halves side by side read as rows of their own.

use super::coded::{family_digit, is_code};
use super::kinds::StandardKind;
use super::lex::{Kind, LexLine, Tok};
use super::model::{Row, Span, StandardTable};

/// Reads tab- or "|"-separated lines: code cells, a name cell, then one cell per column.
pub(super) fn read_cells(
    kind: StandardKind,
    data: &[&LexLine],
    table: &mut StandardTable,
    row_numbers: bool,
    rows: &mut Vec<Row>,
) {
    let family = family_digit(kind);
    // the first value column: the smallest cell index of a decimal number in any row
    let Some(value_start) = data
        .iter()
        .flat_map(|l| l.toks.iter())
        .filter(|t| t.kind == Kind::Num)
        .filter_map(|t| t.cell)
        .min()
    else {
        for l in data {
            let name: String = l
                .toks
                .iter()
                .filter(|t| t.kind == Kind::Text)
                .map(|t| t.text.as_str())
                .collect();
            let code: String = l
                .toks
                .iter()
                .filter(|t| is_code(t, family) || t.text.len() == 2)
                .filter(|t| t.kind == Kind::Digits)
                .map(|t| t.text.as_str())
                .collect();
            if !name.is_empty() {
                rows.push(Row::new(
                    (!code.is_empty()).then_some(code),
                    name,
                    None,
                    l.span,
                ));
            }
        }
        return;
    };
    let ncols = table.columns.len();
    // T6 copied from Excel keeps its halves side by side (人员经费 | 公用经费): each line holds one row per
    // block of code, name and value cells, and a code cell past the first block says so
    let width = value_start + ncols;
    let blocks = if kind == StandardKind::T6 && ncols > 0 {
        data.iter()
            .flat_map(|l| l.toks.iter())
            .filter(|t| is_code(t, family))
            .filter_map(|t| t.cell)
            .map(|c| c / width + 1)
            .max()
            .unwrap_or(1)
    } else {
        1
    };
    let mut by_block: Vec<Vec<Row>> = vec![Vec::new(); blocks];
    for l in data {
        for (b, out) in by_block.iter_mut().enumerate() {
            let toks: Vec<Tok> = l
                .toks
                .iter()
                .filter(|t| blocks == 1 || t.cell.unwrap_or(0) / width == b)
                .map(|t| Tok {
                    cell: t.cell.map(|c| if blocks == 1 { c } else { c % width }),
                    ..t.clone()
                })
                .collect();
            let span = match (toks.first(), toks.last()) {
                (Some(a), Some(z)) if blocks > 1 => (a.span.0, z.span.1),
                _ => l.span,
            };
            out.extend(cells_row(
                &toks,
                span,
                value_start,
                ncols,
                family,
                row_numbers,
                table,
            ));
        }
    }
    // each half read top to bottom, as printed
    rows.extend(by_block.into_iter().flatten());
}

/// One row of cell tokens: code and name cells before `value_start`, then one cell per column.
fn cells_row(
    toks: &[Tok],
    span: Span,
    value_start: usize,
    ncols: usize,
    family: char,
    row_numbers: bool,
    table: &mut StandardTable,
) -> Option<Row> {
    {
        let mut code = String::new();
        let mut name = String::new();
        let mut values = vec![None; ncols];
        let mut extra = false;
        for t in toks {
            let cell = t.cell.unwrap_or(0);
            if cell < value_start {
                match t.kind {
                    Kind::Digits if name.is_empty() && code.len() < 7 => code.push_str(&t.text),
                    Kind::Digits if row_numbers => {}
                    // the code columns' own header ("类 款 项 合计" in one row of cells) names no row
                    Kind::Text if matches!(t.text.as_str(), "类" | "款" | "项") => {}
                    Kind::Text => name.push_str(&t.text),
                    _ => {}
                }
                continue;
            }
            match values.get_mut(cell - value_start) {
                Some(slot) => match t.kind {
                    Kind::Num | Kind::Digits => *slot = t.amount.clone(),
                    Kind::Blank => {}
                    Kind::Text => table
                        .problems
                        .push(format!("“{}”中的“{}”不是数字，按空白处理", name, t.text)),
                },
                None => extra |= t.kind != Kind::Blank,
            }
        }
        if name.is_empty() && code.is_empty() {
            return None;
        }
        if extra {
            table.problems.push(format!(
                "行“{code} {name}”的单元格多于表的 {ncols} 列，多出的已忽略"
            ));
        }
        let code = (!code.is_empty() && code.starts_with(family)).then_some(code);
        let mut row = Row::new(code, name, None, span);
        row.values = values;
        Some(row)
    }
}
