//! Scoring 绩效自评表 under a preset (domain.md "Performance self-evaluation scoring").
//!
//! Indicator rows follow the national proportional rule (财预〔2020〕10号): `≥ t` met → w, else w × E / t;
//! `≤ t` met → w, over → w × (1 − (E − t) / t), 0 from 2t; `= 0` full only if E ≤ 0, other `= t` as `≥ t`;
//! qualitative rows by band (达成 80–100%, 部分达成 60–80%, 未达成 0–60% of w). The 执行率 row follows the
//! preset. Every stated figure is judged with [`check_rate`] / [`check_sum`], so verdicts mean what they
//! mean everywhere else in the crate.

use crate::decimal::round_half_up;
use crate::error::{Error, Result};
use crate::figures::{parse_figure, Comparator, Figure};
use crate::presets::{Preset, PresetReport};
use crate::rates::{rate, Label, Rate, RateKind};
use crate::report::{check_message, SCHEMA};
use crate::tables::vocab::{self, Achievement};
use crate::tables::{read_tables, Cell, IndicatorRow, Span, Table, TableKind};
use crate::verdict::{check_rate, check_sum, Check, Verdict};
use rust_decimal::Decimal;
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

/// Reads every table in `text` and scores it under `preset`. Never panics.
///
/// # Example
/// ```
/// use juesuan::{presets::Preset, scoring::score_text};
/// let text = "项目名称\t快递费\r\n\
///     项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\r\n\
///     \t年度资金总额\t239.00\t239.00\t226.54\t10\t94.79%\t8.70\r\n\
///     一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\r\n\
///     产出指标\t数量指标\t开展培训次数\t>=1 次\t=0 次\t6\t6\r\n";
/// let report = score_text(text, &Preset::proportional());
/// let t = &report.tables[0];
/// assert_eq!(t.execution.rate.as_deref(), Some("94.79"));
/// assert_eq!(t.execution.score.as_deref(), Some("9.48")); // 10 × 94.79%
/// assert_eq!(t.indicators[0].score.as_deref(), Some("0.00")); // 6 × 0 ÷ 1
/// assert_eq!(t.indicators[0].verdict, "mismatch");
/// ```
pub fn score_text(text: &str, preset: &Preset) -> ScoreReport {
    let tables = read_tables(text);
    ScoreReport {
        schema: SCHEMA,
        preset: preset.to_report(),
        tables: tables.iter().map(|t| score_table(t, preset)).collect(),
    }
}

/// Scores one table. Arithmetic that overflows exact decimal range leaves the figure null.
pub fn score_table(table: &Table, preset: &Preset) -> TableReport {
    let mut findings = Vec::new();
    let (execution, exec_score) = execution(table, preset, &mut findings);
    let mut indicators = Vec::with_capacity(table.indicators.len());
    let mut rule_sum = Some(Decimal::ZERO);
    for row in &table.indicators {
        let (report, exact) = indicator(row, &mut findings);
        rule_sum = match (rule_sum, exact) {
            (Some(s), Some(e)) => s.checked_add(round_half_up(e, 2)),
            _ => None,
        };
        indicators.push(report);
    }
    let total = match (exec_score, rule_sum) {
        (Some(e), Some(s)) => e.checked_add(s),
        (None, s) if table.funds.weight.is_none() => s,
        _ => None,
    }
    .map(|t| round_half_up(t, 2));
    funds_sums(table, &mut findings);
    let weights_total = weights(table, &mut findings);
    let stated_scores_total = stated_totals(table, total, &mut findings);
    let grade = total.map(grade_of);
    let stated_grade = table
        .stated_total
        .as_ref()
        .map(|c| grade_of(c.figure.value));
    if let (Some(g), Some(s), Some(c)) = (grade, stated_grade, &table.stated_total) {
        if g != s {
            findings.push(finding(
                "grade",
                Verdict::Mismatch,
                format!(
                    "表中总分 {} 为“{s}”，按规则总分 {} 应为“{g}”",
                    c.figure.value,
                    total.map(|t| t.to_string()).unwrap_or_default()
                ),
                None,
                Some(c.span),
            ));
        }
    }
    TableReport {
        name: table.name.clone(),
        kind: table.kind.name().to_string(),
        span: [table.span.0, table.span.1],
        execution,
        indicators,
        weights_total: weights_total.map(|w| w.to_string()),
        stated_weights_total: text_of(&table.stated_weights_total),
        stated_total: text_of(&table.stated_total),
        stated_scores_total: stated_scores_total.map(|s| round_half_up(s, 2).to_string()),
        total: total.map(|t| t.to_string()),
        grade: grade.map(str::to_string),
        stated_grade: stated_grade.map(str::to_string),
        findings,
        problems: table
            .problems
            .iter()
            .map(|p| ProblemReport {
                row: p.row,
                message: p.message.clone(),
                span: [p.span.0, p.span.1],
            })
            .collect(),
    }
}

