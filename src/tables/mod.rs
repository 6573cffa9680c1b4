//! Reading 绩效自评表 (performance self-evaluation tables) from a paste: Excel/WPS cells (tab-separated,
//! CRLF, merged cells as a value then empty cells) or text copied out of a PDF (one cell per line, cells
//! broken across lines). Several tables in one paste. A row that cannot be read becomes a [`Problem`] with
//! its row number and reason; the other rows are still read.
//!
//! Spans are [start, end) offsets in Unicode scalar values (chars) into the pasted text.

use crate::figures::Figure;

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
    /// The row the 执行率 is computed from: 年度资金总额 (project) or 合计 (部门整体).
    pub fn total_row(&self) -> Option<&FundsRow> {
        self.rows
            .iter()
            .find(|r| r.label.contains("年度资金总额") || r.label.contains("合计"))
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
}

/// Finds and reads every self-evaluation table in a paste (TSV or PDF text). Never panics.
pub fn read_tables(_text: &str) -> Vec<Table> {
    Vec::new()
}
