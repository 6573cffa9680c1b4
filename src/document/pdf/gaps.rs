//! The tokens between two rows' values: the previous row's 偏差原因 (or the rest of its name), category
//! labels (一级 / 二级指标, possibly broken over lines), and the next row's name.

use super::super::table::{read_cell, IndicatorRow, Problem};
use super::super::template;
use super::super::vocab::{self, LabelKind};
use super::rows::Found;
use super::{Layout, Piece, Region};

/// A row being read: its name may continue, and a category label split around its values may still complete.
pub(super) struct Building {
    pub row: IndicatorRow,
    pending: Option<String>,
    continues: bool,
}

/// A category label found in a gap, or a token of text.
type Item = Result<(String, LabelKind), usize>;

/// Labels are at most 11 chars (偏差原因分析及改进措施).
const LONGEST_LABEL: usize = 11;

impl Region<'_> {
    /// Splits tokens `a..b` between two rows' values (`found` is the second row, None after the last):
    /// the previous row's 偏差原因, category labels, the next row's name.
    pub(super) fn gap(
        &self,
        (a, b): (usize, usize),
        found: Option<Found>,
        rows: &mut Vec<Building>,
        levels: &mut (String, String),
        layout: Layout,
        problems: &mut Vec<Problem>,
    ) {
        let b = b.max(a);
        let concat = |s: &[usize]| s.iter().map(|&i| self.raw(i)).collect::<String>();
        let mut k = a;
        if let Some(prev) = rows.last_mut() {
            if let Some(p) = prev.pending.take() {
                k = self.complete_label(&p, a, b, prev, levels);
            }
        }
        let items = self.items(k, b);
        let first_label = items.iter().position(Result::is_ok);
        let last_label = items.iter().rposition(Result::is_ok);
        let texts = |r: &[Item]| -> Vec<usize> {
            r.iter().filter_map(|x| x.as_ref().err().copied()).collect()
        };
        let (mut lead, mut trailing) = match (first_label, last_label) {
            (Some(f), Some(l)) => (
                texts(items.get(..f).unwrap_or(&[])),
                texts(items.get(l + 1..).unwrap_or(&[])),
            ),
            _ if found.is_some() => {
                let all = texts(&items);
                let at = self.reason_split(&all, rows.last(), layout);
                (
                    all.get(..at).unwrap_or(&[]).to_vec(),
                    all.get(at..).unwrap_or(&[]).to_vec(),
                )
            }
            _ => (texts(&items), Vec::new()),
        };
        for (l, kind) in items.iter().filter_map(|x| x.as_ref().ok()) {
            set_level(&mut levels.0, &mut levels.1, l, *kind);
        }
        // A label begun before the values (`社会 努力使…`, `经济⏎成本⏎其他支出成本`).
        let mut pending = None;
        if found.is_some() {
            // After a label only its first tokens can begin another; without one, any run can.
            let top = if first_label.is_some() {
                1
            } else {
                trailing.len()
            };
            'outer: for p in (0..top).rev() {
                for n in (1..=3).rev() {
                    let Some(run) = trailing.get(p..p + n).filter(|_| p + n < trailing.len())
                    else {
                        continue;
                    };
                    let l = concat(run);
                    if vocab::is_label_prefix(&l) {
                        if layout.has_reason && first_label.is_none() {
                            lead.extend(trailing.get(..p).unwrap_or(&[]));
                        }
                        trailing = trailing.get(p + n..).unwrap_or(&[]).to_vec();
                        pending = Some(l);
                        break 'outer;
                    }
                }
            }
        }
        if let Some(prev) = rows.last_mut() {
            self.close(prev, &lead, layout);
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
            weight: f.weight.as_ref().and_then(|w| cell(w, "分值")),
            stated_score: cell(&f.score, "得分"),
            span: (start, f.score.span.1),
            target_text: f.target.text,
            actual_text: f.actual.text,
            reason: String::new(),
        };
        rows.push(Building {
            row,
            pending,
            continues: false,
        });
    }

    /// Where the text between two rows with no label between them splits into the previous row's
    /// 偏差原因 and the next row's name. A row that lost points usually says why, and a PDF copied as one
    /// long line runs that reason straight into the next name: the name is then the last token (with the
    /// one before it when the last is a stray tail such as `数`). A row with full marks gives its text
    /// to the next name, as before.
    fn reason_split(&self, all: &[usize], prev: Option<&Building>, layout: Layout) -> usize {
        let lost = prev.is_some_and(|b| match (&b.row.weight, &b.row.stated_score) {
            (Some(w), Some(s)) => s.figure.value < w.figure.value && b.row.reason.is_empty(),
            _ => false,
        });
        if !layout.has_reason || !lost || all.len() < 2 {
            return 0;
        }
        let tail = all
            .last()
            .and_then(|&i| self.tok(i))
            .is_some_and(|t| t.chars() <= 2);
        if tail && all.len() >= 3 {
            all.len() - 2
        } else {
            all.len() - 1
        }
    }

    /// Completes the label `p` that the previous row began before its values with the first tokens of
    /// `a..b` (`经济` + `成本指标`); returns where the rest of the gap begins.
    fn complete_label(
        &self,
        p: &str,
        a: usize,
        b: usize,
        prev: &mut Building,
        levels: &mut (String, String),
    ) -> usize {
        let done = (1..=3.min(b - a)).find_map(|n| {
            let mut l = p.to_string();
            (a..a + n).for_each(|i| l.push_str(self.raw(i)));
            vocab::label_kind(&l).map(|kind| (n, l, kind))
        });
        match done {
            Some((n, l, kind)) => {
                prev.continues = true;
                set_level(&mut prev.row.level1, &mut prev.row.level2, &l, kind);
                set_level(&mut levels.0, &mut levels.1, &l, kind);
                a + n
            }
            None => {
                if let Some(l) = vocab::unique_completion(p) {
                    prev.row.level2 = l.to_string();
                    levels.1 = l.to_string();
                }
                a
            }
        }
    }

    /// Tokens `k..b` as labels (the longest run of whole tokens that spells one) and single tokens.
    fn items(&self, mut k: usize, b: usize) -> Vec<Item> {
        let mut items: Vec<Item> = Vec::new();
        let mut run = String::new();
        while k < b {
            run.clear();
            let mut chars = 0;
            // (tokens, bytes, kind) of the longest label.
            let mut label = None;
            for (n, i) in (k..b).enumerate() {
                let Some(t) = self.tok(i) else { break };
                run.push_str(t.raw);
                chars += t.chars();
                // A run that no label begins with cannot grow into one.
                if chars > LONGEST_LABEL || !vocab::begins_label(&run) {
                    break;
                }
                if let Some(kind) = vocab::label_kind(&run) {
                    label = Some((n + 1, run.len(), kind));
                }
            }
            match label {
                Some((n, len, kind)) => {
                    items.push(Ok((run.get(..len).unwrap_or("").to_string(), kind)));
                    k += n;
                }
                None => {
                    // a template's own 二级指标 name ("群众满意度指标") is a label too
                    match self.tok(k).and_then(|t| template::label_of(t.raw)) {
                        Some((l, kind)) if l.chars().count() >= 5 => items.push(Ok((l, kind))),
                        _ => items.push(Err(k)),
                    }
                    k += 1;
                }
            }
        }
        items
    }

    /// Gives the previous row the text before the next label: the rest of its name, or its 偏差原因.
    fn close(&self, prev: &mut Building, lead: &[usize], layout: Layout) {
        // Stray pieces of labels (`指标`, `标`) are captions broken by the PDF, not text.
        let kept: Vec<usize> = lead
            .iter()
            .copied()
            .filter(|&i| {
                !self.tok(i).is_some_and(|t| {
                    t.chars() <= 4
                        && (vocab::is_label_piece(t.raw) || vocab::label_kind(t.raw).is_some())
                })
            })
            .collect();
        let text = self.join(&kept);
        if prev.continues || !layout.has_reason {
            prev.row.indicator.push_str(&text);
        } else if !text.is_empty() {
            prev.row.reason = text;
        }
        if let Some(t) = kept.last().and_then(|&last| self.tok(last)) {
            prev.row.span.1 = prev.row.span.1.max(t.end);
        }
    }
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
