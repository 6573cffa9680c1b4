//! What a reader gives: rows of cells with their code, name, column, exact value and where they are in the
//! paste; rows whose columns the paste leaves undecided are marked, never guessed.

use super::kinds::{Col, StandardKind};
use super::lines::Line;
use super::num::{text, Decimal};
use serde::{Serialize, Serializer};

/// A char range [start, end) in the original paste (chars, not bytes).
pub type Span = (usize, usize);

fn decimal_text<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&text(*d))
}

/// A number as printed: exact value, decimals as written, and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Amount {
    /// The exact value ("2,940.05" → 2940.05).
    #[serde(serialize_with = "decimal_text")]
    pub value: Decimal,
    /// Decimals as written.
    pub scale: u32,
    /// Where the number is in the paste.
    pub span: Span,
}

/// A cell whose column is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The column.
    pub column: Col,
    /// The exact value.
    #[serde(serialize_with = "decimal_text")]
    pub value: Decimal,
    /// Decimals as written.
    pub scale: u32,
    /// Where the number is in the paste.
    pub span: Span,
}

/// One row: a 功能分类/经济分类 code row, a 合计 row, or a labelled line of T1/T4.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The account code, joined ("201 06 01" → "2010601"); None for 合计 and labelled lines without one.
    pub code: Option<String>,
    /// The name (wrapped and letter-spaced names joined).
    pub name: String,
    /// For T1/T4: which line this is.
    pub line: Option<Line>,
    /// Where the row is in the paste.
    pub span: Span,
    /// The values in print order; None for a printed blank ("-", "—").
    pub values: Vec<Option<Amount>>,
    /// The column readings still possible: one column per value. Exactly one when the row is decided.
    pub readings: Vec<Vec<Col>>,
    /// The cells whose column is decided (the same in every remaining reading). For an assumed reading
    /// (T7), the cells of the assumed reading.
    pub cells: Vec<Cell>,
    /// More than one reading remains (or none fits).
    pub ambiguous: bool,
    /// The first reading is an assumption (stated in the table's `assumptions`), not a deduction.
    pub assumed: bool,
}

/// What a table says about one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// A printed number.
    Value(&'a Amount),
    /// Blank (or a printed blank marker): 0.
    Blank,
    /// The paste leaves open which number, if any, is in this column.
    Undecided,
}

impl Row {
    /// A row with no values yet.
    pub(crate) fn new(code: Option<String>, name: String, line: Option<Line>, span: Span) -> Row {
        Row {
            code,
            name,
            line,
            span,
            values: Vec::new(),
            readings: Vec::new(),
            cells: Vec::new(),
            ambiguous: false,
            assumed: false,
        }
    }

    /// "201 一般公共服务支出", "合计", "本年收入合计".
    pub fn label(&self) -> String {
        match &self.code {
            Some(c) if self.name.is_empty() => c.clone(),
            Some(c) => format!("{c} {}", self.name),
            None => self.name.clone(),
        }
    }

    /// Whether any value is non-zero.
    pub fn has_numbers(&self) -> bool {
        self.values.iter().flatten().any(|a| !a.value.is_zero())
    }