/// 优 ≥ 90, 良 [80, 90), 中 [60, 80), 差 < 60.
pub fn grade_of(total: Decimal) -> &'static str {
    if total >= Decimal::from(90) {
        "优"
    } else if total >= Decimal::from(80) {
        "良"
    } else if total >= Decimal::from(60) {
        "中"
    } else {
        "差"
    }
}

fn text_of(cell: &Option<Cell>) -> Option<String> {
    cell.as_ref().map(|c| c.figure.value.to_string())
}

fn finding(
    kind: &str,
    verdict: Verdict,
    message: String,
    row: Option<usize>,
    span: Option<Span>,
) -> FindingReport {
    FindingReport {
        kind: kind.to_string(),
        verdict: verdict.name().to_string(),
        message,
        row,
        span: span.map(|(s, e)| [s, e]),
    }
}

fn overflow(what: &str) -> Error {
    Error::Overflow {
        what: what.to_string(),
    }
}

/// The 执行率 row: the rate recomputed from the 年度资金总额 / 合计 row, the stated rate judged, the score under
/// the preset from the recomputed rate at 2 dp (the stated one when it cannot be recomputed).
fn execution(
    table: &Table,
    preset: &Preset,
    findings: &mut Vec<FindingReport>,
) -> (ExecutionReport, Option<Decimal>) {
    let funds = &table.funds;
    let total = funds.total_row();
    let budget = total.and_then(|r| r.budget.as_ref());
    let executed = total.and_then(|r| r.executed.as_ref());
    let computed = match (budget, executed) {
        (Some(b), Some(e)) => rate(RateKind::Execution, b.figure.value, e.figure.value).ok(),
        _ => None,
    };
    let rounded = computed.and_then(|r| r.rounded(2));
    let stated = funds.stated_rate.as_ref();
    let basis = rounded.or(stated.map(|c| c.figure.value));
    let weight = funds.weight.as_ref().map(|c| c.figure.value);
    let score = match (basis, weight) {
        (Some(r), Some(w)) => preset.execution_score(r, w).ok(),
        _ => None,
    };
    let check = match (budget, executed, stated) {
        (Some(b), Some(e), Some(s)) => check_rate(
            |x, y| rate(RateKind::Execution, x, y),
            &b.figure,
            &e.figure,
            &s.figure,
        )
        .ok(),
        _ => None,
    };
    let mut message = match (&check, computed, budget, executed) {
        (Some(c), _, Some(b), Some(e)) => format!(
            "执行率 = {} ÷ {} × 100%：{}",
            e.figure.value,
            b.figure.value,
            check_message(c, "%")
        ),
        (None, Some(Rate::Value(_)), Some(b), Some(e)) => format!(
            "执行率 = {} ÷ {} × 100% = {}%（表中未填执行率）",
            e.figure.value,
            b.figure.value,
            rounded.map(|r| r.to_string()).unwrap_or_default()
        ),
        (None, Some(Rate::NotComputable(_)), _, _) => "全年预算数为 0，执行率无法计算".to_string(),
        _ => "未读到全年预算数和全年执行数，执行率无法重算".to_string(),
    };
    if let Some(s) = score {
        message.push_str(&format!(
            "；按“{}”规则得 {s} 分（{}）",
            preset.name,
            preset.describe()
        ));
    }
    if let Some(c) = &check {
        findings.push(finding(
            "execution_rate",
            c.verdict,
            format!("执行率：{}", check_message(c, "%")),
            None,
            stated.map(|s| s.span),
        ));
    }
    if let Some(r) = basis.filter(|r| *r > Decimal::ONE_HUNDRED && !preset.allow_over_100) {
        findings.push(finding(
            "execution_over_100",
            Verdict::Mismatch,
            format!("执行率 {r}% 超过 100%：全年执行数大于全年预算数，请核对"),
            None,
            executed.or(stated).map(|c| c.span),
        ));
    }
    if matches!(computed, Some(Rate::NotComputable(_))) {
        findings.push(finding(
            "execution_rate",
            Verdict::NotComputable,
            "全年预算数为 0，执行率无法计算，执行率得分无从核对".to_string(),
            None,
            budget.map(|c| c.span),
        ));
    }
    if let (Some(s), Some(c)) = (score, funds.stated_score.as_ref()) {
        let verdict = if round_half_up(s, c.figure.scale) == c.figure.value {
            Verdict::Ok
        } else {
            Verdict::Mismatch
        };
        findings.push(finding(
            "execution_score",
            verdict,
            format!(
                "执行率得分：按“{}”规则应得 {s} 分，表中填 {} 分{}",
                preset.name,
                c.figure.value,
                if verdict == Verdict::Ok {
                    "，一致"
                } else {
                    "，不一致"
                }
            ),
            None,
            Some(c.span),
        ));
    }
    let report = ExecutionReport {
        budget: budget.map(|c| c.figure.value.to_string()),
        executed: executed.map(|c| c.figure.value.to_string()),
        rate: rounded.map(|r| r.to_string()),
        stated_rate: stated.map(|c| c.figure.value.to_string()),
        score: score.map(|s| s.to_string()),
        stated_score: text_of(&funds.stated_score),
        weight: weight.map(|w| w.to_string()),
        verdict: check
            .as_ref()
            .map(|c| c.verdict.name().to_string())
            .or_else(|| {
                matches!(computed, Some(Rate::NotComputable(_)))
                    .then(|| "not_computable".to_string())
            }),
        message,
    };
    (report, score)
}

