//! The header of a comparison table: which column is compared with which, and what each derived column
//! is. A header is recognised only when every cell has one meaning — a label, exactly two measure columns
//! (two years, 上年/本年, 预算/决算) and derived columns (增减额, 差额, 增减率, 完成率 …) — so a line of prose
//! can never pass for one, and a header read wrongly cannot put figures under the wrong formula.

use super::cells::{pieces, Piece};
use super::words::{classify, key, Kind, Measure, RateWord, LABELS};
use crate::num::rates::RateKind;

/// What the two measure columns are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pair {
    /// Two periods (两个年度, 上年/本年): the derived columns are changes and growth rates.
    Period,
    /// 预算 and 决算 (执行数, 实际数): differences and completion / execution / variance rates.
    Budget,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The column compared against: the earlier period, 上年, 预算.
    Base,
    /// The other: the later period, 本年, 决算.
    Current,
    /// A change. `sign_known`: it is current − base (增减); false for a budget table's bare 差额, which some
    /// write 决算 − 预算 and others 预算 − 决算.
    Change { sign_known: bool },
    /// A rate of the two columns, in percent.
    Rate(RateKind),
    /// A derived column that does not fit the pair (完成率 between two years): never checked.
    Other,
}

/// One column of figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The header as written, white space removed.
    pub name: String,
    /// What it holds.
    pub role: Role,
}

/// A recognised header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// How the measures compare.
    pub pair: Pair,
    /// The figure columns, left to right.
    pub columns: Vec<Column>,
    /// How many cells before the first figure column hold the row's label (序号, 项目) in a row of tabs or bars.
    pub label_cells: usize,
    /// A unit written in the header (本年数（万元）), else empty.
    pub unit: String,
    /// How many lines the header takes (a group header such as "2017比2016增减" over "增减值 增减%" takes two).
    pub lines: usize,
}

/// The cells of a header line: a year split from its 年 ("2016 年度") and a lone "%" are joined to the
/// cell before them, since a PDF or a web page may space them apart. Cells of tabs or bars keep their
/// empty cells (their positions matter); spaced text has none.
fn header_cells(line: &str) -> (bool, Vec<String>) {
    let (form, ps) = pieces(line);
    let mut out: Vec<String> = Vec::new();
    for Piece { text, .. } in ps {
        let glue = !text.is_empty()
            && out.last().is_some_and(|last: &String| {
                (last.len() == 4
                    && last.chars().all(|c| c.is_ascii_digit())
                    && text.starts_with('年'))
                    || matches!(text, "%" | "(%)" | "（%）")
            });
        match out.last_mut() {
            Some(last) if glue => last.push_str(text),
            _ => out.push(text.to_string()),
        }
    }
    (form.is_positional(), out)
}

/// The pair two measures make, and whether the first is the base.
fn pair(a: (Option<u32>, Measure), b: (Option<u32>, Measure)) -> Option<(Pair, bool)> {
    use Measure::*;
    match (a, b) {
        ((Some(x), _), (Some(y), _)) if x != y => Some((Pair::Period, x < y)),
        ((ya, ma), (yb, mb)) if ya == yb => match (ma, mb) {
            (Prior, Current) => Some((Pair::Period, true)),
            (Current, Prior) => Some((Pair::Period, false)),
            (Budget, Actual) => Some((Pair::Budget, true)),
            (Actual, Budget) => Some((Pair::Budget, false)),
            _ => None,
        },
        _ => None,
    }
}

/// A derived column as read: its name, its kind, and the words that tell its sign (its own and its
/// group's: "金额" under "决算比预算增减").
type Derived = (String, Kind, String);

/// The leaves of a header's second line, when every cell of it is one.
fn leaves(line: &str) -> Option<Vec<(String, Kind)>> {
    let (_, cells) = header_cells(line);
    let leaves: Option<Vec<(String, Kind)>> = cells
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| {
            let (k, _) = key(c);
            match classify(&k) {
                Some(kind @ (Kind::Change | Kind::Rate(_) | Kind::Leaf(_))) => Some((k, kind)),
                _ => None,
            }
        })
        .collect();
    leaves.filter(|l| !l.is_empty())
}

