//! The reader for the two summary tables, T1 收入支出决算总表 and T4 财政拨款收入支出决算总表: labelled
//! lines, income on the left and expense on the right, one line per printed row.
//!
//! Copied text interleaves the two sides and wraps long labels; the reader joins the text between numbers,
//! cuts it at the ordinals ("二十六、") and the fixed labels (本年收入合计 …), and gives each number to the
//! label before it (a label with all its columns filled passes the number on to the next label). A 行次
//! column, when the header has one, is dropped.

use super::coded::identities;
use super::frame::frame;
use super::infer::{initial_readings, propagate, restrict, value_of, Family};
use super::kinds::{columns_from_header, squash_char, Col, StandardKind};
use super::lex::{Kind, LexLine, Tok};
use super::lines::{class_code, classify, strip_ordinal, Line, FIXED_LABELS};
use super::model::{Amount, Lookup, Row, Span, StandardTable};

/// Whether a squashed line starts with a Chinese ordinal ("一、", "二十六、").
pub(crate) fn starts_with_ordinal(s: &str) -> bool {
    let n = s
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    n > 0 && s.chars().nth(n) == Some('、')
}

struct Label {
    text: String,
    line: Option<Line>,
    span: Span,
    values: Vec<Option<Amount>>,
    row_no_taken: bool,
}

/// Cuts the body into labels with their values.
struct Collector<'a> {
    labels: Vec<Label>,
    pending: Vec<Option<Amount>>,
    run: Vec<(char, Span)>,
    after_opening: bool,
    grand_seen: bool,
    kind: StandardKind,
    right: &'a [Col],
    row_numbers: bool,
}

impl Collector<'_> {
    fn flush(&mut self) {
        for (text, span) in split_run(&self.run) {
            let line = classify(&text, self.after_opening, self.grand_seen);
            self.after_opening |= line == Some(Line::Opening);
            self.grand_seen |= matches!(line, Some(Line::IncomeGrand | Line::ExpenseGrand));
            let mut values = std::mem::take(&mut self.pending);
            values.truncate(8);
            self.labels.push(Label {
                text,
                line,
                span,
                values,
                row_no_taken: false,
            });
        }
        self.run.clear();
    }

    fn value(&mut self, tok: &Tok, cells: bool) {
        let Some(last) = self.labels.last_mut() else {
            if tok.kind != Kind::Blank || cells {
                self.pending.push(tok.amount.clone());
            }
            return;
        };
        if self.row_numbers
            && tok.kind == Kind::Digits
            && !last.row_no_taken
            && last.values.is_empty()
        {
            last.row_no_taken = true;
            return;
        }
        let cap = line_columns(self.kind, last.line.unwrap_or(Line::ExpClass), self.right).len();
        if last.values.len() < cap {
            last.values.push(tok.amount.clone());
        } else if tok.kind != Kind::Blank || !cells {
            // an empty cell past a full label is padding, not a value of the next label
            self.pending.push(tok.amount.clone());
        }
    }
}

/// Reads T1 or T4.
pub(crate) fn read_summary(kind: StandardKind, lines: &[LexLine], table: &mut StandardTable) {
    let body = frame(kind, lines, table);
    let start = body
        .iter()
        .position(|&i| {
            let s = &lines[i].squashed;
            starts_with_ordinal(s) || s.starts_with("本年收入合计") || s.starts_with("本年支出合计")
        })
        .unwrap_or(body.len());
    let header: String = body[..start]
        .iter()
        .map(|&i| lines[i].squashed.as_str())
        .collect();
    let right_cols = if kind == StandardKind::T4 {
        columns_from_header(kind, &header)
    } else {
        vec![Col::Amount]
    };
    table.columns = right_cols.clone();
    let row_numbers = header.contains("行次");
    let labels = collect_labels(&body[start..], lines, &right_cols, row_numbers, kind, table);
    let mut rows = Vec::new();
    for l in labels {
        let Some(line) = l.line else {
            if !is_noise(&l.text) {
                let dropped = if l.values.iter().flatten().next().is_some() {
                    "，其数字未核对"
                } else {
                    ""
                };
                table
                    .problems
                    .push(format!("无法识别的行名“{}”{dropped}", l.text));
            }
            continue;
        };
        let name = strip_ordinal(&l.text).to_string();
        let code = (line == Line::ExpClass)
            .then(|| class_code(&name).map(str::to_string))
            .flatten();
        let mut row = Row::new(code, name, Some(line), l.span);
        row.values = l.values;
        let cols = line_columns(kind, line, &right_cols);
        if row.values.len() < cols.len() && lines_are_cells(&body, lines) {
            row.values.resize(cols.len(), None);
        }
        let ids = if cols.len() > 1 {
            identities(StandardKind::T4, &cols)
        } else {
            Vec::new()
        };
        if let Some(p) = initial_readings(&mut row, &cols, &ids) {
            table.problems.push(p);
        }
        rows.push(row);
    }
    if kind == StandardKind::T4 {
        dead_funds(&mut rows, table);
        let fams = summary_families(&rows);
        propagate(&mut rows, &fams, &right_cols);
    }
    table.rows = rows;
}