/// The exact proportional score of a quantitative row; not computable when the rule divides by a zero target.
fn rule_score(cmp: Comparator, w: Decimal, e: Decimal, t: Decimal) -> Result<Rate> {
    let err = || overflow("指标得分");
    let ratio = |num: Decimal| -> Result<Rate> {
        if t <= Decimal::ZERO {
            return Ok(Rate::NotComputable(Label::NotComputable));
        }
        let s = w
            .checked_mul(num)
            .and_then(|x| x.checked_div(t))
            .ok_or_else(err)?;
        Ok(Rate::Value(s.max(Decimal::ZERO).min(w)))
    };
    match cmp {
        Comparator::Eq if t.is_zero() => Ok(Rate::Value(if e <= Decimal::ZERO {
            w
        } else {
            Decimal::ZERO
        })),
        Comparator::Ge | Comparator::Eq if e >= t => Ok(Rate::Value(w)),
        Comparator::Gt if e > t => Ok(Rate::Value(w)),
        Comparator::Ge | Comparator::Gt | Comparator::Eq => ratio(e),
        Comparator::Le if e <= t => Ok(Rate::Value(w)),
        Comparator::Lt if e < t => Ok(Rate::Value(w)),
        Comparator::Le | Comparator::Lt => {
            let two_t = t.checked_mul(Decimal::TWO).ok_or_else(err)?;
            if e >= two_t {
                return Ok(Rate::Value(Decimal::ZERO));
            }
            // w × (1 − (E − t) / t) = w × (2t − E) / t
            ratio(two_t.checked_sub(e).ok_or_else(err)?)
        }
    }
}

fn with_unit(f: &Figure) -> String {
    match f.unit.as_str() {
        "" => f.value.to_string(),
        "%" => format!("{}%", f.value),
        u => format!("{} {u}", f.value),
    }
}

