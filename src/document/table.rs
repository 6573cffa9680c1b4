//! A 绩效自评表 (performance self-evaluation table) as read: its funds block, indicator rows, 总分 row and
//! the cells that could not be read. The readers (`tsv`, `pdf`) fill it; a row that cannot be read becomes a
//! [`Problem`] with its row number and reason, and the other rows are still read.

use crate::num::figure::{parse_cell, Figure};
use rust_decimal::Decimal;

/// A span of the input, in chars: [start, end).
pub type Span = (usize, usize);

/// A figure read from one cell, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The figure.
    pub figure: Figure,
    /// Where the cell's text is in the input.
    pub span: Span,
}

/// 项目支出绩效自评表 or 部门（单位）整体支出绩效目标自评表.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// 项目支出绩效自评表
    Project,
    /// 部门（单位）整体支出绩效目标自评表
    Department,
}

/// One row of the funds block: a label and its 年初预算数 / 全年预算数 / 全年执行数 cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FundsRow {
    /// 年度资金总额, 其中：当年财政拨款, 其他资金; or the 资金来源 rows of a 部门整体 table (中央安排 … 合计).
    pub label: String,
    /// 年初预算数
    pub initial: Option<Cell>,
    /// 全年预算数
    pub budget: Option<Cell>,
    /// 全年执行数
    pub executed: Option<Cell>,
    /// Where the row is in the input.
    pub span: Span,
}

impl FundsRow {
    /// A real funds row has a short funds label (年度资金总额, 当年财政拨款, 其他资金, 合计, …安排) and at least
    /// two of its three amounts; a sentence that happens to follow a 年初预算数 header word has neither.
    pub fn looks_real(&self) -> bool {
        let named = ["资金", "拨款", "合计", "安排", "总额"]
            .iter()
            .any(|w| self.label.contains(w));
        let short = self.label.chars().count() <= 16;
        let figures = [&self.initial, &self.budget, &self.executed]
            .iter()
            .filter(|c| c.is_some())
            .count();
        named && short && figures >= 2
    }
}

/// The funds block of a table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Funds {
    /// Every funds row in order.
    pub rows: Vec<FundsRow>,
    /// The 分值 of the 执行率 row (usually 10).
    pub weight: Option<Cell>,
    /// The stated 执行率 (a percentage figure).
    pub stated_rate: Option<Cell>,
    /// The stated 执行率 score.
    pub stated_score: Option<Cell>,
}

impl Funds {
    /// Takes a funds row's 分值 / 执行率 / 得分 cells where none was read yet: the 执行率 row's figures
    /// are those on the first row that states them (the total row), not on the rows below it.
    pub(crate) fn keep_first_stated(
        &mut self,
        weight: Option<Cell>,
        rate: Option<Cell>,
        score: Option<Cell>,
    ) {
        if self.weight.is_none() {
            self.weight = weight;
        }
        if self.stated_rate.is_none() {
            self.stated_rate = rate;
        }
        if self.stated_score.is_none() {
            self.stated_score = score;
        }
    }

    /// The row the 执行率 is computed from: 年度资金总额 / 总额 (project) or 合计 (部门整体).
    pub fn total_row(&self) -> Option<&FundsRow> {
        self.rows
            .iter()
            .find(|r| r.label.contains("总额") || r.label.contains("合计"))
            .or_else(|| self.rows.first())
    }
}

/// One indicator row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorRow {
    /// Row number in the paste (1-based line of a TSV paste; for PDF text, the line where the row starts).
    pub row: usize,
    /// 一级指标 (carried down from a merged cell).
    pub level1: String,
    /// 二级指标 (carried down from a merged cell).
    pub level2: String,
    /// 三级指标: the indicator's name.
    pub indicator: String,
    /// 年度指标值 as written (`>=24 期`, `保障`).
    pub target_text: String,
    /// 实际完成值 as written.
    pub actual_text: String,
    /// 分值
    pub weight: Option<Cell>,
    /// 得分 as stated.
    pub stated_score: Option<Cell>,
    /// 偏差原因分析及改进措施
    pub reason: String,
    /// Where the row is in the input.
    pub span: Span,
}

