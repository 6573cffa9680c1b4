//! Finding and checking every stated claim of a pasted disclosure (部门决算公开说明), typically copied out
//! of a PDF: totals and their parts, shares, growth, variance, execution rates, counts, the 类/项 lists, the
//! same figure stated twice, and the narrative against the self-evaluation tables that follow it.

mod claim;
mod classes;
mod clean;
mod context;
mod links;
mod narrative;
mod tables;
mod tokens;

pub use claim::{Claim, ClaimKind, Source};
pub use clean::CleanText;

use crate::decimal::text;
use crate::diagnosis;
use crate::report::{
    check_message, ClaimReport, NamedValues, ProblemReport, SourceReport, Summary, TextReport,
    SCHEMA,
};
use crate::tables::{read_table_funds, Table};
use crate::verdict::Verdict;
use context::Ctx;
use rust_decimal::Decimal;
use tokens::UnitClass;

/// Checks a whole pasted text. Never panics; a step that fails (an overflow on absurd figures) is reported
/// as a problem and the other steps still run.
///
/// # Example
/// ```
/// let r = juesuan::extract::check_text("本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 4.01 万元。");
/// assert_eq!(r.claims[0].verdict, "rounding");
/// ```
pub fn check_text(text: &str) -> TextReport {
    let tables = read_table_funds(text);
    check_text_with_tables(text, &tables)
}

/// As [`check_text`], with the tables already read from the same text.
pub fn check_text_with_tables(text: &str, tables: &[Table]) -> TextReport {
    // Only the narrative is read as sentences; the tables between its parts are read by the table reader.
    let segments = narrative_segments(text);
    let clean = CleanText::from_segments(text, &segments);
    let end = clean.chars.len();
    let mut too_long = Vec::new();
    let tokens = tokens::scan(&clean, end, &mut too_long);
    let mut ctx = Ctx::new(&clean, &tokens, end);
    let mut problems: Vec<ProblemReport> = too_long
        .iter()
        .map(|&(from, to)| {
            let (start, end) = clean.span(from, to);
            let text = crate::Error::TooManyDigits {
                text: clean.slice(from, to),
            };
            ProblemReport {
                message: text.to_string(),
                span: Some([start, end]),
            }
        })
        .collect();
    type Step = fn(&mut Ctx) -> crate::Result<()>;
    let steps: [(&str, Step); 8] = [
        ("类/项", classes::classes),
        ("其中", narrative::sums),
        ("收支平衡", links::balances),
        ("占比", narrative::shares),
        ("增长率", narrative::growth),
        ("差异率/执行率", narrative::named_rates),
        ("前后一致", links::same_figures),
        ("列举个数", links::counted_lists),
    ];
    for (name, step) in steps {
        if let Err(e) = step(&mut ctx) {
            problems.push(ProblemReport {
                message: format!("{name}：{e}"),
                span: None,
            });
        }
    }
    if let Err(e) = tables::narrative_against_tables(&mut ctx, tables) {
        problems.push(ProblemReport {
            message: format!("自评表汇总：{e}"),
            span: None,
        });
    }
    diagnose(&mut ctx);
    let mut claims = std::mem::take(&mut ctx.claims);
    match tables::table_claims(tables) {
        Ok(mut more) => {
            for c in &mut more {
                diagnose_numbers(c);
            }
            claims.extend(more);
        }
        Err(e) => problems.push(ProblemReport {
            message: format!("自评表：{e}"),
            span: None,
        }),
    }
    for t in tables {
        let name = if t.name.is_empty() {
            "绩效自评表"
        } else {
            t.name.as_str()
        };
        problems.extend(t.problems.iter().map(|p| ProblemReport {
            message: format!("{name}：{}", p.message),
            span: Some([p.span.0, p.span.1]),
        }));
    }
    claims.sort_by_key(|c| (c.span.0, c.span.1));
    let claims: Vec<ClaimReport> = claims.iter().map(claim_report).collect();
    TextReport {
        schema: SCHEMA,
        summary: Summary::of(&claims),
        claims,
        problems,
    }
}

/// The byte ranges of the text that are narrative: everything but the tables. A table runs from its title
/// line ("…自评表（2023 年度）") to the next line that opens a section of a disclosure ("十二、…",
/// "第三部分 …") or the next title; several disclosures pasted one after another are each read whole.
fn narrative_segments(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut segments = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let Some(title) = next_table_title(text, from) else {
            segments.push(from..text.len());
            break;
        };
        if title > from {
            segments.push(from..title);
        }
        let after_title = text
            .get(title..)
            .and_then(|t| t.find('\n'))
            .map_or(text.len(), |n| title + n + 1);
        let next_title = next_table_title(text, after_title).unwrap_or(text.len());
        from = section_start(text, after_title, next_title).unwrap_or(next_title);
    }
    segments
}