/// Whether a figure is a whole count (次, 个, 人) rather than a rounded amount or rate.
fn is_count(f: &Figure) -> bool {
    f.scale == 0
        && !["%", "元", "万", "亿", "率"]
            .iter()
            .any(|u| f.unit.contains(u))
}

/// Scores one indicator row: the report and the exact rule score.
fn indicator(
    row: &IndicatorRow,
    findings: &mut Vec<FindingReport>,
) -> (IndicatorReport, Option<Decimal>) {
    let weight = row.weight.as_ref().map(|c| c.figure.value);
    let stated = row.stated_score.as_ref().map(|c| &c.figure);
    let (score, verdict, message) = match weight {
        None => (
            None,
            Verdict::NotComputable,
            "分值缺失或无法识别，该行无法计分".to_string(),
        ),
        Some(w) if vocab::is_qualitative_text(&row.target_text) => qualitative(row, w, stated),
        Some(w) => quantitative(row, w, stated, findings),
    };
    let span = Some(row.span);
    if let (Some(w), Some(s)) = (weight, stated) {
        if s.value > w {
            findings.push(finding(
                "score_over_weight",
                Verdict::Mismatch,
                format!(
                    "第 {} 行“{}”得分 {} 分超过分值 {w} 分",
                    row.row, row.indicator, s.value
                ),
                Some(row.row),
                span,
            ));
        }
    }
    if verdict != Verdict::Ok {
        findings.push(finding(
            "indicator_score",
            verdict,
            format!("第 {} 行“{}”：{message}", row.row, row.indicator),
            Some(row.row),
            span,
        ));
    }
    let report = IndicatorReport {
        row: row.row,
        level1: row.level1.clone(),
        level2: row.level2.clone(),
        indicator: row.indicator.clone(),
        target: row.target_text.clone(),
        actual: row.actual_text.clone(),
        weight: weight.map(|w| w.to_string()),
        stated_score: stated.map(|s| s.value.to_string()),
        score: score.map(|s| round_half_up(s, 2).to_string()),
        verdict: verdict.name().to_string(),
        reason: row.reason.clone(),
        message,
        span: [row.span.0, row.span.1],
    };
    (report, score)
}

fn stated_text(stated: Option<&Figure>) -> String {
    stated.map_or_else(
        || "表中未填得分".to_string(),
        |s| format!("表中填 {} 分", s.value),
    )
}

fn quantitative(
    row: &IndicatorRow,
    w: Decimal,
    stated: Option<&Figure>,
    findings: &mut Vec<FindingReport>,
) -> (Option<Decimal>, Verdict, String) {
    let (target, actual) = match (
        parse_figure(&row.target_text),
        parse_figure(&row.actual_text),
    ) {
        (Ok(t), Ok(a)) => (t, a),
        (Err(e), _) => {
            return (
                None,
                Verdict::NotComputable,
                format!("年度指标值无法识别：{e}"),
            )
        }
        (_, Err(e)) => {
            return (
                None,
                Verdict::NotComputable,
                format!("实际完成值无法识别：{e}"),
            )
        }
    };
    let cmp = target.comparator.unwrap_or(Comparator::Ge);
    let t = target.value;
    let e = if is_count(&actual) {
        actual.clone().into_exact()
    } else {
        actual.clone()
    };
    let exact = match rule_score(cmp, w, e.value, t) {
        Ok(Rate::Value(v)) => v,
        _ => {
            return (
                None,
                Verdict::NotComputable,
                format!(
                    "目标 {}{}，目标值为 0，无法按比例计分",
                    cmp.symbol(),
                    with_unit(&target)
                ),
            )
        }
    };
    let shown = round_half_up(exact, 2);
    let head = format!(
        "目标 {}{}，完成 {}",
        cmp.symbol(),
        with_unit(&target),
        with_unit(&actual)
    );
    let how = match cmp {
        _ if shown == round_half_up(w, 2) && exact == w => "已达成目标，应得满分",
        Comparator::Le | Comparator::Lt if e.value >= t.saturating_mul(Decimal::TWO) => {
            "达到上限的 2 倍及以上，应得"
        }
        Comparator::Le | Comparator::Lt => "超出上限，按比例应得",
        Comparator::Eq if t.is_zero() => "目标为 0 而实际大于 0，应得",
        _ => "按比例应得",
    };
    let message = format!("{head}，{how} {shown} 分，{}", stated_text(stated));
    if cmp == Comparator::Eq && !t.is_zero() && e.value > t {
        findings.push(finding(
            "over_achievement",
            Verdict::Ok,
            format!(
                "第 {} 行“{}”：{head}，超额完成，不扣分，仅作提示",
                row.row, row.indicator
            ),
            Some(row.row),
            Some(row.span),
        ));
    }
    let Some(s) = stated else {
        return (Some(exact), Verdict::NotComputable, message);
    };
    let target_exact = target.clone().into_exact();
    let verdict = match check_rate(|x, y| rule_score(cmp, w, x, y), &e, &target_exact, s) {
        Ok(c) => judged(&c, shown),
        Err(_) => Verdict::NotComputable,
    };
    (
        Some(exact),
        verdict,
        format!("{message}，{}", verdict.title()),
    )
}

