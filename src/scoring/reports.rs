//! What scoring reports: the serialized shape of a scored table (schema in the README).

use crate::presets::PresetReport;
use serde::Serialize;

/// `juesuan score` / `score()` in JS.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ScoreReport {
    /// Always [`SCHEMA`].
    pub schema: u32,
    /// The preset used.
    pub preset: PresetReport,
    /// One entry per table found.
    pub tables: Vec<TableReport>,
}

/// One scored table.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct TableReport {
    /// 项目名称 or the title of a 部门整体 table.
    pub name: String,
    /// `project` or `department`.
    pub kind: String,
    /// Where the table is in the input, [start, end) in chars.
    pub span: [usize; 2],
    /// The 执行率 row.
    pub execution: ExecutionReport,
    /// The indicator rows.
    pub indicators: Vec<IndicatorReport>,
    /// Σ 分值 including the 执行率 row ("100").
    pub weights_total: Option<String>,
    /// 总分 row's 分值 as written.
    pub stated_weights_total: Option<String>,
    /// 总分 row's 得分 as written ("86.7").
    pub stated_total: Option<String>,
    /// Σ stated scores including the 执行率 row, 2 dp.
    pub stated_scores_total: Option<String>,
    /// 执行率 score + Σ rule scores, 2 dp ("91.54").
    pub total: Option<String>,
    /// 优 / 良 / 中 / 差 of `total`.
    pub grade: Option<String>,
    /// 优 / 良 / 中 / 差 of `statedTotal`.
    pub stated_grade: Option<String>,
    /// Every check made on the table.
    pub findings: Vec<FindingReport>,
    /// Rows and cells that could not be read.
    pub problems: Vec<ProblemReport>,
}

/// The 执行率 row.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ExecutionReport {
    /// 全年预算数 of 年度资金总额 / 合计.
    pub budget: Option<String>,
    /// 全年执行数.
    pub executed: Option<String>,
    /// 执行数 ÷ 预算数 × 100, 2 dp ("94.79"); null when the budget is 0.
    pub rate: Option<String>,
    /// The 执行率 as written, without "%".
    pub stated_rate: Option<String>,
    /// The score under the preset, 2 dp ("8.70").
    pub score: Option<String>,
    /// The score as written.
    pub stated_score: Option<String>,
    /// 分值 of the row as read.
    pub weight: Option<String>,
    /// Verdict on the stated 执行率; null when none is stated.
    pub verdict: Option<String>,
    /// Why, in Chinese.
    pub message: String,
}

/// One indicator row.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorReport {
    /// Line number in the paste.
    pub row: usize,
    /// 一级指标.
    pub level1: String,
    /// 二级指标.
    pub level2: String,
    /// 三级指标.
    pub indicator: String,
    /// 年度指标值 as written.
    pub target: String,
    /// 实际完成值 as written.
    pub actual: String,
    /// 分值 as written.
    pub weight: Option<String>,
    /// 得分 as written ("6.8").
    pub stated_score: Option<String>,
    /// The rule score, 2 dp ("15.00"); null when the row cannot be scored.
    pub score: Option<String>,
    /// ok / rounding / mismatch / not_computable.
    pub verdict: String,
    /// 偏差原因 as read.
    pub reason: String,
    /// The rule applied, with the numbers, in Chinese.
    pub message: String,
    /// Where the row is in the input.
    pub span: [usize; 2],
}

/// One check on a table.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct FindingReport {
    /// What was checked: indicator_score, score_over_weight, over_achievement, execution_rate,
    /// execution_score, execution_over_100, funds_sum, weights_total, stated_weights_total, stated_total,
    /// rule_total, grade.
    pub kind: String,
    /// ok / rounding / mismatch / not_computable.
    pub verdict: String,
    /// In Chinese, with the numbers.
    pub message: String,
    /// The row it concerns, if one.
    pub row: Option<usize>,
    /// Where in the input.
    pub span: Option<[usize; 2]>,
}

/// A row or cell that could not be read.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ProblemReport {
    /// Line number.
    pub row: usize,
    /// In Chinese, naming the cell.
    pub message: String,
    /// Where in the input.
    pub span: [usize; 2],
}