/// Byte offset of the line holding the next table title at or after `from`.
fn next_table_title(text: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(p) = text.get(at..).and_then(|rest| rest.find("自评表")) {
        let hit = at + p;
        let after = text.get(hit + "自评表".len()..).unwrap_or("").trim_start();
        if after.starts_with('（') || after.starts_with('(') {
            let line = text
                .get(..hit)
                .and_then(|before| before.rfind('\n'))
                .map_or(0, |n| n + 1);
            return Some(line.max(from));
        }
        at = hit + "自评表".len();
    }
    None
}

/// The first line in [from, to) that opens a section of a disclosure: "十二、其他需说明的事项",
/// "第三部分 专业名词解释" — words a table cell never starts with.
fn section_start(text: &str, from: usize, to: usize) -> Option<usize> {
    let mut line = from;
    for piece in text.get(from..to)?.split_inclusive('\n') {
        let t = piece.trim_start();
        let numbered = t
            .chars()
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .count();
        let heading = (numbered > 0 && t.chars().nth(numbered) == Some('、'))
            || (t.starts_with('第') && t.chars().take(6).collect::<String>().contains("部分"));
        if heading {
            return Some(line);
        }
        line += piece.len();
    }
    None
}

/// Names a likely cause for each mismatch, using the figures near it.
fn diagnose(ctx: &mut Ctx) {
    if !ctx
        .claims
        .iter()
        .any(|c| c.check.verdict == Verdict::Mismatch)
    {
        return;
    }
    let amounts: Vec<(usize, String, Decimal)> = ctx
        .tokens
        .iter()
        .filter(|t| t.start < ctx.end && t.class == UnitClass::Amount)
        .map(|t| (t.sentence, t.label.clone(), t.figure.value.abs()))
        .collect();
    for claim in &mut ctx.claims {
        if claim.check.verdict != Verdict::Mismatch {
            continue;
        }
        diagnose_numbers(claim);
        if claim.diagnosis.is_some() {
            continue;
        }
        let (Some(first), Some(diff)) = (claim.inputs.first(), claim.check.difference) else {
            continue;
        };
        let Some(span) = first.span else { continue };
        let at = ctx.text.index_of(span.0);
        let sentence = ctx
            .tokens
            .get(ctx.tokens.partition_point(|t| t.start < at))
            .map_or(0, |t| t.sentence);
        let near: Vec<(String, Decimal)> = amounts
            .iter()
            .filter(|(s, _, _)| s.abs_diff(sentence) <= 1)
            .filter(|(_, _, v)| !claim.inputs.iter().any(|i| i.value == text(*v)))
            .map(|(_, l, v)| (l.clone(), *v))
            .collect();
        let parts: Vec<(String, Decimal)> = claim
            .inputs
            .iter()
            .skip(1)
            .filter_map(|i| {
                Decimal::from_str_exact(&i.value)
                    .ok()
                    .map(|v| (i.name.clone(), v))
            })
            .collect();
        claim.diagnosis = match claim.kind {
            ClaimKind::Sum | ClaimKind::Count => diagnosis::missing_part(diff, &parts, &near),
            ClaimKind::Share
            | ClaimKind::Growth
            | ClaimKind::Variance
            | ClaimKind::Execution
            | ClaimKind::Completion => {
                let stated = claim.check.stated.value.abs();
                let inputs: Vec<(String, Decimal)> = claim
                    .inputs
                    .iter()
                    .filter_map(|i| {
                        Decimal::from_str_exact(&i.value)
                            .ok()
                            .map(|v| (i.name.clone(), v.abs()))
                    })
                    .collect();
                diagnosis::repeated_amount(stated, &inputs)
            }
            _ => None,
        };
    }
}

/// Diagnoses that need only the claim's own numbers (a transposition).
fn diagnose_numbers(claim: &mut Claim) {
    if claim.check.verdict != Verdict::Mismatch || claim.diagnosis.is_some() {
        return;
    }
    if let Some(r) = claim.check.recomputed {
        claim.diagnosis = diagnosis::transposition(
            claim.as_written(claim.check.stated.value),
            claim.as_written(r),
        );
    }
}

fn claim_report(c: &Claim) -> ClaimReport {
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
    ClaimReport {
        kind: c.kind.name().to_string(),
        title: c.kind.title().to_string(),
        verdict: c.check.verdict.name().to_string(),
        stated: c.stated_text(),
        recomputed: c.recomputed_text(),
        difference: check.difference.map(text),
        span: [c.span.0, c.span.1],
        inputs: NamedValues(
            c.inputs
                .iter()
                .map(|i| (i.name.clone(), i.value.clone()))
                .collect(),
        ),
        sources: c
            .inputs
            .iter()
            .map(|i| SourceReport {
                name: i.name.clone(),
                value: i.value.clone(),
                span: i.span.map(|s| [s.0, s.1]),
            })
            .collect(),
        interval: check.interval.map(|(lo, hi)| [text(lo), text(hi)]),
        formula: c.formula.clone(),
        message: format!("{}：{}", c.kind.title(), check_message(&check, &c.unit)),
        diagnosis: c.diagnosis.clone(),
    }
}