/// A check's verdict, where "ok" also needs the stated score to equal the rule score at 2 dp: a score
/// written `6` for a rule score of 5.70 agrees only at its own precision, which is a rounding tail.
fn judged(c: &Check, shown: Decimal) -> Verdict {
    match c.verdict {
        Verdict::Ok if c.stated.value != shown => Verdict::Rounding,
        v => v,
    }
}

fn qualitative(
    row: &IndicatorRow,
    w: Decimal,
    stated: Option<&Figure>,
) -> (Option<Decimal>, Verdict, String) {
    if row.actual_text.trim().is_empty() {
        return (
            None,
            Verdict::NotComputable,
            format!("定性指标“{}”未填实际完成值，无法计分", row.target_text),
        );
    }
    let a = vocab::achievement(&row.actual_text);
    let (lo_pct, hi_pct) = a.band();
    let share = |p: i64| w.checked_mul(Decimal::new(p, 2)).unwrap_or(Decimal::ZERO);
    let (lo, hi) = (share(lo_pct), share(hi_pct));
    let score = match (a, stated) {
        (Achievement::Achieved, _) => w,
        (_, Some(s)) => s.value.max(lo).min(hi),
        (_, None) => lo,
    };
    let verdict = match stated {
        None => Verdict::NotComputable,
        Some(s) if s.value >= lo && s.value <= hi => Verdict::Ok,
        Some(_) => Verdict::Mismatch,
    };
    let message = format!(
        "定性指标：目标“{}”，完成“{}”，判为{}，应得分值的 {lo_pct}%–{hi_pct}%（{}–{} 分），{}{}",
        row.target_text,
        row.actual_text,
        a.title(),
        round_half_up(lo, 2),
        round_half_up(hi, 2),
        stated_text(stated),
        match verdict {
            Verdict::Ok => "，在档次范围内",
            Verdict::Mismatch => "，不在该档次范围内",
            _ => "",
        }
    );
    (Some(score), verdict, message)
}

/// Reads one amount column of a funds row.
type ColumnOf = fn(&crate::tables::FundsRow) -> Option<&Cell>;

