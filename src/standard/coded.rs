//! The reader for the tables whose rows carry account codes: T2, T3, T5, T8, T9 (功能分类 类/款/项) and
//! T6 (经济分类 类/款, two or three blocks side by side).
//!
//! Copied text is read as a token stream: a code ("2080505", or "208 05 05", or "302" then "01" on the next
//! line) starts a row, the text after it is the name however it wraps, the numbers after that are its
//! values. Tab- or "|"-separated lines keep their cells, so each value lands in its column.

use super::frame::{frame, is_header_line};
use super::infer::{initial_readings, propagate, Family, Identity};
use super::kinds::{columns_from_header, Col, StandardKind};
use super::lex::{Kind, LexLine, Tok};
use super::model::{is_total_name, Row, StandardTable};

/// Names that start a row of their own (合计 rows, the T6 totals).
fn total_label(kind: StandardKind, text: &str) -> bool {
    is_total_name(text)
        || (kind == StandardKind::T6
            && matches!(
                text,
                "人员经费合计" | "公用经费合计" | "人员经费" | "公用经费"
            ))
}

/// The first digit of the table's account codes.
pub(super) fn family_digit(kind: StandardKind) -> char {
    if kind == StandardKind::T6 {
        '3'
    } else {
        '2'
    }
}

/// The identities each row of `kind` obeys, over the columns the table has.
pub(crate) fn identities(kind: StandardKind, cols: &[Col]) -> Vec<Identity> {
    let make = |total: Col, parts: &[Col]| -> Option<Identity> {
        if !cols.contains(&total) {
            return None;
        }
        let mut id = vec![(total, 1)];
        id.extend(parts.iter().filter(|c| cols.contains(c)).map(|c| (*c, -1)));
        (id.len() > 1).then_some(id)
    };
    let rest = |total: Col| -> Vec<Col> { cols.iter().copied().filter(|c| *c != total).collect() };
    match kind {
        StandardKind::T2 => make(Col::IncomeTotal, &rest(Col::IncomeTotal))
            .into_iter()
            .collect(),
        StandardKind::T3 => make(Col::ExpenseTotal, &rest(Col::ExpenseTotal))
            .into_iter()
            .collect(),
        StandardKind::T5 | StandardKind::T4 => {
            make(Col::Total, &rest(Col::Total)).into_iter().collect()
        }
        StandardKind::T8 | StandardKind::T9 => {
            let mut ids: Vec<Identity> = make(Col::ExpenseSubtotal, &[Col::Basic, Col::Project])
                .into_iter()
                .collect();
            if [
                Col::Opening,
                Col::Income,
                Col::ExpenseSubtotal,
                Col::Closing,
            ]
            .iter()
            .all(|c| cols.contains(c))
            {
                ids.push(vec![
                    (Col::Opening, 1),
                    (Col::Income, 1),
                    (Col::ExpenseSubtotal, -1),
                    (Col::Closing, -1),
                ]);
            }
            ids
        }
        _ => Vec::new(),
    }
}

/// Reads a coded table from its lexed lines.
pub(crate) fn read_coded(kind: StandardKind, lines: &[LexLine], table: &mut StandardTable) {
    let body = frame(kind, lines, table);
    let first_number = body
        .iter()
        .position(|&i| lines[i].toks.iter().any(|t| t.kind == Kind::Num))
        .unwrap_or(body.len());
    let header_end = body[..first_number]
        .iter()
        .rposition(|&i| is_header_line(&lines[i]) || is_column_header(kind, &lines[i]))
        .map_or(0, |p| p + 1);
    let header: String = body[..header_end]
        .iter()
        .map(|&i| lines[i].squashed.as_str())
        .collect();
    table.columns = columns_from_header(kind, &header);
    let row_numbers = header.contains("行次");
    let data: Vec<&LexLine> = body[header_end..]
        .iter()
        .map(|&i| &lines[i])
        .filter(|l| {
            !is_header_line(l) && !is_column_header(kind, l) && !l.squashed.starts_with("栏次")
        })
        .collect();
    let mut rows = Vec::new();
    let cell_lines: Vec<&LexLine> = data.iter().copied().filter(|l| l.cells).collect();
    if !cell_lines.is_empty() && cell_lines.len() * 2 >= data.len() {
        super::coded_cells::read_cells(kind, &cell_lines, table, row_numbers, &mut rows);
    } else {
        read_stream(kind, &data, table, row_numbers, &mut rows);
    }
    let ids = identities(kind, &table.columns);
    for row in &mut rows {
        if let Some(p) = initial_readings(row, &table.columns, &ids) {
            table.problems.push(p);
        }
    }
    for (i, r) in rows.iter().enumerate() {
        if let Some(c) = &r.code {
            if rows[..i].iter().any(|o| o.code.as_deref() == Some(c)) {
                table
                    .problems
                    .push(format!("编码 {c} 出现了不止一次，按行分别核对"));
            }
        }
    }
    let families = families(&rows);
    propagate(&mut rows, &families, &table.columns);
    table.rows = rows;
}