/// A row or cell that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Row number (as in [`IndicatorRow::row`]).
    pub row: usize,
    /// What is wrong, in Chinese, naming the cell.
    pub message: String,
    /// Where it is in the input.
    pub span: Span,
}

/// A block of a table: what "not read whole" refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// The funds block (预算执行情况): amounts, 执行率, its 分值 and 得分.
    Funds,
    /// The indicator rows.
    Indicators,
}

/// One table as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// 项目名称, or the department's name / the title for a 部门整体 table.
    pub name: String,
    /// Project or department table.
    pub kind: TableKind,
    /// Where the table is in the input.
    pub span: Span,
    /// The funds block.
    pub funds: Funds,
    /// The indicator rows in order.
    pub indicators: Vec<IndicatorRow>,
    /// 总分 row: the stated 分值 total (usually 100).
    pub stated_weights_total: Option<Cell>,
    /// 总分 row: the stated total score.
    pub stated_total: Option<Cell>,
    /// Rows and cells that could not be read.
    pub problems: Vec<Problem>,
    /// The blocks a reader saw but could not read whole (a row split apart, an amount it could not place):
    /// nothing that depends on them is scored.
    pub partial: Vec<Block>,
}

impl Table {
    /// An empty table that starts at `span`.
    pub fn new(kind: TableKind, name: &str, span: Span) -> Table {
        Table {
            name: name.to_string(),
            kind,
            span,
            funds: Funds::default(),
            indicators: Vec::new(),
            stated_weights_total: None,
            stated_total: None,
            problems: Vec::new(),
            partial: Vec::new(),
        }
    }

    /// Records that `block` was not read whole, and why (a problem naming the row).
    pub(crate) fn not_whole(&mut self, block: Block, problem: Problem) {
        if !self.partial.contains(&block) {
            self.partial.push(block);
        }
        self.problems.push(problem);
    }

    /// Whether anything beyond the title was read.
    pub fn has_content(&self) -> bool {
        !self.funds.rows.is_empty()
            || !self.indicators.is_empty()
            || self.stated_total.is_some()
            || !self.problems.is_empty()
    }

    /// Whether anything table-shaped was read: an indicator row, a funds row with a figure, a 总分 row, or
    /// a named table whose rows could not be read.
    pub fn has_structure(&self) -> bool {
        !self.indicators.is_empty()
            || self.funds.rows.iter().any(FundsRow::looks_real)
            || self.stated_total.is_some()
            || (!self.name.is_empty() && !self.problems.is_empty())
    }

    /// Moves every span by `chars` and every row number by `lines`: a table read from a section of the
    /// paste is reported at its place in the whole paste.
    pub(crate) fn shift(&mut self, chars: usize, lines: usize) {
        let mv = |s: &mut Span| *s = (s.0 + chars, s.1 + chars);
        let cell = |c: &mut Option<Cell>| {
            if let Some(c) = c {
                c.span = (c.span.0 + chars, c.span.1 + chars);
            }
        };
        mv(&mut self.span);
        for r in &mut self.funds.rows {
            mv(&mut r.span);
            cell(&mut r.initial);
            cell(&mut r.budget);
            cell(&mut r.executed);
        }
        cell(&mut self.funds.weight);
        cell(&mut self.funds.stated_rate);
        cell(&mut self.funds.stated_score);
        for r in &mut self.indicators {
            mv(&mut r.span);
            r.row += lines;
            cell(&mut r.weight);
            cell(&mut r.stated_score);
        }
        cell(&mut self.stated_weights_total);
        cell(&mut self.stated_total);
        for p in &mut self.problems {
            mv(&mut p.span);
            p.row += lines;
            p.message = p.message.replacen(
                &format!("第 {} 行", p.row - lines),
                &format!("第 {} 行", p.row),
                1,
            );
        }
    }

    /// Appends a continuation (the rest of the same table pasted again) to this table.
    pub(crate) fn absorb(&mut self, rest: Table) {
        self.span.1 = self.span.1.max(rest.span.1);
        self.indicators.extend(rest.indicators);
        self.problems.extend(rest.problems);
        for b in rest.partial {
            if !self.partial.contains(&b) {
                self.partial.push(b);
            }
        }
        if rest.stated_weights_total.is_some() {
            self.stated_weights_total = rest.stated_weights_total;
        }
        if rest.stated_total.is_some() {
            self.stated_total = rest.stated_total;
        }
    }
}

