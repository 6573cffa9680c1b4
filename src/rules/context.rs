//! What every extractor shares: the cleaned text, its figures, the claims found so far, and which
//! figures a claim has already consumed (a share inside a 类 list is not checked again as a loose share).

use super::claim::{Claim, ClaimKind, Source};
use crate::document::narrative::{CleanText, Token, UnitClass};
use crate::error::Result;
use crate::num::figure::Figure;
use crate::num::verdict::{check_sum, Check};
use std::collections::HashSet;

/// A total and its parts found in the text (a 其中 list, a 类 list).
#[derive(Debug, Clone)]
pub struct List {
    /// Token index of the total.
    pub total: usize,
    /// Token indices of the parts.
    pub parts: Vec<usize>,
}

/// The state of one extraction.
pub struct Ctx<'a> {
    /// The cleaned text.
    pub text: &'a CleanText,
    /// Its figures.
    pub tokens: &'a [Token],
    /// Claims found so far.
    pub claims: Vec<Claim>,
    /// Token indices of stated figures already judged.
    pub used: HashSet<usize>,
    /// Totals with their parts, for shares that name no whole.
    lists: Vec<List>,
    /// For each part token, the indices into `lists` of the lists it is a part of, in list order: rules
    /// ask "is this figure listed?" per figure, which a scan of every list made quadratic on long texts.
    part_of: std::collections::HashMap<usize, Vec<usize>>,
    /// Token indices that are the total of some list (asked per figure, as above).
    totals: HashSet<usize>,
    /// Cleaned-char limit of the narrative (tables follow).
    pub end: usize,
    /// Where each disclosure begins ("第一部分"), when several are pasted together.
    documents: Vec<usize>,
    /// Why a figure (token index) was not checked, when a rule saw it and could not bind it.
    pub reasons: std::collections::HashMap<usize, &'static str>,
    /// Growth rates over last year whose last year's figure the text does not state: (rate token, this
    /// year's token, whether written as a fall). A year-series table may state it (`rules::series`).
    pub priorless: Vec<(usize, usize, bool)>,
}

