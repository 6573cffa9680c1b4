//! The state of a 表文 check: the cleaned 说明, the tables, the findings so far; and how a 说明 figure
//! becomes a finding (equal to a cell, a percentage of cells, a sum of other 说明 figures).

use super::finding::{FindingKind, Rule, Severity, TableFinding, Term};
use super::kinds::StandardKind;
use super::kit::{eq_rule, sum_rule, Got};
use super::model::StandardTable;
use super::narrative::{Clean, NFig};
use super::num::figure;
use super::outcome::not_checked;
use super::pct::{rate_finding, RateForm};
use super::resolve::TableSet;

pub(crate) fn rule(id: &'static str, mismatch: Severity) -> Rule {
    Rule {
        id,
        kind: FindingKind::TextTable,
        mismatch,
    }
}

pub(crate) const E: Severity = Severity::Error;

pub(crate) const H: Severity = Severity::Hint;

/// The 说明 being checked, the tables, and the findings so far.
pub(crate) struct Ctx<'a> {
    pub c: Clean,
    pub set: &'a TableSet,
    pub out: Vec<TableFinding>,
}

impl<'a> Ctx<'a> {
    pub fn t(&self, k: StandardKind) -> Option<&'a StandardTable> {
        self.set.get(k)
    }

    /// A 说明 figure as a term.
    pub fn claim(&self, f: &NFig, label: &str) -> Got {
        Got::Term(Term::text(
            format!("说明 {label}"),
            figure(f.value, f.scale),
            f.span,
        ))
    }

    pub fn mark(&self, mut x: TableFinding, f: &NFig, from: usize) -> TableFinding {
        x.span = Some(f.span);
        x.quote = Some(self.c.text(from.min(f.at), f.end));
        x
    }

    /// 说明 figure = cell.
    pub fn eq(&mut self, r: Rule, what: &str, f: &NFig, from: usize, label: &str, cell: Got) {
        let x = eq_rule(r, what, self.claim(f, label), cell);
        let x = self.mark(x, f, from);
        self.out.push(x);
    }

    /// The finding for a stated percentage `f` = form(a, b).
    pub fn rate_of(
        &self,
        r: Rule,
        what: &str,
        f: &NFig,
        from: usize,
        (a, b): (Got, Got),
        form: RateForm,
    ) -> TableFinding {
        let stated = Term::plain("说明".to_string(), figure(f.value, f.scale));
        let x = match (a, b) {
            (Got::Term(a), Got::Term(b)) => rate_finding(r, what, stated, a, b, form),
            (a, b) => {
                let cells = [a, b].into_iter().filter_map(|g| match g {
                    Got::Undecided(c) => Some(c),
                    Got::Term(t) => t.cell,
                });
                not_checked(
                    r,
                    what.to_string(),
                    "所需的表中数因空白单元格缺失而无法确定所在列".to_string(),
                    cells.collect(),
                )
            }
        };
        self.mark(x, f, from)
    }

    pub fn rate(
        &mut self,
        r: Rule,
        what: &str,
        f: &NFig,
        from: usize,
        ab: (Got, Got),
        form: RateForm,
    ) {
        let x = self.rate_of(r, what, f, from, ab, form);
        self.out.push(x);
    }

    /// "占Y%" anywhere in [i, end).
    pub fn share_after_in(&self, i: usize, end: usize) -> Option<NFig> {
        let k = self.c.find("占", i, end)?;
        self.share_after(k)
    }

    /// "，占Y%" (or "占…的Y%") right after clean index `i`.
    pub fn share_after(&self, i: usize) -> Option<NFig> {
        let j = if self.c.at(i, "，") || self.c.at(i, "、") {
            i + 1
        } else {
            i
        };
        if !self.c.at(j, "占") {
            return None;
        }
        let end = (j + 14).min(self.c.len());
        (j + 1..end).find_map(|k| {
            self.c
                .figure_after(k, "%")
                .filter(|_| k == j + 1 || self.c.at(k - 1, "的"))
        })
    }
}

/// Σ of 说明 figures (a narrative-internal identity).
pub(crate) fn narrative_sum(
    ctx: &mut Ctx<'_>,
    id: &'static str,
    what: &str,
    stated: (&NFig, &str),
    parts: Vec<(&NFig, String)>,
    from: usize,
) {
    let s = ctx.claim(stated.0, stated.1);
    let ps = parts.iter().map(|(f, l)| (ctx.claim(f, l), 1)).collect();
    let x = sum_rule(rule(id, E), what, s, ps);
    let mut x = ctx.mark(x, stated.0, from);
    x.message = x.message.replacen("表中为", "各项之和为", 1);
    ctx.out.push(x);
}
