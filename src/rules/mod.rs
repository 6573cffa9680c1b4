//! Every judgement of a figure, made once: the narrative's claims (totals and their parts, shares, growth,
//! named rates, the 类/项 lists, balances, the same figure twice, counted lists) and the self-evaluation
//! tables' own arithmetic (their 执行率 and fund rows). Scoring adds points; it does not judge these again.

mod claim;
mod classes;
mod compare;
mod context;
mod count_kinds;
mod counts;
pub mod diagnosis;
pub(crate) mod links;
mod narrative;
pub mod prose;
mod self_eval;
mod series;
mod series_priors;

pub use claim::{Claim, ClaimKind, Source};
pub use compare::TableFigure;
pub use self_eval::{execution_rate, TableRate};

use crate::document::narrative::Unread;
use crate::document::Document;
use crate::report::ProblemReport;
use context::Ctx;

/// The claims of a document, in text order, and what could not be checked.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// Every claim.
    pub claims: Vec<Claim>,
    /// Why a narrative figure (cleaned token index) was seen by a rule and not checked.
    pub reasons: std::collections::HashMap<usize, &'static str>,
    /// Parts of the text that could not be checked, and why.
    pub problems: Vec<ProblemReport>,
    /// Every figure of the comparison tables, with why it was not checked (when no claim used it).
    pub table_figures: Vec<TableFigure>,
}

/// Checks every claim of a document. Never panics; a step that fails (an overflow on absurd figures) is
/// reported as a problem and the other steps still run.
///
/// # Example
/// ```
/// use juesuan::{document::Document, rules};
/// let doc = Document::read("本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 4.01 万元。");
/// let checked = rules::check(&doc);
/// assert_eq!(checked.claims[0].check.verdict, juesuan::num::verdict::Verdict::Rounding);
/// ```
pub fn check(doc: &Document) -> Checked {
    let narrative = &doc.narrative;
    let mut ctx = Ctx::new(
        &narrative.clean,
        &narrative.tokens,
        narrative.clean.chars.len(),
    );
    let mut problems: Vec<ProblemReport> = narrative
        .unread
        .iter()
        .map(|&(from, to, why)| ProblemReport {
            message: {
                let text = narrative.clean.slice(from, to);
                match why {
                    Unread::TooManyDigits => crate::Error::TooManyDigits { text },
                    Unread::MixedNumerals => crate::Error::MixedNumerals { text },
                }
                .to_string()
            },
            span: Some(span_array(narrative.clean.span(from, to))),
        })
        .collect();
    type Step = fn(&mut Ctx) -> crate::Result<()>;
    let steps: [(&str, Step); 6] = [
        ("类/项", classes::classes),
        ("说明", prose::prose),
        ("收支平衡", links::balances),
        ("差异率/执行率", narrative::named_rates),
        ("前后一致", links::same_figures),
        ("列举个数", counts::counted_lists),
    ];
    for (name, step) in steps {
        if let Err(e) = step(&mut ctx) {
            problems.push(ProblemReport {
                message: format!("{name}：{e}"),
                span: None,
            });
        }
    }
    if let Err(e) = series_priors::priors_from_tables(&mut ctx, &doc.series) {
        problems.push(ProblemReport {
            message: format!("年度数据表：{e}"),
            span: None,
        });
    }
    if let Err(e) = self_eval::narrative_against_tables(&mut ctx, &doc.tables) {
        problems.push(ProblemReport {
            message: format!("自评表汇总：{e}"),
            span: None,
        });
    }
    diagnosis::diagnose(&mut ctx);
    let reasons = std::mem::take(&mut ctx.reasons);
    let mut claims = std::mem::take(&mut ctx.claims);
    match self_eval::table_claims(&doc.tables) {
        Ok(mut more) => {
            for c in &mut more {
                diagnosis::diagnose_numbers(c);
            }
            claims.extend(more);
        }
        Err(e) => problems.push(ProblemReport {
            message: format!("自评表：{e}"),
            span: None,
        }),
    }
    // the comparison tables are out of the narrative: their figures are judged here only
    let compared = compare::check(&doc.compare);
    for mut c in compared.claims {
        diagnosis::diagnose_numbers(&mut c);
        claims.push(c);
    }
    problems.extend(compared.problems);
    let mut table_figures = compared.figures;
    let series = series::check(&doc.series);
    for mut c in series.claims {
        diagnosis::diagnose_numbers(&mut c);
        claims.push(c);
    }
    problems.extend(series.problems);
    table_figures.extend(series.figures);
    claims.sort_by_key(|c| (c.span.0, c.span.1));
    Checked {
        claims,
        reasons,
        problems,
        table_figures,
    }
}

fn span_array((a, b): (usize, usize)) -> [usize; 2] {
    [a, b]
}
