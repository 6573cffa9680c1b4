//! The one call a front end makes per edit: [`review`] reads the paste once ([`Document::read`]), judges
//! every claim once ([`rules::check`]), scores every self-evaluation table under the preset (scoring refers
//! to the claims that judged the table's arithmetic), and lists the figures nothing checked.

use crate::document::narrative::UnitClass;
use crate::document::{Document, SectionKind};
use crate::num::decimal::text;
use crate::num::verdict::Verdict;
use crate::report::ProblemReport;
use crate::report::{
    wording, ClaimReport, Counts, Dec, NamedValues, Review, SectionReport, SourceReport, Summary,
    UncheckedReport, SCHEMA,
};
use crate::rules::ClaimKind;
use crate::rules::{self, Claim};
use crate::scoring::{self, preset::Preset};
use crate::standard::{FindingKind, Severity};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// Reviews a paste: narrative claims, table arithmetic and scores, unchecked figures. Never panics.
///
/// # Example
/// ```
/// use juesuan::{review, Preset};
/// let r = review("本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 4.01 万元。", &Preset::proportional());
/// assert_eq!(r.claims[0].verdict, juesuan::Verdict::Rounding);
/// assert_eq!(r.claims[0].recomputed.as_deref(), Some("10.01"));
/// ```
pub fn review(text: &str, preset: &Preset) -> Review {
    let doc = Document::read(text);
    let mut checked = rules::check(&doc);
    let mut claims: Vec<ClaimReport> = checked
        .claims
        .iter()
        .enumerate()
        .map(|(id, c)| claim_report(id, c))
        .collect();
    let mut problems = std::mem::take(&mut checked.problems);
    // the figures the narrative rules already judged: a 表文 rule that only re-does their arithmetic (N-13's
    // 增长率 from the 说明's own amounts) is not reported twice
    let judged: HashSet<usize> = checked.claims.iter().map(Claim::check_span_start).collect();
    let reasons = standard_findings(&doc, &judged, &mut claims, &mut problems);
    let tables: Vec<_> = doc
        .tables
        .iter()
        .enumerate()
        .map(|(i, t)| scoring::score_table(t, i, preset, &checked.claims))
        .collect();
    let (mut unchecked, figures) = unchecked(&doc, &checked);
    // a figure compared with a table cell is checked too
    let against_tables: HashSet<usize> = claims
        .iter()
        .filter(|c| c.kind == ClaimKind::TextTable)
        .flat_map(|c| c.sources.iter().filter_map(|s| s.span.map(|s| s[0])))
        .collect();
    unchecked.retain(|u| !against_tables.contains(&u.span[0]));
    // a 完成预算 N-10s read against T7 is that figure's check
    let rates_against_t7: HashSet<usize> = claims
        .iter()
        .filter(|c| c.rule.as_deref() == Some("N-10s"))
        .map(|c| c.span[0])
        .collect();
    unchecked.retain(|u| !rates_against_t7.contains(&u.span[0]));
    // one a 表文 rule could not check says why
    for u in &mut unchecked {
        if let Some(r) = reasons.get(&u.span[0]) {
            u.reason.clone_from(r);
        }
    }
    let claim_counts = Counts::of(claims.iter().map(|c| c.verdict));
    // an indicator row and the score finding on that row are one check (as the page's headline counts them)
    let table_counts = Counts::of(tables.iter().flat_map(|t| {
        let judged: HashSet<usize> = t.findings.iter().filter_map(|f| f.row).collect();
        t.findings.iter().map(|f| f.verdict).chain(
            t.indicators
                .iter()
                .filter(move |r| !judged.contains(&r.row))
                .map(|r| r.verdict),
        )
    }));
    let summary = Summary {
        claims: claim_counts,
        tables: table_counts,
        all: claim_counts.plus(table_counts),
        figures,
        checked: figures - unchecked.len(),
    };
    Review {
        schema: SCHEMA,
        preset: preset.to_report(),
        sections: doc
            .sections
            .iter()
            .map(|s| SectionReport::new(s.kind, &s.title, s.span))
            .collect(),
        claims,
        tables,
        unchecked,
        problems,
        summary,
    }
}

