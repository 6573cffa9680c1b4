//! A placed row's derived figures against its two measures: 增减额 (kind `difference`) and the rates
//! (`growth`, `variance`, `completion`, `execution`); and a budget table's bare 差额, whose direction the
//! table's rows must settle before any row is judged.

use super::{cells_of, Judge};
use crate::document::compare::{Cell, Pair, Role, Row};
use crate::error::Result;
use crate::num::rates::{rate, RateKind};
use crate::num::verdict::{check_rate, check_sum, Check, Verdict};
use crate::report::ProblemReport;
use crate::rules::claim::{Claim, ClaimKind, Source};
use rust_decimal::Decimal;

impl Judge<'_> {
    /// The base and current cells of a placed row, or a reason given to the stated cell.
    pub(super) fn inputs<'c>(
        &mut self,
        cells: &'c [Option<Cell>],
        ci: usize,
    ) -> Option<(&'c Cell, &'c Cell)> {
        let (Some(b), Some(c)) = (self.column(Role::Base), self.column(Role::Current)) else {
            return None;
        };
        let get = |i: usize| cells.get(i).and_then(Option::as_ref);
        match (get(b), get(c)) {
            (Some(x), Some(y)) => Some((x, y)),
            _ => {
                let cols = &self.t.columns;
                let why = format!(
                    "本行缺少“{}”或“{}”，无法核对“{}”",
                    cols[b].name, cols[c].name, cols[ci].name
                );
                if let Some(s) = get(ci) {
                    self.reason(s, why);
                }
                None
            }
        }
    }

    /// stated = current − base (or base − current when `reversed`), as a claim.
    pub(super) fn change(
        &mut self,
        r: &Row,
        cells: &[Option<Cell>],
        ci: usize,
        reversed: bool,
    ) -> Result<Option<Claim>> {
        let Some((b, c)) = self.inputs(cells, ci) else {
            return Ok(None);
        };
        let Some(stated) = cells.get(ci).and_then(Option::as_ref) else {
            return Ok(None);
        };
        let (first, second) = if reversed { (b, c) } else { (c, b) };
        let difference = |f: &crate::num::figure::Figure| {
            let mut minus = second.figure.clone();
            minus.value = -minus.value;
            check_sum(f, &[first.figure.clone(), minus])
        };
        let check = difference(&stated.figure)?;
        let flipped = check.verdict == Verdict::Mismatch && {
            let mut f = stated.figure.clone();
            f.value = -f.value;
            !f.value.is_zero() && difference(&f)?.verdict != Verdict::Mismatch
        };
        let unit = self.t.unit.clone();
        let mut claim = self.claim(
            r,
            ClaimKind::Difference,
            check,
            [first, second],
            stated,
            &unit,
        );
        if flipped {
            claim.diagnosis = Some(self.sign_flip());
        }
        Ok(Some(claim))
    }

    pub(super) fn sign_flip(&self) -> String {
        match self.t.pair {
            Pair::Budget => crate::report::wording::sign_flip(),
            Pair::Period => "疑似正负号有误：数值相符但符号相反（两期的先后是否写反）".into(),
        }
    }

    /// A rate column's figure against its two inputs.
    pub(super) fn rate(
        &mut self,
        r: &Row,
        cells: &[Option<Cell>],
        ci: usize,
        kind: RateKind,
    ) -> Result<()> {
        let Some((b, c)) = self.inputs(cells, ci) else {
            return Ok(());
        };
        let Some(stated) = cells.get(ci).and_then(Option::as_ref) else {
            return Ok(());
        };
        // growth takes (本年, 上年); the budget rates (预算, 决算)
        let (x, y) = if kind == RateKind::Growth {
            (c, b)
        } else {
            (b, c)
        };
        let judge = |f: &crate::num::figure::Figure| {
            check_rate(|p, q| rate(kind, p, q), &x.figure, &y.figure, f)
        };
        let check = judge(&stated.figure)?;
        let col = &self.t.columns[ci];
        if check.verdict == Verdict::Mismatch
            && !stated.figure.is_percent()
            && !col.name.contains('%')
        {
            // "增长率 0.9993": a fraction, not a percentage, when ×100 fits
            let mut f = stated.figure.clone();
            f.value = f.value.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(f.value);
            f.scale = f.scale.saturating_sub(2);
            if f.value != stated.figure.value && judge(&f)?.verdict != Verdict::Mismatch {
                let why = format!(
                    "“{}”列未写 %，本行的数乘以 100 后相符，疑为小数形式的比率，未判为不一致",
                    col.name
                );
                self.reason(stated, why);
                return Ok(());
            }
        }
        let flipped = check.verdict == Verdict::Mismatch
            && kind != RateKind::Completion
            && kind != RateKind::Execution
            && {
                let mut f = stated.figure.clone();
                f.value = -f.value;
                !f.value.is_zero() && judge(&f)?.verdict != Verdict::Mismatch
            };
        let claim_kind = match kind {
            RateKind::Growth => ClaimKind::Growth,
            RateKind::Variance => ClaimKind::Variance,
            RateKind::Completion => ClaimKind::Completion,
            RateKind::Execution => ClaimKind::Execution,
            RateKind::Share => ClaimKind::Share,
        };
        let mut claim = self.claim(r, claim_kind, check, [x, y], stated, "%");
        if flipped {
            claim.diagnosis = Some(self.sign_flip());
        }
        self.claims.push((ci, claim));
        Ok(())
    }

    /// A claim of row `r`: inputs in the formula's order, named by their columns.
    pub(super) fn claim(
        &self,
        r: &Row,
        kind: ClaimKind,
        check: Check,
        inputs: [&Cell; 2],
        stated: &Cell,
        unit: &str,
    ) -> Claim {
        let name = |c: &Cell| {
            self.t
                .columns
                .iter()
                .zip(cells_of(r))
                .find(|(_, x)| x.is_some_and(|x| x.span == c.span))
                .map_or(String::new(), |(col, _)| col.name.clone())
        };
        let sources = inputs
            .iter()
            .map(|c| Source {
                name: name(c),
                value: c.figure.value,
                span: Some(c.span),
            })
            .collect();
        let all = [inputs[0], inputs[1], stated];
        let span = (
            all.iter().map(|c| c.span.0).min().unwrap_or(r.span.0),
            all.iter().map(|c| c.span.1).max().unwrap_or(r.span.1),
        );
        let mut claim = Claim::new(kind, check, span, sources, unit);
        claim.stated_span = Some(stated.span);
        claim.written_negated = stated.negated;
        claim.context = Some(r.label.trim().to_string());
        claim
    }

    /// 差额 columns of a budget table: 决算 − 预算 or 预算 − 决算, as every row that fits only one way
    /// agrees. Rows that fit neither way are wrong whichever is meant, so a table with no row to settle it
    /// is judged as 决算 − 预算; rows that disagree leave the column unjudged, with a problem saying so.
    pub(super) fn unsigned_changes(
        &mut self,
        rows: &[(&Row, &[Option<Cell>], usize)],
    ) -> Result<()> {
        let mut columns: Vec<usize> = rows.iter().map(|x| x.2).collect();
        columns.sort_unstable();
        columns.dedup();
        for ci in columns {
            let mut votes = [0usize; 2];
            let mut readings = Vec::new();
            for &(r, cells, _) in rows.iter().filter(|x| x.2 == ci) {
                let both = [
                    self.change(r, cells, ci, false)?,
                    self.change(r, cells, ci, true)?,
                ];
                let fits = both.each_ref().map(|c| {
                    c.as_ref()
                        .is_some_and(|c| c.check.verdict != Verdict::Mismatch)
                });
                if fits[0] != fits[1] {
                    votes[usize::from(fits[1])] += 1;
                }
                readings.push((cells, both));
            }
            let name = self.t.columns[ci].name.clone();
            if votes[0] > 0 && votes[1] > 0 {
                for (cells, _) in &readings {
                    if let Some(s) = cells.get(ci).and_then(Option::as_ref) {
                        let why = format!(
                            "“{name}”各行的计算方向不一致（决算减预算与预算减决算都有），未核对"
                        );
                        self.reason(s, why);
                    }
                }
                self.problems.push(ProblemReport {
                    message: format!(
                        "“{name}”列有 {} 行为决算减预算、{} 行为预算减决算，方向不一致，未核对，请人工核对",
                        votes[0], votes[1]
                    ),
                    span: Some([self.t.span.0, self.t.span.1]),
                });
                continue;
            }
            let way = usize::from(votes[1] > 0);
            for (_, both) in readings {
                if let Some(c) = both.into_iter().nth(way).flatten() {
                    self.claims.push((ci, c));
                }
            }
        }
        Ok(())
    }
}