/// 年度资金总额 = 当年财政拨款 + 其他资金, per column; 合计 = Σ 资金来源 rows (部门整体).
fn funds_sums(table: &Table, findings: &mut Vec<FindingReport>) {
    let rows = &table.funds.rows;
    let (total, parts): (_, Vec<_>) = match table.kind {
        TableKind::Department => (
            rows.iter().find(|r| r.label.contains("合计")),
            rows.iter().filter(|r| !r.label.contains("合计")).collect(),
        ),
        TableKind::Project => (
            rows.iter().find(|r| r.label.contains("年度资金总额")),
            rows.iter()
                .filter(|r| r.label.contains("财政拨款") || r.label.contains("其他资金"))
                .collect(),
        ),
    };
    let Some(total) = total else { return };
    if parts.is_empty() {
        return;
    }
    let columns: [(&str, ColumnOf); 3] = [
        ("年初预算数", |r| r.initial.as_ref()),
        ("全年预算数", |r| r.budget.as_ref()),
        ("全年执行数", |r| r.executed.as_ref()),
    ];
    for (name, get) in columns {
        let Some(t) = get(total) else { continue };
        let figures: Vec<Figure> = parts
            .iter()
            .filter_map(|r| get(r))
            .map(|c| c.figure.clone())
            .collect();
        let Ok(check) = check_sum(&t.figure, &figures) else {
            continue;
        };
        let labels: Vec<String> = parts
            .iter()
            .filter_map(|r| get(r).map(|c| format!("{} {}", r.label, c.figure.value)))
            .collect();
        findings.push(finding(
            "funds_sum",
            check.verdict,
            format!(
                "{}（{name}）{} = {}：{}",
                total.label,
                t.figure.value,
                labels.join(" + "),
                check_message(&check, "")
            ),
            None,
            Some(total.span),
        ));
    }
}

/// Σ 分值 including the 执行率 row; must be 100, and must equal the 总分 row's 分值.
fn weights(table: &Table, findings: &mut Vec<FindingReport>) -> Option<Decimal> {
    let mut parts: Vec<Figure> = table
        .funds
        .weight
        .iter()
        .map(|c| c.figure.clone().into_exact())
        .collect();
    parts.extend(
        table
            .indicators
            .iter()
            .filter_map(|r| r.weight.as_ref())
            .map(|c| c.figure.clone().into_exact()),
    );
    let sum = parts
        .iter()
        .try_fold(Decimal::ZERO, |s, p| s.checked_add(p.value))?;
    if parts.is_empty() {
        return None;
    }
    let ok = sum == Decimal::ONE_HUNDRED;
    findings.push(finding(
        "weights_total",
        if ok { Verdict::Ok } else { Verdict::Mismatch },
        if ok {
            format!("分值合计（含执行率）{sum}，等于 100")
        } else {
            format!("分值合计（含执行率）{sum}，应为 100")
        },
        None,
        Some(table.span),
    ));
    if let Some(stated) = &table.stated_weights_total {
        if let Ok(c) = check_sum(&stated.figure.clone().into_exact(), &parts) {
            findings.push(finding(
                "stated_weights_total",
                c.verdict,
                format!("总分行分值：{}", check_message(&c, "")),
                None,
                Some(stated.span),
            ));
        }
    }
    Some(sum)
}

/// Σ stated scores (执行率 row included) against the stated total, and the stated total against the rule.
fn stated_totals(
    table: &Table,
    total: Option<Decimal>,
    findings: &mut Vec<FindingReport>,
) -> Option<Decimal> {
    let mut parts: Vec<Figure> = table
        .funds
        .stated_score
        .iter()
        .map(|c| c.figure.clone())
        .collect();
    parts.extend(
        table
            .indicators
            .iter()
            .filter_map(|r| r.stated_score.as_ref())
            .map(|c| c.figure.clone()),
    );
    if parts.is_empty() {
        return None;
    }
    let sum = parts
        .iter()
        .try_fold(Decimal::ZERO, |s, p| s.checked_add(p.value))?;
    if let Some(stated) = &table.stated_total {
        if let Ok(c) = check_sum(&stated.figure, &parts) {
            findings.push(finding(
                "stated_total",
                c.verdict,
                format!("总分与各项得分之和：{}", check_message(&c, " 分")),
                None,
                Some(stated.span),
            ));
        }
        if let Some(t) = total {
            let ok = round_half_up(t, stated.figure.scale) == stated.figure.value;
            findings.push(finding(
                "rule_total",
                if ok { Verdict::Ok } else { Verdict::Mismatch },
                format!(
                    "表中总分 {} 分，按规则总分 {t} 分{}",
                    stated.figure.value,
                    if ok { "，一致" } else { "，不一致" }
                ),
                None,
                Some(stated.span),
            ));
        }
    }
    Some(sum)
}
