//! Indicator rows: the proportional rule for quantitative rows, bands for qualitative ones.

use super::{finding, overflow, FindingReport, IndicatorReport};
use crate::document::table::IndicatorRow;
use crate::document::vocab::{self, Achievement};
use crate::error::Result;
use crate::num::decimal::{self, round_half_up};
use crate::num::figure::{parse_figure, Comparator, Figure};
use crate::num::rates::{Label, Rate};
use crate::num::verdict::{check_rate, Check, Verdict};
use crate::report::{wording, FindingKind};
use rust_decimal::Decimal;

/// The exact proportional score of a quantitative row; not computable when the rule divides by a zero target.
fn rule_score(cmp: Comparator, w: Decimal, e: Decimal, t: Decimal) -> Result<Rate> {
    let err = || overflow("指标得分");
    let ratio = |num: Decimal| -> Result<Rate> {
        if t <= Decimal::ZERO {
            return Ok(Rate::NotComputable(Label::NotComputable));
        }
        let s = decimal::mul(w, num)
            .and_then(|x| decimal::div(x, t))
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
            let two_t = decimal::mul(t, Decimal::TWO).ok_or_else(err)?;
            if e >= two_t {
                return Ok(Rate::Value(Decimal::ZERO));
            }
            // w × (1 − (E − t) / t) = w × (2t − E) / t
            ratio(decimal::sub(two_t, e).ok_or_else(err)?)
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
pub(super) fn indicator(
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
                FindingKind::ScoreOverWeight,
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
            FindingKind::IndicatorScore,
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
        verdict,
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
    // "3天以内" is a ceiling written in words: scored as ≤ 3 天
    let target_text =
        vocab::comparator_in_words(&row.target_text).unwrap_or_else(|| row.target_text.clone());
    let (target, actual) = match (parse_figure(&target_text), parse_figure(&row.actual_text)) {
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
            FindingKind::OverAchievement,
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
        format!("{message}，{}", wording::verdict_title(verdict)),
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
    let share = |p: i64| decimal::mul(w, Decimal::new(p, 2)).unwrap_or(Decimal::ZERO);
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
