//! A review as the lines a person reads: every judged figure (claims, the tables' scoring), every part
//! that could not be read and every figure left unchecked, each placed at line:column of the document.

use juesuan::report::FindingKind;
use juesuan::{Review, Verdict};
use std::collections::HashSet;

/// What a line says about its figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Judged(Verdict),
    /// A part of the input that could not be read.
    Problem,
    /// A figure of the text that no claim used.
    Unchecked,
}

impl Mark {
    /// The order of the text report: ✗ first, then what needs a look, then what only informs.
    pub fn rank(self) -> u8 {
        match self {
            Mark::Judged(Verdict::Mismatch) => 0,
            Mark::Judged(Verdict::Rounding) => 1,
            Mark::Judged(Verdict::Notice) => 2,
            Mark::Problem => 3,
            Mark::Judged(Verdict::NotComputable) => 4,
            Mark::Unchecked => 5,
            Mark::Judged(Verdict::Ok) => 6,
        }
    }

    /// Symbol and word, as the page shows them.
    pub fn title(self) -> &'static str {
        match self {
            Mark::Judged(Verdict::Mismatch) => "✗ 不一致",
            Mark::Judged(Verdict::Rounding) => "≈ 尾差",
            Mark::Judged(Verdict::Notice) => "! 提示",
            Mark::Judged(Verdict::NotComputable) => "— 无法计算",
            Mark::Judged(Verdict::Ok) => "✓ 一致",
            Mark::Problem => "? 无法读取",
            Mark::Unchecked => "· 未核对",
        }
    }
}

/// One line of a report.
#[derive(Debug, Clone)]
pub struct Item {
    pub mark: Mark,
    /// 1-based line and column (in characters) of the figure, when the report places it.
    pub at: Option<(usize, usize)>,
    /// What kind of statement (合计, 增长率, 自评表评分 …).
    pub kind: String,
    pub stated: Option<String>,
    pub recomputed: Option<String>,
    pub difference: Option<String>,
    /// The explanation, in Chinese.
    pub message: String,
    pub diagnosis: Option<String>,
    /// The standard tables' rule (T2-2, X-05 …).
    pub rule: Option<String>,
    /// Start offset in chars, to keep document order.
    start: usize,
}

/// Line starts of a text, in chars, to turn the report's char offsets into line:column.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        for (i, c) in text.chars().enumerate() {
            if c == '\n' {
                starts.push(i + 1);
            }
        }
        Lines(starts)
    }

    fn at(&self, offset: usize) -> (usize, usize) {
        let line = self.0.partition_point(|&s| s <= offset).max(1);
        let start = self.0.get(line - 1).copied().unwrap_or(0);
        (line, offset - start + 1)
    }
}

fn item(mark: Mark, kind: &str, message: String, span: Option<[usize; 2]>) -> Item {
    Item {
        mark,
        at: None,
        kind: kind.to_string(),
        stated: None,
        recomputed: None,
        difference: None,
        message,
        diagnosis: None,
        rule: None,
        start: span.map_or(usize::MAX, |s| s[0]),
    }
}

/// Every line of a review in document order. A scored indicator row is said once: by its finding when
/// scoring made one for its row, else by the row itself.
pub fn items(review: &Review, text: &str) -> Vec<Item> {
    let mut out = Vec::new();
    for c in &review.claims {
        let table = c.table.and_then(|t| review.tables.get(t));
        let message = match table {
            Some(t) => format!("〔{}〕{}", t.name, c.message),
            None => c.message.clone(),
        };
        let mut i = item(Mark::Judged(c.verdict), c.title, message, Some(c.span));
        i.stated = Some(c.stated.clone());
        i.recomputed = c.recomputed.clone();
        i.difference = c.difference.clone();
        i.diagnosis = c.diagnosis.clone();
        i.rule = c.rule.clone();
        out.push(i);
    }
    for t in &review.tables {
        let said: HashSet<usize> = t
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::IndicatorScore)
            .filter_map(|f| f.row)
            .collect();
        for f in &t.findings {
            let message = format!("〔{}〕{}", t.name, f.message);
            out.push(item(Mark::Judged(f.verdict), "自评表评分", message, f.span));
        }
        for r in t.indicators.iter().filter(|r| !said.contains(&r.row)) {
            let message = format!(
                "〔{}〕第 {} 行“{}”：{}",
                t.name, r.row, r.indicator, r.message
            );
            let mut i = item(Mark::Judged(r.verdict), "指标得分", message, Some(r.span));
            i.stated = r.stated_score.clone();
            i.recomputed = r.score.clone();
            out.push(i);
        }
        for p in &t.problems {
            let message = format!("〔{}〕{}", t.name, p.message);
            out.push(item(Mark::Problem, "自评表", message, Some(p.span)));
        }
    }
    for p in &review.problems {
        out.push(item(Mark::Problem, "无法读取", p.message.clone(), p.span));
    }
    for u in &review.unchecked {
        let mut i = item(Mark::Unchecked, "未核对", u.reason.clone(), Some(u.span));
        i.stated = Some(format!(
            "{}{}",
            juesuan::num::decimal::text(u.value.0),
            u.unit
        ));
        out.push(i);
    }
    out.sort_by_key(|i| i.start);
    let lines = Lines::new(text);
    for i in &mut out {
        if i.start != usize::MAX {
            i.at = Some(lines.at(i.start));
        }
    }
    out
}

/// Counts for the summary table: the lines of [`items`], by mark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    /// Judged figures (every verdict).
    pub judged: usize,
    pub ok: usize,
    pub mismatch: usize,
    pub rounding: usize,
    pub notice: usize,
    pub not_computable: usize,
    pub unchecked: usize,
    pub problems: usize,
}

impl Tally {
    pub fn of(items: &[Item]) -> Tally {
        let mut t = Tally::default();
        for i in items {
            match i.mark {
                Mark::Judged(v) => {
                    t.judged += 1;
                    match v {
                        Verdict::Ok => t.ok += 1,
                        Verdict::Mismatch => t.mismatch += 1,
                        Verdict::Rounding => t.rounding += 1,
                        Verdict::Notice => t.notice += 1,
                        Verdict::NotComputable => t.not_computable += 1,
                    }
                }
                Mark::Problem => t.problems += 1,
                Mark::Unchecked => t.unchecked += 1,
            }
        }
        t
    }

    pub fn add(&mut self, o: &Tally) {
        self.judged += o.judged;
        self.ok += o.ok;
        self.mismatch += o.mismatch;
        self.rounding += o.rounding;
        self.notice += o.notice;
        self.not_computable += o.not_computable;
        self.unchecked += o.unchecked;
        self.problems += o.problems;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_line_and_column_in_chars() {
        let lines = Lines::new("一二\r\n三四五\n\n六");
        assert_eq!(lines.at(0), (1, 1));
        assert_eq!(lines.at(2), (1, 3));
        assert_eq!(lines.at(4), (2, 1));
        assert_eq!(lines.at(6), (2, 3));
        assert_eq!(lines.at(9), (4, 1));
    }
}