impl<'a> Ctx<'a> {
    /// A new extraction over the narrative part [0, end).
    pub fn new(text: &'a CleanText, tokens: &'a [Token], end: usize) -> Ctx<'a> {
        let documents = text.find_all("第一部分", 0, end);
        Ctx {
            text,
            tokens,
            claims: Vec::new(),
            used: HashSet::new(),
            lists: Vec::new(),
            part_of: std::collections::HashMap::new(),
            totals: HashSet::new(),
            end,
            documents,
            reasons: std::collections::HashMap::new(),
            priorless: Vec::new(),
        }
    }

    /// The lists found so far, in the order found.
    pub fn lists(&self) -> &[List] {
        &self.lists
    }

    /// Records a total with its parts, keeping the lookups by token in step.
    pub fn push_list(&mut self, list: List) {
        let n = self.lists.len();
        for &p in &list.parts {
            let of = self.part_of.entry(p).or_default();
            if of.last() != Some(&n) {
                of.push(n);
            }
        }
        self.totals.insert(list.total);
        self.lists.push(list);
    }

    /// Whether token `i` is the total of some list.
    pub fn is_list_total(&self, i: usize) -> bool {
        self.totals.contains(&i)
    }

    /// Whether token `i` is a part of some list.
    pub fn is_listed_part(&self, i: usize) -> bool {
        self.part_of.contains_key(&i)
    }

    /// The lists token `i` is a part of, in the order found.
    pub fn lists_with_part(&self, i: usize) -> impl Iterator<Item = &List> {
        self.part_of
            .get(&i)
            .into_iter()
            .flatten()
            .filter_map(|&n| self.lists.get(n))
    }

    /// Records why token `i` is not checked (the first reason given stands).
    pub fn unchecked(&mut self, i: usize, reason: &'static str) {
        self.reasons.entry(i).or_insert(reason);
    }

    /// Whether tokens `a` and `b` belong to the same disclosure (no "第一部分" between them): figures of
    /// two departments pasted together are never compared with each other.
    pub fn same_document(&self, a: usize, b: usize) -> bool {
        let (x, y) = (
            self.tok(a).start.min(self.tok(b).start),
            self.tok(a).start.max(self.tok(b).start),
        );
        // the starts are in text order (found left to right): the first one after x must not come before y
        let next = self.documents.partition_point(|&d| d <= x);
        self.documents.get(next).is_none_or(|&d| d >= y)
    }

    /// The year a figure's statement opens with ("2021年度…"), else the one the statement before opened
    /// with (two statements back at most): a figure of another year is another quantity.
    pub fn year_of(&self, i: usize) -> Option<rust_decimal::Decimal> {
        let mut start = self.text.sentence_start(self.tok(i).start);
        for _ in 0..3 {
            let first = self.tokens.partition_point(|x| x.start < start);
            let opening = self.tokens[first..]
                .iter()
                .take_while(|x| x.start < self.end && self.text.sentence_start(x.start) == start)
                .find(|x| {
                    x.figure.unit.is_empty()
                        && x.figure.scale == 0
                        && (1990..=2100).contains(&x.figure.value.mantissa())
                })
                .map(|x| x.figure.value);
            if opening.is_some() || start == 0 {
                return opening;
            }
            start = self.text.sentence_start(start - 1);
        }
        None
    }

    /// Token `i`.
    pub fn tok(&self, i: usize) -> &'a Token {
        &self.tokens[i]
    }

    /// Indices of the narrative's tokens.
    pub fn indices(&self) -> impl Iterator<Item = usize> + 'a {
        let end = self.end;
        self.tokens
            .iter()
            .enumerate()
            .take_while(move |(_, t)| t.start < end)
            .map(|(i, _)| i)
    }

    /// The first narrative token starting at or after cleaned index `at`.
    pub fn first_at(&self, at: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.start < at);
        (i < self.tokens.len() && self.tokens[i].start < self.end).then_some(i)
    }

    /// The span in the original text from token `a`'s label to token `b`'s end.
    pub fn span_of(&self, a: usize, b: usize) -> (usize, usize) {
        let (ta, tb) = (self.tok(a), self.tok(b));
        let from = ta.label_start.min(ta.start).min(tb.start);
        self.text.span(from, ta.end.max(tb.end))
    }

    /// A source for token `i`, named by its label or `fallback`.
    pub fn source(&self, i: usize, fallback: &str) -> Source {
        let t = self.tok(i);
        let name = if t.label.is_empty() {
            fallback
        } else {
            t.label.as_str()
        };
        Source::token(self.text, t, name)
    }

    /// Adds a total-against-parts claim.
    pub fn push_sum(
        &mut self,
        kind: ClaimKind,
        total: usize,
        parts: &[usize],
        span: (usize, usize),
    ) -> Result<()> {
        let check = self.sum_check(total, parts)?;
        let mut inputs = vec![self.source(total, "合计")];
        inputs.extend(parts.iter().map(|&p| self.source(p, "分项")));
        let unit = unit_of(self.tok(total));
        self.push(kind, check, span, inputs, &unit);
        self.used.insert(total);
        Ok(())
    }

    /// total = Σ parts judged (money in one unit), without reporting anything.
    pub fn sum_check(&self, total: usize, parts: &[usize]) -> Result<Check> {
        let mut figures: Vec<Figure> = std::iter::once(total)
            .chain(parts.iter().copied())
            .map(|i| self.tok(i).figure.clone())
            .collect();
        crate::num::figure::align_money_units(&mut figures);
        let stated = figures.remove(0);
        check_sum(&stated, &figures)
    }

    /// Adds a share claim: part ÷ whole against the stated percentage token.
    pub fn push_share(&mut self, part: usize, whole: usize, stated: usize) -> Result<()> {
        let [fp, fw] = self.aligned([part, whole]);
        let figure = self.tok(stated).figure.clone();
        let check = crate::num::verdict::check_rate(
            |x, y| crate::num::rates::rate(crate::num::rates::RateKind::Share, x, y),
            &fp,
            &fw,
            &figure,
        )?;
        let inputs = vec![self.source(part, "部分"), self.source(whole, "总数")];
        let span = self.span_of(part.min(stated), stated.max(part));
        self.push(ClaimKind::Share, check, span, inputs, "%");
        self.set_stated(stated);
        self.used.insert(stated);
        Ok(())
    }

    /// The tokens' figures, in one unit of money when they mix 元 and 万元 (see `align_money_units`).
    pub fn aligned<const N: usize>(&self, tokens: [usize; N]) -> [Figure; N] {
        let mut figures = tokens.map(|i| self.tok(i).figure.clone());
        crate::num::figure::align_money_units(&mut figures);
        figures
    }

    /// Records token `i` as the stated figure of the last claim.
    pub fn set_stated(&mut self, i: usize) {
        let t = self.tok(i);
        let span = self.text.span(t.start, t.end);
        if let Some(c) = self.claims.last_mut() {
            c.stated_span = Some(span);
        }
    }

    /// Adds a claim.
    pub fn push(
        &mut self,
        kind: ClaimKind,
        check: Check,
        span: (usize, usize),
        inputs: Vec<Source>,
        unit: &str,
    ) {
        self.claims
            .push(Claim::new(kind, check, span, inputs, unit));
    }
}

/// The unit a claim's message shows after numbers.
pub fn unit_of(token: &Token) -> String {
    match &token.class {
        UnitClass::Percent => "%".into(),
        UnitClass::Amount | UnitClass::Count(_) => token.figure.unit.clone(),
        UnitClass::Other => String::new(),
    }
}
