//! Text copied out of a PDF: cells separated by spaces or line breaks, a cell broken over several lines
//! (`100.0⏎0%`, `=61.99 万⏎条`, `经济成本指⏎标`), an indicator name broken around its values.
//!
//! The text is cut into tokens (runs of non-space characters). Blocks are found by their header words in
//! the text with white space removed; an indicator row is anchored on its values (a target with a
//! comparator or a qualitative word, the result, 分值, 得分), and the tokens between two rows' values are
//! split into the previous row's 偏差原因, category labels, and the next row's name.

use super::vocab::{self, LabelKind};
use super::{read_cell, Cell, FundsRow, IndicatorRow, Problem, Span, Table, TableKind};
use crate::figures::{is_not_applicable, normalize_char, parse_figure};

/// A run of non-space characters.
struct Tok {
    raw: String,
    /// `raw` with full-width digits and signs made ASCII (`normalize_char`), one char for one char.
    norm: String,
    start: usize,
    end: usize,
    line: usize,
    /// Whether the white space before it holds a line break.
    nl_before: bool,
}

struct Doc {
    chars: Vec<char>,
    toks: Vec<Tok>,
}

fn tokenize(text: &str) -> Doc {
    let chars: Vec<char> = text.chars().collect();
    let mut toks = Vec::with_capacity(chars.len() / 4);
    let (mut line, mut nl) = (1, true);
    let mut start: Option<(usize, usize)> = None; // (char index, byte index)
    let mut push = |s: usize, b: usize, e: usize, be: usize, line: usize, nl: bool| {
        let raw = text.get(b..be).unwrap_or("").to_string();
        toks.push(Tok {
            norm: norm(&raw),
            raw,
            start: s,
            end: e,
            line,
            nl_before: nl,
        });
    };
    for (i, (byte, c)) in text.char_indices().enumerate() {
        if c.is_whitespace() {
            if let Some((s, b)) = start.take() {
                push(s, b, i, byte, line, nl);
                nl = false;
            }
            if c == '\n' {
                line += 1;
                nl = true;
            }
        } else if start.is_none() {
            start = Some((i, byte));
        }
    }
    if let Some((s, b)) = start {
        push(s, b, chars.len(), text.len(), line, nl);
    }
    Doc { chars, toks }
}

fn norm(s: &str) -> String {
    s.chars().map(normalize_char).collect()
}

fn comparator_len(n: &str) -> usize {
    let mut it = n.chars();
    match (it.next(), it.next()) {
        (Some('>' | '<' | '='), Some('=')) => 2,
        (Some('>' | '<' | '=' | '≥' | '≤' | '≧' | '≦'), _) => 1,
        _ => 0,
    }
}