/// A header line made of column names only ("合计 基本支出 项目支出").
fn is_column_header(kind: StandardKind, l: &LexLine) -> bool {
    if is_total_name(&l.squashed) {
        return false;
    }
    if l.toks
        .iter()
        .any(|t| matches!(t.kind, Kind::Num | Kind::Digits))
    {
        return false;
    }
    let mut s = l.squashed.clone();
    for (_, words) in super::kinds::column_vocabulary(kind) {
        for w in words {
            s = s.replace(w, "");
        }
    }
    s.len() < l.squashed.len() && s.chars().count() <= 2
}

/// The 合计 → 类 → 款 → 项 families by code.
pub(crate) fn families(rows: &[Row]) -> Vec<Family> {
    let mut out = Vec::new();
    let code = |r: &Row| r.code.clone().unwrap_or_default();
    if let Some(total) = rows
        .iter()
        .position(|r| r.code.is_none() && r.line.is_none() && is_total_name(&r.name))
    {
        let children: Vec<usize> = (0..rows.len())
            .filter(|&i| code(&rows[i]).len() == 3)
            .collect();
        if !children.is_empty() {
            out.push(Family {
                parent: total,
                children,
            });
        }
    }
    for (p, row) in rows.iter().enumerate() {
        let pc = code(row);
        if pc.len() != 3 && pc.len() != 5 {
            continue;
        }
        let children: Vec<usize> = (0..rows.len())
            .filter(|&i| {
                let c = code(&rows[i]);
                c.len() == pc.len() + 2 && c.starts_with(&pc)
            })
            .collect();
        if !children.is_empty() {
            out.push(Family {
                parent: p,
                children,
            });
        }
    }
    out
}

pub(super) fn is_code(tok: &Tok, family: char) -> bool {
    tok.kind == Kind::Digits && matches!(tok.text.len(), 3 | 5 | 7) && tok.text.starts_with(family)
}

/// Reads copied text: a code starts a row, text names it, numbers fill it.
fn read_stream(
    kind: StandardKind,
    data: &[&LexLine],
    table: &mut StandardTable,
    row_numbers: bool,
    rows: &mut Vec<Row>,
) {
    let family = family_digit(kind);
    let toks: Vec<(bool, &Tok)> = data
        .iter()
        .flat_map(|l| l.toks.iter().enumerate().map(|(i, t)| (i == 0, t)))
        .collect();
    let mut cur: Option<Row> = None;
    let mut code_open = false;
    let mut row_no_taken = false;
    for (k, &(line_start, tok)) in toks.iter().enumerate() {
        let next = toks.get(k + 1).map(|(_, t)| *t);
        match tok.kind {
            Kind::Digits => {
                if let Some(row) = cur.as_mut().filter(|r| {
                    code_open && tok.text.len() == 2 && r.values.is_empty() && r.name.is_empty()
                }) {
                    let code = row.code.get_or_insert_with(String::new);
                    code.push_str(&tok.text);
                    code_open = code.len() < 7;
                    row.span.1 = tok.span.1;
                    continue;
                }
                let followed = next.is_some_and(|n| {
                    (n.kind == Kind::Text && !total_label(kind, &n.text))
                        || (n.kind == Kind::Digits && n.text.len() == 2)
                });
                if is_code(tok, family) && (followed || line_start) {
                    rows.extend(cur.take());
                    cur = Some(Row::new(
                        Some(tok.text.clone()),
                        String::new(),
                        None,
                        tok.span,
                    ));
                    code_open = tok.text.len() < 7;
                    row_no_taken = false;
                    continue;
                }
                if row_numbers && !row_no_taken && cur.as_ref().is_some_and(|r| r.values.is_empty())
                {
                    row_no_taken = true;
                    continue;
                }
                push_value(&mut cur, tok, table);
            }
            Kind::Num | Kind::Blank => push_value(&mut cur, tok, table),
            Kind::Text => {
                code_open = false;
                if total_label(kind, &tok.text) {
                    rows.extend(cur.take());
                    cur = Some(Row::new(None, tok.text.clone(), None, tok.span));
                    row_no_taken = false;
                } else if let Some(row) = cur.as_mut().filter(|r| r.values.is_empty()) {
                    row.name.push_str(&tok.text);
                    row.span.1 = tok.span.1;
                } else if tok
                    .text
                    .chars()
                    .all(|c| matches!(c, '…' | '.' | '。' | '·'))
                {
                    continue;
                } else {
                    rows.extend(cur.take());
                    table
                        .problems
                        .push(format!("“{}”没有科目编码，不参与逐级核对", tok.text));
                    cur = Some(Row::new(None, tok.text.clone(), None, tok.span));
                    row_no_taken = false;
                }
            }
        }
    }
    rows.extend(cur);
}

fn push_value(cur: &mut Option<Row>, tok: &Tok, table: &mut StandardTable) {
    match cur.as_mut() {
        Some(row) => {
            row.values.push(tok.amount.clone());
            row.span.1 = tok.span.1;
        }
        None if tok.kind != Kind::Blank => table
            .problems
            .push(format!("数字“{}”前没有行名，已跳过", tok.text)),
        None => {}
    }
}