    /// The value in `col` under reading `r`.
    pub fn lookup_in(&self, r: usize, col: Col) -> Lookup<'_> {
        let Some(reading) = self.readings.get(r) else {
            return Lookup::Undecided;
        };
        match reading.iter().position(|c| *c == col) {
            Some(i) => match self.values.get(i) {
                Some(Some(a)) if !a.value.is_zero() => Lookup::Value(a),
                Some(_) => Lookup::Blank,
                None => Lookup::Undecided,
            },
            None => Lookup::Blank,
        }
    }

    /// The value in `col` if every remaining reading agrees on it.
    pub fn lookup(&self, col: Col) -> Lookup<'_> {
        if self.values.is_empty() {
            return Lookup::Blank;
        }
        if self.readings.is_empty() {
            return Lookup::Undecided;
        }
        let first = self.lookup_in(0, col);
        let same = (1..self.readings.len()).all(|r| same_lookup(self.lookup_in(r, col), first));
        if same {
            first
        } else {
            Lookup::Undecided
        }
    }

    /// Recomputes `cells` and `ambiguous` from `readings`.
    pub(crate) fn settle(&mut self) {
        self.ambiguous = self.readings.len() != 1 && !self.values.is_empty();
        let cols: Vec<Col> = self.readings.iter().flatten().copied().collect();
        let mut seen: Vec<Col> = Vec::new();
        let mut cells = Vec::new();
        for col in cols {
            if seen.contains(&col) {
                continue;
            }
            seen.push(col);
            let look = if self.assumed {
                self.lookup_in(0, col)
            } else {
                self.lookup(col)
            };
            if let Lookup::Value(a) = look {
                cells.push(Cell {
                    column: col,
                    value: a.value,
                    scale: a.scale,
                    span: a.span,
                });
            }
        }
        cells.sort_by_key(|c| c.span);
        self.cells = cells;
    }
}

fn same_lookup(a: Lookup<'_>, b: Lookup<'_>) -> bool {
    match (a, b) {
        (Lookup::Value(x), Lookup::Value(y)) => x.span == y.span,
        (Lookup::Blank, Lookup::Blank) => true,
        _ => false,
    }
}

/// One of the nine tables as read from a paste.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StandardTable {
    /// Which table.
    pub kind: StandardKind,
    /// The title as printed (empty when the paste had none).
    pub title: String,
    /// Where the table is in the paste.
    pub span: Span,
    /// "万元", "元", or None when the paste does not say.
    pub unit: Option<String>,
    /// The value columns (for T1: 决算数; for T4: the expense side's; T4's income side has 决算数).
    pub columns: Vec<Col>,
    /// The rows in print order.
    pub rows: Vec<Row>,
    /// Lines under the table ("注：…故本表无数据").
    pub notes: Vec<String>,
    /// What could not be read, in Chinese, naming the text.
    pub problems: Vec<String>,
    /// Readings that were assumed or deduced rather than printed, in Chinese.
    pub assumptions: Vec<String>,
}

impl StandardTable {
    /// An empty table of `kind`.
    pub(crate) fn new(kind: StandardKind, span: Span) -> StandardTable {
        StandardTable {
            kind,
            title: String::new(),
            span,
            unit: None,
            columns: Vec::new(),
            rows: Vec::new(),
            notes: Vec::new(),
            problems: Vec::new(),
            assumptions: Vec::new(),
        }
    }

    /// Moves every span by `chars`: a table read at the start of a paste reported at `chars` of another.
    pub(crate) fn shift(&mut self, chars: usize) {
        let mv = |s: &mut Span| *s = (s.0 + chars, s.1 + chars);
        mv(&mut self.span);
        for r in &mut self.rows {
            mv(&mut r.span);
            for a in r.values.iter_mut().flatten() {
                mv(&mut a.span);
            }
            for c in &mut r.cells {
                mv(&mut c.span);
            }
        }
    }

    /// The row with this code.
    pub fn row_by_code(&self, code: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.code.as_deref() == Some(code))
    }

    /// The first row of this line (T1, T4).
    pub fn row_by_line(&self, line: Line) -> Option<&Row> {
        self.rows.iter().find(|r| r.line == Some(line))
    }

    /// The 合计 row of a coded table.
    pub fn total_row(&self) -> Option<&Row> {
        self.rows
            .iter()
            .find(|r| r.code.is_none() && r.line.is_none() && is_total_name(&r.name))
    }

    /// Whether any cell of the table holds a non-zero number.
    pub fn has_numbers(&self) -> bool {
        self.rows.iter().any(Row::has_numbers)
    }
}

/// 合计 / 总计 as a row name.
pub(crate) fn is_total_name(name: &str) -> bool {
    matches!(name, "合计" | "总计" | "合 计" | "总 计")
}