fn is_plain_number(n: &str) -> bool {
    n.chars().any(|c| c.is_ascii_digit())
        && n.chars().all(|c| c.is_ascii_digit() || c == '.')
        && n.matches('.').count() <= 1
        && !n.starts_with('.')
        && !n.ends_with('.')
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// A unit, or a piece of one broken onto the next line: `万元`, `万`, `条`, `次/月`, `%`.
fn is_unit_like(raw: &str) -> bool {
    let n = norm(raw);
    let len = n.chars().count();
    (1..=3).contains(&len)
        && comparator_len(&n) == 0
        && !vocab::is_qualitative_word(raw)
        && vocab::label_kind(raw).is_none()
        && n.chars()
            .all(|c| is_cjk(c) || matches!(c, '/' | '%' | '‰') || c.is_ascii_alphabetic())
}

fn is_numericish(n: &str) -> bool {
    is_not_applicable(n)
        || n == "%"
        || (n.chars().any(|c| c.is_ascii_digit())
            && n.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%')))
}

/// Whether `next` continues the number `prev` broken at a line end: `100.0⏎0%`, `8.7⏎0`, `94.79⏎%`.
fn continues_number(prev: &str, next: &Tok) -> bool {
    let n = &next.norm;
    if n == "%" {
        return !prev.ends_with('%') && prev.ends_with(|c: char| c.is_ascii_digit());
    }
    if !next.nl_before || prev.ends_with('%') {
        return false;
    }
    let Some((_, frac)) = prev.split_once('.') else {
        return false;
    };
    let digits = n.strip_suffix('%').unwrap_or(n);
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && frac.chars().all(|c| c.is_ascii_digit())
        && frac.len() + digits.len() <= 2
}

/// A value read from one or more tokens.
#[derive(Clone)]
struct Piece {
    text: String,
    span: Span,
    line: usize,
}

/// Non-space characters of a token range with the token each came from, for finding header words that a
/// PDF broke over lines (`项目名⏎称`).
struct Compact {
    chars: Vec<char>,
    tok: Vec<usize>,
    off: Vec<usize>,
}

impl Compact {
    fn new(doc: &Doc, a: usize, b: usize) -> Compact {
        let mut c = Compact {
            chars: Vec::new(),
            tok: Vec::new(),
            off: Vec::new(),
        };
        for (i, t) in doc.toks.iter().enumerate().take(b).skip(a) {
            for (k, ch) in t.raw.chars().enumerate() {
                c.chars.push(ch);
                c.tok.push(i);
                c.off.push(t.start + k);
            }
        }
        c
    }

    fn find(&self, pat: &str, from: usize) -> Option<usize> {
        let p: Vec<char> = pat.chars().collect();
        let last = self.chars.len().checked_sub(p.len())?;
        (from..=last).find(|&i| self.chars.get(i..i + p.len()) == Some(&p[..]))
    }

    /// The first match of `pat` within `window` chars after `from`.
    fn find_near(&self, pat: &str, from: usize, window: usize) -> Option<usize> {
        self.find(pat, from).filter(|&i| i - from <= window)
    }

    /// The token after the one holding compact char `i`.
    fn tok_after(&self, i: usize) -> Option<usize> {
        self.tok.get(i).map(|t| t + 1)
    }
}

/// Reads every table of text copied out of a PDF.
pub(super) fn read(text: &str) -> Vec<Table> {
    let doc = tokenize(text);
    let n = doc.toks.len();
    let mut starts = Vec::new();
    let mut i = 0;
    while i < n {
        let line = doc.toks.get(i).map_or(0, |t| t.line);
        let j = (i..n)
            .find(|&j| doc.toks.get(j).is_some_and(|t| t.line != line))
            .unwrap_or(n);
        let title: String = doc
            .toks
            .get(i..j)
            .unwrap_or(&[])
            .iter()
            .map(|t| t.raw.as_str())
            .collect();
        if title.ends_with("自评表") && title.chars().count() <= 40 {
            starts.push(i);
        }
        i = j;
    }
    let regions: Vec<(usize, usize, bool)> = if starts.is_empty() {
        vec![(0, n, false)]
    } else {
        starts
            .iter()
            .enumerate()
            .map(|(k, &a)| (a, starts.get(k + 1).copied().unwrap_or(n), true))
            .collect()
    };
    regions
        .into_iter()
        .filter_map(|(a, b, titled)| Region::new(&doc, a, b).read(titled))
        .filter(Table::has_content)
        .collect()
}

/// How the indicator columns are ordered.
#[derive(Clone, Copy)]
struct Layout {
    /// 分值 before 实际完成值 (the 部门整体 table: 预期指标值, 指标值设定依据, 分值权重, 实际完成指标值, 得分).
    weight_first: Option<bool>,
    /// Whether there is a 偏差原因 column.
    has_reason: bool,
}

struct Region<'a> {
    doc: &'a Doc,
    a: usize,
    b: usize,
    c: Compact,
}

/// An indicator row's values as found.
struct Found {
    end: usize,
    target: Piece,
    actual: Piece,
    weight: Piece,
    score: Piece,
}

/// A row being read: its name may continue, and a category label split around its values may still complete.
struct Building {
    row: IndicatorRow,
    pending: Option<String>,
    continues: bool,
}

impl<'a> Region<'a> {
    fn new(doc: &'a Doc, a: usize, b: usize) -> Region<'a> {
        Region {
            doc,
            a,
            b,
            c: Compact::new(doc, a, b),
        }
    }

    fn tok(&self, i: usize) -> Option<&'a Tok> {
        if i < self.b {
            self.doc.toks.get(i)
        } else {
            None
        }
    }

    /// Joins tokens: a line break inside a cell joins with nothing, a space stays a space.
    fn join(&self, idx: &[usize]) -> String {
        let mut s = String::new();
        let mut prev: Option<usize> = None;
        for &i in idx {
            if let Some(t) = self.tok(i) {
                if !s.is_empty() && !t.nl_before && prev.is_some_and(|p| p + 1 == i) {
                    s.push(' ');
                }
                s.push_str(&t.raw);
                prev = Some(i);
            }
        }
        s
    }

    /// The input between two char offsets with line breaks removed and spaces collapsed.
    fn collapse(&self, s: usize, e: usize) -> String {
        let mut out = String::new();
        let mut ws = String::new();
        for &ch in self.doc.chars.get(s..e).unwrap_or(&[]) {
            if ch.is_whitespace() {
                ws.push(ch);
                continue;
            }
            if !ws.is_empty() && !out.is_empty() && !ws.contains('\n') {
                out.push(' ');
            }
            ws.clear();
            out.push(ch);
        }
        out
    }

    fn piece(&self, idx: &[usize], text: String) -> Option<Piece> {
        let first = self.tok(*idx.first()?)?;
        let last = self.tok(*idx.last()?)?;
        Some(Piece {
            text,
            span: (first.start, last.end),
            line: first.line,
        })
    }

    fn read(&self, titled: bool) -> Option<Table> {
        let first = self.tok(self.a)?;
        let title = if titled {
            let line: Vec<usize> = (self.a..self.b)
                .take_while(|&i| self.tok(i).is_some_and(|t| t.line == first.line))
                .collect();
            self.join(&line)
        } else {
            String::new()
        };
        let kind = if title.contains("整体") {
            TableKind::Department
        } else {
            TableKind::Project
        };
        let mut table = Table::new(kind, &title, (first.start, first.end));
        if let Some(p) = self.c.find("项目名称", 0) {
            let s = p + 4;
            let e = self
                .c
                .find_near("主管部门", s, 120)
                .or_else(|| self.c.find_near("项目资金", s, 120))
                .unwrap_or(s);
            if let (Some(&so), Some(&eo)) = (self.c.off.get(s), self.c.off.get(e)) {
                table.name = self.collapse(so, eo);
            }
        }
        let mut cursor = 0;
        if let Some(h) = self.c.find("年初预算数", 0) {
            let head_end = self.c.find_near("得分", h, 40).map_or(h + 4, |x| x + 1);
            let end = ["年度总体目标", "预期目标", "一级指标", "总分"]
                .iter()
                .filter_map(|m| self.c.find(m, head_end))
                .min();
            let end_tok = end
                .and_then(|e| self.c.tok.get(e).copied())
                .unwrap_or(self.b);
            let start_tok = self.c.tok_after(head_end).unwrap_or(self.b);
            self.funds(&mut table, start_tok, end_tok);
            cursor = end.unwrap_or(head_end);
        }
        let (layout, rows_from) = match self.c.find("一级指标", cursor) {
            Some(h) => {
                let reason = self.c.find_near("偏差原因分析及改进措施", h, 90);
                let actual = self.c.find_near("实际完成", h, 80);
                let weight = self.c.find_near("分值", h, 80);
                let end = reason.map(|r| r + 10).or_else(|| {
                    actual
                        .and_then(|a| self.c.find_near("得分", a, 12))
                        .map(|x| x + 1)
                });
                let layout = Layout {
                    weight_first: match (weight, actual) {
                        (Some(w), Some(a)) => Some(w < a),
                        _ => None,
                    },
                    has_reason: reason.is_some(),
                };
                (layout, end.unwrap_or(h + 3))
            }
            None => (
                Layout {
                    weight_first: None,
                    has_reason: true,
                },
                cursor,
            ),
        };
        let start_tok = if rows_from == 0 {
            self.a
        } else {
            self.c.tok_after(rows_from).unwrap_or(self.b)
        };
        let total_at = self.c.find("总分", rows_from);
        let end_tok = total_at
            .and_then(|t| self.c.tok.get(t).copied())
            .unwrap_or(self.b);
        self.indicators(&mut table, start_tok, end_tok, layout);
        if let Some(t) = table.indicators.last() {
            table.span.1 = table.span.1.max(t.span.1);
        }
        if let Some(k) = total_at.and_then(|t| self.c.tok.get(t).copied()) {
            self.totals(&mut table, k);
        }
        Some(table)
    }

    fn funds(&self, table: &mut Table, from: usize, to: usize) {
        let mut label: Vec<usize> = Vec::new();
        let mut values: Vec<usize> = Vec::new();
        for i in from..to.min(self.b) {
            let Some(t) = self.tok(i) else { break };
            if is_numericish(&t.norm) {
                values.push(i);
                continue;
            }
            if !values.is_empty() {
                self.funds_row(table, &label, &values);
                label.clear();
                values.clear();
            }
            label.push(i);
        }
        if !values.is_empty() {
            self.funds_row(table, &label, &values);
        }
    }

    /// Merges a number broken over lines back into one piece.
    fn merge_numbers(&self, idx: &[usize]) -> Vec<Piece> {
        let mut out: Vec<Piece> = Vec::new();
        for &i in idx {
            let Some(t) = self.tok(i) else { continue };
            if let Some(last) = out.last_mut() {
                if continues_number(&last.text, t) {
                    last.text.push_str(&t.norm);
                    last.span.1 = t.end;
                    continue;
                }
            }
            out.push(Piece {
                text: t.norm.clone(),
                span: (t.start, t.end),
                line: t.line,
            });
        }
        out
    }

    fn funds_row(&self, table: &mut Table, label: &[usize], values: &[usize]) {
        let pieces = self.merge_numbers(values);
        let line = label
            .first()
            .or(values.first())
            .and_then(|&i| self.tok(i))
            .map_or(0, |t| t.line);
        let mut problems = Vec::new();
        let mut cell = |k: usize, field: &str| -> Option<Cell> {
            let p = pieces.get(k)?;
            read_cell(field, &p.text, p.span, line).unwrap_or_else(|e| {
                problems.push(e);
                None
            })
        };
        let span_start = label
            .first()
            .or(values.first())
            .and_then(|&i| self.tok(i))
            .map_or(0, |t| t.start);
        let span_end = pieces.last().map_or(span_start, |p| p.span.1);
        let row = FundsRow {
            label: self.join(label),
            initial: cell(0, "年初预算数"),
            budget: cell(1, "全年预算数"),
            executed: cell(2, "全年执行数"),
            span: (span_start, span_end),
        };
        let (weight, rate, score) = (cell(3, "分值"), cell(4, "执行率"), cell(5, "得分"));
        let funds = &mut table.funds;
        if funds.weight.is_none() {
            funds.weight = weight;
        }
        if funds.stated_rate.is_none() {
            funds.stated_rate = rate;
        }
        if funds.stated_score.is_none() {
            funds.stated_score = score;
        }
        funds.rows.push(row);
        table.problems.extend(problems);
        table.span.1 = table.span.1.max(span_end);
    }

    /// A target (`target`: needs a comparator or a qualitative word) or a result at token `i`.
    fn value(&self, i: usize, target: bool) -> Option<(usize, Piece)> {
        let t = self.tok(i)?;
        if vocab::is_qualitative_word(&t.raw) {
            return Some((i + 1, self.piece(&[i], t.raw.clone())?));
        }
        let n = &t.norm;
        let cmp = comparator_len(n);
        if target && cmp == 0 {
            return None;
        }
        let rest: String = n.chars().skip(cmp).collect();
        let mut parts = vec![i];
        let mut j = i + 1;
        if rest.is_empty() {
            let next = self.tok(j)?;
            if cmp == 0 || !next.norm.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            parts.push(j);
            j += 1;
        } else if !rest.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
            return None;
        }
        if let Some(next) = self.tok(j) {
            if continues_number(&norm(&self.join(&parts)), next) {
                parts.push(j);
                j += 1;
            }
        }
        let mut unit = 0;
        while let Some(next) = self.tok(j) {
            let len = next.raw.chars().count();
            if !is_unit_like(&next.raw) || unit + len > 4 {
                break;
            }
            unit += len;
            parts.push(j);
            j += 1;
        }
        let text = self.join(&parts);
        parse_figure(&text).ok()?;
        Some((j, self.piece(&parts, text)?))
    }

    /// A plain number at token `i` (分值, 得分), rejoined when broken over lines.
    fn number(&self, i: usize) -> Option<(usize, Piece)> {
        let t = self.tok(i)?;
        let n = norm(&t.raw);
        if !is_plain_number(&n) {
            return None;
        }
        let mut parts = vec![i];
        if self
            .tok(i + 1)
            .is_some_and(|next| continues_number(&n, next))
        {
            parts.push(i + 1);
        }
        let text: String = parts
            .iter()
            .filter_map(|&k| self.tok(k))
            .map(|t| t.norm.as_str())
            .collect();
        Some((i + parts.len(), self.piece(&parts, text)?))
    }

    fn row_at(&self, i: usize, weight_first: bool) -> Option<Found> {
        let (e1, target) = self.value(i, true)?;
        if weight_first {
            let j = (e1..self.b.min(e1 + 40)).find(|&j| self.number(j).is_some())?;
            let (e2, weight) = self.number(j)?;
            let (e3, actual) = self.value(e2, false)?;
            let (end, score) = self.number(e3)?;
            Some(Found {
                end,
                target,
                actual,
                weight,
                score,
            })
        } else {
            let (e2, actual) = self.value(e1, false)?;
            let (e3, weight) = self.number(e2)?;
            let (end, score) = self.number(e3)?;
            Some(Found {
                end,
                target,
                actual,
                weight,
                score,
            })
        }
    }

    fn row(&self, i: usize, layout: Layout) -> Option<Found> {
        match layout.weight_first {
            Some(w) => self.row_at(i, w),
            None => self.row_at(i, false).or_else(|| self.row_at(i, true)),
        }
    }

    /// A row whose target and result read but whose 分值 or 得分 does not: reported, not scored.
    fn unreadable(&self, i: usize, layout: Layout) -> Option<(Problem, usize)> {
        if layout.weight_first == Some(true) {
            return None;
        }
        let (e1, _) = self.value(i, true)?;
        let (e2, _) = self.value(e1, false)?;
        let (field, at) = match self.number(e2) {
            None => ("分值", e2),
            Some((e3, _)) => ("得分", e3),
        };
        let bad = self.tok(at)?;
        let start = self.tok(i)?;
        let problem = Problem {
            row: start.line,
            message: format!(
                "第 {} 行“{field}”无法识别：“{}”不是数字，该行未计分",
                start.line, bad.raw
            ),
            span: (start.start, bad.end),
        };
        Some((problem, at + 1))
    }

    fn indicators(&self, table: &mut Table, from: usize, to: usize, layout: Layout) {
        let mut rows: Vec<Building> = Vec::new();
        let mut levels = (String::new(), String::new());
        let (mut i, mut gap_start) = (from, from);
        while i < to {
            if !self.tok(i).is_some_and(|t| may_start_row(&t.raw)) {
                i += 1;
                continue;
            }
            if let Some(f) = self.row(i, layout) {
                let gap: Vec<usize> = (gap_start..i).collect();
                let end = f.end.max(i + 1);
                self.gap(
                    &gap,
                    Some(f),
                    &mut rows,
                    &mut levels,
                    layout,
                    &mut table.problems,
                );
                i = end;
                gap_start = end;
            } else {
                match self.unreadable(i, layout) {
                    Some((p, next)) => {
                        table.problems.push(p);
                        i = next.max(i + 1);
                    }
                    None => i += 1,
                }
            }
        }
        let gap: Vec<usize> = (gap_start..to).collect();
        self.gap(
            &gap,
            None,
            &mut rows,
            &mut levels,
            layout,
            &mut table.problems,
        );
        table.indicators.extend(rows.into_iter().map(|b| b.row));
    }

    /// Splits the tokens between two rows' values: the previous row's 偏差原因 (or the rest of its name),
    /// category labels, the next row's name.
    fn gap(
        &self,
        gap: &[usize],
        found: Option<Found>,
        rows: &mut Vec<Building>,
        levels: &mut (String, String),
        layout: Layout,
        problems: &mut Vec<Problem>,
    ) {
        let raw = |i: &usize| self.tok(*i).map_or("", |t| t.raw.as_str());
        let concat = |s: &[usize]| s.iter().map(raw).collect::<String>();
        let mut k = 0;
        if let Some(prev) = rows.last_mut() {
            if let Some(p) = prev.pending.take() {
                let done = (1..=3.min(gap.len())).find_map(|n| {
                    let l = format!("{p}{}", concat(gap.get(..n)?));
                    vocab::label_kind(&l).map(|kind| (n, l, kind))
                });
                match done {
                    Some((n, l, kind)) => {
                        k = n;
                        prev.continues = true;
                        set_level(&mut prev.row.level1, &mut prev.row.level2, &l, kind);
                        set_level(&mut levels.0, &mut levels.1, &l, kind);
                    }
                    None => {
                        if let Some(l) = vocab::unique_completion(&p) {
                            prev.row.level2 = l.to_string();
                            levels.1 = l.to_string();
                        }
                    }
                }
            }
        }
        // Items: Ok(label) or Err(token).
        let mut items: Vec<Result<(String, LabelKind), usize>> = Vec::new();
        while let Some(&at) = gap.get(k) {
            // The longest run of whole tokens that spells a label (labels are at most 11 chars).
            let mut run = String::new();
            let mut label = None;
            for (n, i) in gap.iter().skip(k).enumerate() {
                run.push_str(raw(i));
                if run.chars().count() > 11 {
                    break;
                }
                if let Some(kind) = vocab::label_kind(&run) {
                    label = Some((n + 1, run.clone(), kind));
                }
            }
            match label {
                Some((n, l, kind)) => {
                    items.push(Ok((l, kind)));
                    k += n;
                }
                None => {
                    items.push(Err(at));
                    k += 1;
                }
            }
        }
        let first_label = items.iter().position(Result::is_ok);
        let last_label = items.iter().rposition(Result::is_ok);
        let texts = |r: &[Result<(String, LabelKind), usize>]| -> Vec<usize> {
            r.iter().filter_map(|x| x.as_ref().err().copied()).collect()
        };
        let (mut lead, mut trailing) = match (first_label, last_label) {
            (Some(f), Some(l)) => (
                texts(items.get(..f).unwrap_or(&[])),
                texts(items.get(l + 1..).unwrap_or(&[])),
            ),
            _ if found.is_some() => (Vec::new(), texts(&items)),
            _ => (texts(&items), Vec::new()),
        };
        for (l, kind) in items.iter().filter_map(|x| x.as_ref().ok()) {
            set_level(&mut levels.0, &mut levels.1, l, *kind);
        }
        // A label begun before the values (`社会 努力使…`, `经济⏎成本⏎其他支出成本`).
        let mut pending = None;
        if found.is_some() {
            let search: Vec<usize> = if first_label.is_some() {
                vec![0]
            } else {
                (0..trailing.len()).rev().collect()
            };
            'outer: for p in search {
                for n in (1..=3).rev() {
                    if p + n >= trailing.len() {
                        continue;
                    }
                    let l = concat(trailing.get(p..p + n).unwrap_or(&[]));
                    if vocab::is_label_prefix(&l) {
                        if layout.has_reason && first_label.is_none() {
                            lead = trailing.get(..p).unwrap_or(&[]).to_vec();
                        }
                        trailing = trailing.get(p + n..).unwrap_or(&[]).to_vec();
                        pending = Some(l);
                        break 'outer;
                    }
                }
            }
        }
        if let Some(prev) = rows.last_mut() {
            let kept: Vec<usize> = lead
                .iter()
                .copied()
                .filter(|&i| {
                    let r = raw(&i);
                    !(r.chars().count() <= 4
                        && (vocab::is_label_piece(r) || vocab::label_kind(r).is_some()))
                })
                .collect();
            let text = self.join(&kept);
            if prev.continues || !layout.has_reason {
                prev.row.indicator.push_str(&text);
            } else if !text.is_empty() {
                prev.row.reason = text;
            }
            if let Some(&last) = kept.last() {
                if let Some(t) = self.tok(last) {
                    prev.row.span.1 = prev.row.span.1.max(t.end);
                }
            }
        }
        let Some(f) = found else { return };
        let name_start = trailing.first().and_then(|&i| self.tok(i));
        let start = name_start.map_or(f.target.span.0, |t| t.start);
        let line = name_start.map_or(f.target.line, |t| t.line);
        let mut cell = |p: &Piece, field: &str| {
            read_cell(field, &p.text, p.span, line).unwrap_or_else(|e| {
                problems.push(e);
                None
            })
        };
        let row = IndicatorRow {
            row: line,
            level1: levels.0.clone(),
            level2: levels.1.clone(),
            indicator: self.join(&trailing),
            target_text: f.target.text.clone(),
            actual_text: f.actual.text.clone(),
            weight: cell(&f.weight, "分值"),
            stated_score: cell(&f.score, "得分"),
            reason: String::new(),
            span: (start, f.score.span.1),
        };
        rows.push(Building {
            row,
            pending,
            continues: false,
        });
    }

    fn totals(&self, table: &mut Table, k: usize) {
        let Some(head) = self.tok(k) else { return };
        let mut frags: Vec<(Piece, bool)> = Vec::new();
        let mut end = head.end;
        let mut j = k + 1;
        while let Some(t) = self.tok(j) {
            let n = t.norm.clone();
            if n == "分" {
                end = t.end;
                break;
            }
            let (num, last) = match n.strip_suffix('分') {
                Some(s) => (s.to_string(), true),
                None => (n.clone(), false),
            };
            if !is_plain_number(&num) || frags.len() >= 4 {
                break;
            }
            let piece = Piece {
                text: num,
                span: (t.start, t.end),
                line: t.line,
            };
            match frags.last_mut() {
                Some((prev, _)) if continues_number(&prev.text, t) => {
                    prev.text.push_str(&piece.text);
                    prev.span.1 = t.end;
                }
                _ => frags.push((piece, t.nl_before)),
            }
            end = t.end;
            j += 1;
            if last {
                break;
            }
        }
        // `10⏎0 100`: a 分值 total broken over lines.
        while frags.len() > 2 {
            let at = (0..frags.len() - 1).find(|&i| {
                matches!((frags.get(i), frags.get(i + 1)), (Some((l, _)), Some((_, nl)))
                    if *nl && !l.text.contains('.') && !l.text.starts_with('0'))
            });
            let Some(at) = at else { break };
            let (right, _) = frags.remove(at + 1);
            if let Some((left, _)) = frags.get_mut(at) {
                left.text.push_str(&right.text);
                left.span.1 = right.span.1;
            }
        }
        let mut cells = frags
            .into_iter()
            .map(|(p, _)| read_cell("总分", &p.text, p.span, p.line).ok().flatten());
        table.stated_weights_total = cells.next().flatten();
        table.stated_total = cells.next().flatten();
        table.span.1 = table.span.1.max(end);
    }
}

/// Whether a token can begin a row's values: a comparator or a qualitative word.
fn may_start_row(raw: &str) -> bool {
    raw.chars()
        .next()
        .map(normalize_char)
        .is_some_and(|c| matches!(c, '>' | '<' | '=' | '≥' | '≤' | '≧' | '≦'))
        || vocab::is_qualitative_word(raw)
}

fn set_level(level1: &mut String, level2: &mut String, label: &str, kind: LabelKind) {
    match kind {
        LabelKind::Level1 => *level1 = label.to_string(),
        LabelKind::Level2 => *level2 = label.to_string(),
        LabelKind::Both => {
            *level1 = label.to_string();
            *level2 = label.to_string();
        }
        LabelKind::Noise => {}
    }
}