/// The columns of a line: the expense side of T4 has the fund columns, everything else one amount.
pub(crate) fn line_columns(kind: StandardKind, line: Line, right: &[Col]) -> Vec<Col> {
    if kind == StandardKind::T4 && line.is_expense_side() {
        right.to_vec()
    } else {
        vec![Col::Amount]
    }
}

fn lines_are_cells(body: &[usize], lines: &[LexLine]) -> bool {
    let cells = body.iter().filter(|&&i| lines[i].cells).count();
    cells * 2 >= body.len() && cells > 0
}

fn is_noise(text: &str) -> bool {
    matches!(
        text,
        "项目" | "决算数" | "收入" | "支出" | "合计" | "金额" | "行次" | "栏次" | "…" | "……"
    ) || text
        .chars()
        .all(|c| "项目决算数收入支出合计金额行次栏…".contains(c))
}

fn collect_labels(
    body: &[usize],
    lines: &[LexLine],
    right: &[Col],
    row_numbers: bool,
    kind: StandardKind,
    table: &mut StandardTable,
) -> Vec<Label> {
    let mut c = Collector {
        labels: Vec::new(),
        pending: Vec::new(),
        run: Vec::new(),
        after_opening: false,
        grand_seen: false,
        kind,
        right,
        row_numbers,
    };
    for &i in body {
        let line = &lines[i];
        let mut last_cell = None;
        for tok in &line.toks {
            if line.cells && tok.cell != last_cell {
                c.flush();
                last_cell = tok.cell;
            }
            match tok.kind {
                Kind::Text => c.run.extend(tok.text.chars().enumerate().map(|(k, ch)| {
                    let at = tok.span.0 + k;
                    (squash_char(ch), (at, at + 1))
                })),
                _ => {
                    c.flush();
                    c.value(tok, line.cells);
                }
            }
        }
        if line.cells {
            c.flush();
        }
    }
    c.flush();
    if c.pending.iter().flatten().next().is_some() {
        table
            .problems
            .push("表尾有数字找不到所属的行，已跳过".to_string());
    }
    c.labels
}

/// Cuts a run of label text at ordinals and fixed labels.
fn split_run(run: &[(char, Span)]) -> Vec<(String, Span)> {
    let chars: Vec<char> = run.iter().map(|(c, _)| *c).collect();
    let mut cuts = vec![0];
    let mut i = 0;
    while i < chars.len() {
        let rest: String = chars[i..].iter().collect();
        if let Some(l) = FIXED_LABELS.iter().find(|l| rest.starts_with(**l)) {
            cuts.push(i);
            i += l.chars().count();
            cuts.push(i);
            continue;
        }
        let after_numeral = i > 0 && "一二三四五六七八九十".contains(chars[i - 1]);
        if i > 0 && !after_numeral && starts_with_ordinal(&rest) {
            cuts.push(i);
        }
        i += 1;
    }
    cuts.push(chars.len());
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .filter_map(|w| {
            let text: String = chars[w[0]..w[1]].iter().collect();
            let span = (run.get(w[0])?.1 .0, run.get(w[1] - 1)?.1 .1);
            Some((text, span))
        })
        .collect()
}

/// Funds whose income and 年初 are blank have nothing to spend or carry: their expense column is blank
/// (年初 + 收入 = 支出 + 年末, all ≥ 0). Stated as an assumption when it decides a row.
fn dead_funds(rows: &mut [Row], table: &mut StandardTable) {
    let blank = |rows: &[Row], line: Line| -> bool {
        rows.iter()
            .find(|r| r.line == Some(line))
            .is_some_and(|r| r.lookup(Col::Amount) == Lookup::Blank)
    };
    let opening_blank = blank(rows, Line::Opening);
    for (col, inc, open) in [
        (Col::GeneralBudget, Line::IncGeneral, Line::OpeningGeneral),
        (Col::GovFund, Line::IncFund, Line::OpeningFund),
        (Col::StateCapital, Line::IncCapital, Line::OpeningCapital),
    ] {
        if !table.columns.contains(&col) || !blank(rows, inc) {
            continue;
        }
        if !(opening_blank || blank(rows, open)) {
            continue;
        }
        let mut decided = false;
        for row in rows
            .iter_mut()
            .filter(|r| r.line.is_some_and(Line::is_expense_side))
        {
            decided |= restrict(row, |r, reading| value_of(r, reading, col).0.is_zero());
        }
        if decided {
            table.assumptions.push(format!(
                "“{}”收入和年初结转均为空，按 年初 + 收入 = 支出 + 年末 推定其支出各列为空",
                col.title()
            ));
        }
    }
}

/// T4's column sums: 本年支出合计 = Σ class lines; 支出总计 = 本年支出合计 + 年末.
fn summary_families(rows: &[Row]) -> Vec<Family> {
    let find = |line: Line| rows.iter().position(|r| r.line == Some(line));
    let mut out = Vec::new();
    let classes: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].line == Some(Line::ExpClass))
        .collect();
    if let Some(total) = find(Line::ExpenseTotal) {
        if !classes.is_empty() {
            out.push(Family {
                parent: total,
                children: classes,
            });
        }
        if let (Some(grand), Some(closing)) = (find(Line::ExpenseGrand), find(Line::Closing)) {
            out.push(Family {
                parent: grand,
                children: vec![total, closing],
            });
        }
    }
    out
}