/// The header starting at line `first` (`next` is the line after it), when it is one.
pub fn read(first: &str, next: Option<&str>) -> Option<Header> {
    // Cheap refusal: every header names a derived column.
    if !["增", "差", "率", "%", "％", "比", "变", "幅"]
        .iter()
        .any(|w| first.contains(w) || next.is_some_and(|n| n.contains(w)))
    {
        return None;
    }
    let (positional, cells) = header_cells(first);
    let keys: Vec<(String, &str)> = cells.iter().map(|c| key(c)).collect();
    let kinds: Vec<Option<Kind>> = keys.iter().map(|(k, _)| classify(k)).collect();
    let at = kinds
        .iter()
        .position(|k| matches!(k, Some(Kind::Measure(..))))?;
    // the label: whatever precedes the measures, once joined ("项 目"), must name the rows
    let label: String = keys[..at].iter().map(|(k, _)| k.as_str()).collect();
    if !label.is_empty() && !LABELS.iter().any(|w| label.contains(w)) {
        return None;
    }
    let (Some(Kind::Measure(ya, ma)), Some(Some(Kind::Measure(yb, mb)))) =
        (kinds[at], kinds.get(at + 1).copied())
    else {
        return None;
    };
    let (pair, a_is_base) = pair((ya, ma), (yb, mb))?;
    // after the measures: derived columns only, then nothing but empty trailing cells
    let used = keys.len() - keys.iter().rev().take_while(|(k, _)| k.is_empty()).count();
    let mut derived: Vec<Derived> = Vec::new();
    for i in at + 2..used {
        match kinds[i] {
            Some(k @ (Kind::Change | Kind::Rate(_) | Kind::Group)) => {
                derived.push((keys[i].0.clone(), k, keys[i].0.clone()))
            }
            _ => return None,
        }
    }
    let mut lines = 1;
    match (derived.last().cloned(), next.and_then(leaves)) {
        // the leaves under the last header ("2017比2016增减" over "增减值 增减%")
        (Some((group, Kind::Change | Kind::Group, _)), Some(under)) => {
            derived.pop();
            for (k, kind) in under {
                let kind = match kind {
                    Kind::Leaf(false) => Kind::Change,
                    Kind::Leaf(true) => Kind::Rate(RateWord::Change),
                    other => other,
                };
                derived.push((k.clone(), kind, format!("{group}{k}")));
            }
            lines = 2;
        }
        // the derived headers broken onto the next line
        (None, Some(under)) if under.iter().all(|(_, k)| !matches!(k, Kind::Leaf(_))) => {
            derived = under
                .into_iter()
                .map(|(k, kind)| (k.clone(), kind, k))
                .collect();
            lines = 2;
        }
        _ => {}
    }
    if derived.is_empty() || derived.iter().any(|(_, k, _)| *k == Kind::Group) {
        return None;
    }
    let (ra, rb) = if a_is_base {
        (Role::Base, Role::Current)
    } else {
        (Role::Current, Role::Base)
    };
    let mut columns = vec![
        Column {
            name: keys[at].0.clone(),
            role: ra,
        },
        Column {
            name: keys[at + 1].0.clone(),
            role: rb,
        },
    ];
    columns.extend(derived.into_iter().map(|(name, kind, words)| {
        let role = match (kind, pair) {
            (Kind::Change, Pair::Period) => Role::Change { sign_known: true },
            // 决算比预算增减 is current − base; a bare 差额 / 差异 is either way round
            (Kind::Change, Pair::Budget) => Role::Change {
                sign_known: ["增减", "增加", "增长", "变动", "比预算", "较预算"]
                    .iter()
                    .any(|w| words.contains(w)),
            },
            (Kind::Rate(RateWord::Change), Pair::Period) => Role::Rate(RateKind::Growth),
            (Kind::Rate(RateWord::Change), Pair::Budget) => Role::Rate(RateKind::Variance),
            (Kind::Rate(RateWord::Completion), Pair::Budget) => Role::Rate(RateKind::Completion),
            (Kind::Rate(RateWord::Execution), Pair::Budget) => Role::Rate(RateKind::Execution),
            _ => Role::Other,
        };
        Column { name, role }
    }));
    let unit = keys
        .iter()
        .map(|(_, u)| *u)
        .find(|u| !u.is_empty())
        .unwrap_or("")
        .to_string();
    Some(Header {
        pair,
        columns,
        // a row of tabs or bars keeps the header's label cells; spaced text has one label
        label_cells: if positional { at.max(1) } else { 1 },
        unit,
        lines,
    })
}