impl TableKind {
    /// `project` or `department`, as reports spell it.
    pub fn name(self) -> &'static str {
        match self {
            TableKind::Project => "project",
            TableKind::Department => "department",
        }
    }
}

/// Joins a table with the next one when the next is the same table pasted again without its funds block.
pub(crate) fn merge_continuations(tables: Vec<Table>) -> Vec<Table> {
    let mut out: Vec<Table> = Vec::with_capacity(tables.len());
    for t in tables {
        match out.last_mut() {
            Some(prev)
                if t.funds.rows.is_empty()
                    && (t.name.is_empty() || t.name == prev.name)
                    && prev.stated_total.is_none() =>
            {
                prev.absorb(t)
            }
            _ => out.push(t),
        }
    }
    out
}

/// Reads one cell as a figure: `Ok(None)` when empty or `—`; the error names the column (`field`) and row.
pub(crate) fn read_cell(
    field: &str,
    text: &str,
    span: Span,
    row: usize,
) -> Result<Option<Cell>, Problem> {
    let problem = |message: String| Problem {
        row,
        message: format!("第 {row} 行“{field}”无法识别：{message}"),
        span,
    };
    if let Some(figure) = plain_number(text) {
        return Ok(Some(Cell { figure, span }));
    }
    match parse_cell(text) {
        // 分值, 得分, amounts and rates carry at most a unit of money, points or percent: `1O` is a typo.
        Ok(Some(figure))
            if !matches!(
                figure.unit.as_str(),
                "" | "分" | "%" | "元" | "万元" | "亿元"
            ) =>
        {
            Err(problem(format!(
                "“{}”不是数字（数字后有多余的字符“{}”）",
                text.trim(),
                figure.unit
            )))
        }
        Ok(Some(figure)) => Ok(Some(Cell { figure, span })),
        Ok(None) => Ok(None),
        Err(e) => Err(problem(e.to_string())),
    }
}

/// The figure of a cell that is a plain ASCII number (`6`, `8.70`), as [`parse_cell`] reads it, without
/// its allocations: the 分值 and 得分 cells of a table are nearly all like this, and reading them was a
/// tenth of reading the tables. None for anything else (and for a number too long to be exact), which
/// the general parser then reads or explains.
fn plain_number(text: &str) -> Option<Figure> {
    let bytes = text.as_bytes();
    let dot = bytes.iter().position(|&c| c == b'.');
    let plain = bytes.first().is_some_and(u8::is_ascii_digit)
        && bytes.last().is_some_and(u8::is_ascii_digit)
        && bytes.iter().all(|&c| c.is_ascii_digit() || c == b'.')
        && bytes.iter().filter(|&&c| c == b'.').count() <= 1;
    if !plain {
        return None;
    }
    let value = Decimal::from_str_exact(text).ok()?;
    let scale = dot.map_or(0, |d| bytes.len() - d - 1);
    Some(Figure {
        value,
        scale: u32::try_from(scale).ok()?,
        unit: String::new(),
        comparator: None,
        exact: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_read_as_the_general_parser_reads_them() {
        for text in [
            "6",
            "8.70",
            "007",
            "0.5",
            "100",
            "94.79",
            "12345678901234567890.1234567",
            "123456789012345678901234567890",
            "1.",
            ".5",
            "1.2.3",
            "",
            "1,000",
            "5%",
            "６",
            " 6",
        ] {
            let fast = plain_number(text);
            if let Some(f) = &fast {
                assert_eq!(
                    parse_cell(text).ok().flatten().as_ref(),
                    Some(f),
                    "{text:?}"
                );
            }
            let expected = text.bytes().all(|c| c.is_ascii_digit() || c == b'.')
                && parse_cell(text).is_ok_and(|f| f.is_some());
            assert_eq!(fast.is_some(), expected, "{text:?}");
        }
    }
}