/// The report of one claim.
fn claim_report(id: usize, c: &Claim) -> ClaimReport {
    let mut check = c.check.clone();
    check.stated.value = c.as_written(check.stated.value);
    check.recomputed = check.recomputed.map(|r| c.as_written(r));
    check.difference = check.difference.map(|d| c.as_written(d));
    check.interval = check.interval.map(|(lo, hi)| {
        if c.written_negated {
            (-hi, -lo)
        } else {
            (lo, hi)
        }
    });
    let values: Vec<_> = c.inputs.iter().map(|i| i.value).collect();
    let formula = wording::formula(c.kind, &values, c.check.recomputed);
    ClaimReport {
        id,
        kind: c.kind,
        title: wording::kind_title(c.kind),
        verdict: c.check.verdict,
        stated: c
            .words
            .map_or_else(|| text(check.stated.value), |(w, _)| w.to_string()),
        recomputed: match c.words {
            Some((_, fits)) => Some(fits.to_string()),
            None => check.recomputed.map(text),
        },
        difference: check.difference.map(text),
        span: [c.span.0, c.span.1],
        table: c.table,
        inputs: NamedValues(c.inputs.iter().map(|i| (i.name.clone(), i.value)).collect()),
        sources: c
            .inputs
            .iter()
            .map(|i| SourceReport {
                name: i.name.clone(),
                value: Dec(i.value),
                span: i.span.map(|s| [s.0, s.1]),
            })
            .collect(),
        interval: check.interval.map(|(lo, hi)| [text(lo), text(hi)]),
        formula: match &c.context {
            Some(context) => format!("{context}：{formula}"),
            None => formula,
        },
        message: c
            .message
            .clone()
            .unwrap_or_else(|| wording::claim_message(c.kind, &check, &c.unit)),
        diagnosis: c.diagnosis.clone(),
        rule: None,
        cells: Vec::new(),
    }
}

/// The figures of the narrative (amounts, percentages, counts) and of the comparison tables that no claim
/// used, and how many there are.
fn unchecked(doc: &Document, checked: &rules::Checked) -> (Vec<UncheckedReport>, usize) {
    let (claims, reasons) = (&checked.claims, &checked.reasons);
    let used: HashSet<usize> = claims
        .iter()
        .flat_map(|c| c.inputs.iter().filter_map(|i| i.span.map(|s| s.0)))
        .chain(claims.iter().map(|c| c.check_span_start()))
        .collect();
    let narrative = &doc.narrative;
    let mut figures = 0;
    let mut out = Vec::new();
    for (i, t) in narrative.tokens.iter().enumerate() {
        // percentage points ("高 4.76 个百分点") are figures too, though of no class a rule sums
        if t.class == UnitClass::Other && !t.figure.unit.ends_with("百分点") {
            continue;
        }
        figures += 1;
        let (start, end) = narrative.clean.span(t.start, t.end);
        if used.contains(&start) {
            continue;
        }
        out.push(UncheckedReport {
            value: Dec(t.figure.value),
            unit: t.figure.unit.clone(),
            span: [start, end],
            reason: reasons.get(&i).map_or_else(
                || wording::unchecked_reason(t.direction.is_some(), t.class == UnitClass::Percent),
                |r| (*r).to_string(),
            ),
        });
    }
    let before = out.len();
    for f in &checked.table_figures {
        figures += 1;
        if !used.contains(&f.span.0) {
            out.push(UncheckedReport {
                value: Dec(f.value),
                unit: f.unit.clone(),
                span: [f.span.0, f.span.1],
                reason: f.reason.clone(),
            });
        }
    }
    if out.len() > before {
        out.sort_by_key(|u| u.span);
    }
    (out, figures)
}

