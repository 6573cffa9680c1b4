//! What scoring reports: the serialized shape of a scored table (schema in the README).

use crate::num::verdict::Verdict;
use serde::Serialize;

/// One scored table.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct TableReport {
    /// 项目名称 or the title of a 部门整体 table.
    pub name: String,
    /// `project` or `department`.
    pub kind: &'static str,
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
    pub problems: Vec<ScoreProblemReport>,
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
    pub verdict: Option<Verdict>,
    /// The claim (index into the review's `claims`) that judged the stated 执行率, if one did.
    pub claim: Option<usize>,
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
    /// The verdict on the stated score.
    pub verdict: Verdict,
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
    /// What was checked.
    pub kind: FindingKind,
    /// The verdict.
    pub verdict: Verdict,
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
pub struct ScoreProblemReport {
    /// Line number.
    pub row: usize,
    /// In Chinese, naming the cell.
    pub message: String,
    /// Where in the input.
    pub span: [usize; 2],
}

/// What a scoring finding checked. The table's arithmetic (its 执行率, its fund rows) is judged once, by
/// the rules, as claims; these are what scoring adds.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A row's stated score against the rule.
    IndicatorScore,
    /// A stated score above the row's weight.
    ScoreOverWeight,
    /// A result beyond an `=` target: a warning, not a deduction.
    OverAchievement,
    /// The 执行率 row's stated score against the preset.
    ExecutionScore,
    /// 执行率 above 100%.
    #[serde(rename = "execution_over_100")]
    ExecutionOver100,
    /// The 执行率 cannot be computed (budget 0).
    ExecutionRate,
    /// Σ 分值 must be 100.
    WeightsTotal,
    /// The 总分 row's 分值 against Σ 分值.
    StatedWeightsTotal,
    /// The stated 总分 against Σ stated scores.
    StatedTotal,
    /// The stated 总分 against the rule total.
    RuleTotal,
    /// The grade of the stated total against the grade of the rule total.
    Grade,
    /// A block of the table (funds, indicators) was not read: nothing that depends on it is scored.
    NotRead,
}