/// The standard tables' findings (T and X rules over the tables, N rules of the 说明 against them), after the
/// other claims. A rule the paste leaves undecided is not a claim: it is listed as a problem with its reason.
/// Returns those reasons by the start of the 说明 figure they are about.
fn standard_findings(
    doc: &Document,
    judged: &HashSet<usize>,
    claims: &mut Vec<ClaimReport>,
    problems: &mut Vec<ProblemReport>,
) -> HashMap<usize, String> {
    let mut reasons = HashMap::new();
    if doc.standard.is_empty() {
        return reasons;
    }
    // what a table's reader could not read, or read by assumption, is said, not dropped
    for t in &doc.standard {
        for m in t.problems.iter().chain(&t.assumptions) {
            problems.push(ProblemReport {
                message: format!("{}：{m}", t.kind.id()),
                span: Some([t.span.0, t.span.1]),
            });
        }
    }
    let mut findings = crate::standard::check_tables(&doc.standard);
    // the 说明 as the N rules read it: the paste with every table blanked out, so offsets stay the paste's
    let mut narrative = String::with_capacity(doc.text.len());
    for s in &doc.sections {
        let part = doc.text.get(s.bytes.clone()).unwrap_or("");
        if s.kind == SectionKind::Narrative {
            narrative.push_str(part);
        } else {
            narrative.extend(part.chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
        }
    }
    findings.extend(crate::standard::check_text_against_tables(
        &narrative,
        0,
        &doc.standard,
    ));
    // the 决算数大于/小于预算数 of a (项) paragraph: the narrative's direction claim judged that word already
    let judged_direction: HashSet<usize> = claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Direction)
        .flat_map(|c| c.sources.iter().filter_map(|s| s.span.map(|s| s[0])))
        .collect();
    for f in findings {
        if matches!(f.rule.as_str(), "N-13" | "N-10s")
            && f.span.is_some_and(|s| judged.contains(&s.0))
        {
            continue;
        }
        let span = f
            .span
            .or_else(|| f.cells.iter().find_map(|c| c.span))
            .unwrap_or((0, 0));
        let a_word = !f.stated.chars().any(|c| c.is_ascii_digit());
        if f.rule == "N-08" && a_word && judged_direction.contains(&span.0) {
            continue;
        }
        let verdict = match f.severity {
            Severity::Error => Verdict::Mismatch,
            Severity::Hint => Verdict::Notice,
            Severity::Rounding => Verdict::Rounding,
            Severity::NotComputable => Verdict::NotComputable,
            Severity::Ok => Verdict::Ok,
            Severity::NotChecked => {
                if let (FindingKind::TextTable, Some(at)) = (f.kind, f.span) {
                    reasons.insert(at.0, format!("{}：{}", f.rule, f.message));
                }
                problems.push(ProblemReport {
                    message: format!("{}（{}）：{}", f.rule, f.formula, f.message),
                    span: Some([span.0, span.1]),
                });
                continue;
            }
        };
        let kind = match f.kind {
            FindingKind::TableSum => ClaimKind::TableSum,
            FindingKind::TableLink => ClaimKind::TableLink,
            // a “三公” 完成预算 read against T7's 预算数 is the completion claim the narrative would make
            FindingKind::TextTable if f.rule == "N-10s" && f.formula.contains("完成预算") => {
                ClaimKind::Completion
            }
            FindingKind::TextTable => ClaimKind::TextTable,
        };
        // the 说明's own amounts first (the stated one, then any in the formula), then the cells
        let text_sources = f.figures.iter().filter_map(|t| {
            Some(SourceReport {
                name: t.label.clone(),
                value: Dec(Decimal::from_str_exact(&t.value).ok()?),
                span: Some([t.span.0, t.span.1]),
            })
        });
        let sources: Vec<SourceReport> = text_sources
            .chain(f.cells.iter().filter_map(|c| {
                let value = c
                    .value
                    .as_deref()
                    .and_then(|v| Decimal::from_str_exact(v).ok())?;
                Some(SourceReport {
                    name: format!("{} {} {}", c.table.id(), c.row, c.column),
                    value: Dec(value),
                    span: c.span.map(|s| [s.0, s.1]),
                })
            }))
            .collect();
        let number = |t: &str| Decimal::from_str_exact(t).ok().map(text);
        claims.push(ClaimReport {
            id: claims.len(),
            kind,
            title: wording::kind_title(kind),
            verdict,
            stated: f.stated.clone(),
            recomputed: number(&f.expected).or(Some(f.expected.clone())),
            difference: f.difference.clone(),
            span: [span.0, span.1],
            table: None,
            inputs: NamedValues(
                sources
                    .iter()
                    .map(|s| (s.name.clone(), s.value.0))
                    .collect(),
            ),
            sources,
            interval: None,
            formula: f.formula,
            message: format!("{} {}：{}", f.rule, wording::kind_title(kind), f.message),
            diagnosis: None,
            rule: Some(f.rule),
            cells: f.cells,
        });
    }
    reasons
}
