//! Totals against their numbered parts: "(一) 收入总计" over "1. … 2. … 3. … 4. …", in every amount column
//! (the two measures and the 增减 column, which adds up like them). The hierarchy is taken from the
//! numbering only, in the usual order 一、 > (一) > 1. > (1) > ①, and only when it is clear: the parts of a
//! total are numbered 1, 2, 3 … at one level with no unnumbered row among them. A total whose label does
//! not say it is one (合计, 总计 …), or whose parts begin "其中", may list only some parts: its mismatch
//! is a 提示, not a ✗.

use super::{row_name, Judge};
use crate::document::compare::{Cell, Cells, Role, Row};
use crate::num::verdict::{check_sum, Verdict};
use crate::rules::claim::{Claim, ClaimKind, Source};

const TOTAL_WORDS: [&str; 6] = ["合计", "总计", "小计", "总额", "总数", "共计"];

fn is_total(label: &str) -> bool {
    let compact: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    TOTAL_WORDS.iter().any(|w| compact.contains(w))
}

/// The children of every row, by the numbering; and whether an unnumbered row with figures sits among a
/// row's children (then its parts are not known). An unnumbered total (合计, 总计) stands above every
/// numbered row: its parts are the numbered rows after it, or, when none follow, the numbered rows
/// before it — only when it is the table's first such total, since its parts then start at the table's
/// first row.
fn hierarchy(rows: &[Row]) -> (Vec<Vec<usize>>, Vec<bool>) {
    let mut children = vec![Vec::new(); rows.len()];
    let mut unclear = vec![false; rows.len()];
    let mut open: Vec<(usize, u8)> = Vec::new();
    let mut first_total: Option<usize> = None;
    for (i, r) in rows.iter().enumerate() {
        let figures = !r.figures().is_empty();
        let depth = match r.marker {
            Some(m) => Some(m.depth),
            None if figures && is_total(&r.label) => Some(0),
            None => None,
        };
        match depth {
            Some(d) => {
                while open.last().is_some_and(|&(_, o)| o >= d) {
                    open.pop();
                }
                if let Some(&(p, _)) = open.last() {
                    children[p].push(i);
                }
                if d == 0 && first_total.is_none() {
                    first_total = Some(i);
                }
                open.push((i, d));
            }
            None if figures => {
                if let Some(&(p, _)) = open.last() {
                    unclear[p] = true;
                }
            }
            None => {}
        }
    }
    if let (Some(t), Some(before)) = (first_total, top_before(rows, first_total)) {
        if children[t].is_empty() {
            children[t] = before;
        } else if !before.is_empty() {
            // numbered rows both before and after it: which are its parts is not clear
            unclear[t] = true;
        }
    }
    (children, unclear)
}

/// The numbered rows with no parent before row `until`, when no unnumbered row with figures is among
/// them.
fn top_before(rows: &[Row], until: Option<usize>) -> Option<Vec<usize>> {
    let until = until?;
    let mut out = Vec::new();
    let mut shallowest = u8::MAX;
    for r in &rows[..until] {
        match r.marker {
            Some(m) => shallowest = shallowest.min(m.depth),
            None if !r.figures().is_empty() => return None,
            None => {}
        }
    }
    for (i, r) in rows[..until].iter().enumerate() {
        if r.marker.is_some_and(|m| m.depth == shallowest) {
            out.push(i);
        }
    }
    Some(out)
}

/// The figures a part gives a column, or why it gives none.
fn part_of<'r>(child: &'r Row, ci: usize, column: &str) -> Result<Vec<&'r Cell>, String> {
    match &child.cells {
        Cells::Placed(cs) => match cs.get(ci).and_then(Option::as_ref) {
            Some(c) => Ok(vec![c]),
            None => Err(format!("分项{}的“{column}”为空", row_name(child))),
        },
        // 0 in whichever column it stands, nothing in the others
        Cells::Zeros(cs) => Ok(cs.iter().collect()),
        Cells::Heading => Err(format!("分项{}没有数", row_name(child))),
        Cells::Unplaced(_) | Cells::Malformed(..) => {
            Err(format!("分项{}的数无法对齐到列", row_name(child)))
        }
    }
}

fn label_after_marker(label: &str) -> String {
    let t = label.trim();
    let t = t.trim_start_matches(|c: char| {
        c.is_ascii_digit() || "一二三四五六七八九十、.．()（）①②③④⑤⑥⑦⑧⑨⑩ ".contains(c)
    });
    t.to_string()
}

/// Every total's claims.
pub(super) fn sums(j: &mut Judge<'_>) {
    let t = j.t;
    let rows = &t.rows;
    let (children, unclear) = hierarchy(rows);
    for (pi, kids) in children.iter().enumerate() {
        let parent = &rows[pi];
        let Cells::Placed(totals) = &parent.cells else {
            continue;
        };
        if kids.is_empty() {
            continue;
        }
        let markers: Vec<_> = kids.iter().filter_map(|&k| rows[k].marker).collect();
        let numbered = markers.len() == kids.len()
            && markers.iter().all(|m| m.depth == markers[0].depth)
            && markers.iter().zip(1..).all(|(m, n)| m.ordinal == n);
        let why = if unclear[pi] {
            Some(format!(
                "{}之下有未编号的行，无法确定其分项，未核对合计",
                row_name(parent)
            ))
        } else if !numbered {
            Some(format!(
                "{}的分项编号不连续或层级不一，无法确定其分项，未核对合计",
                row_name(parent)
            ))
        } else {
            None
        };
        if let Some(why) = why {
            for c in totals.iter().flatten() {
                j.reason(c, why.clone());
            }
            continue;
        }
        let partial = !is_total(&parent.label)
            || kids
                .iter()
                .any(|&k| label_after_marker(&rows[k].label).starts_with("其中"));
        let mut reported = false;
        for (ci, col) in t.columns.iter().enumerate() {
            if !matches!(col.role, Role::Base | Role::Current | Role::Change { .. }) {
                continue;
            }
            let Some(total) = totals.get(ci).and_then(Option::as_ref) else {
                continue;
            };
            let parts: Result<Vec<(&Row, &Cell)>, String> = kids
                .iter()
                .map(|&k| {
                    part_of(&rows[k], ci, &col.name)
                        .map(|cs| cs.into_iter().map(move |c| (&rows[k], c)))
                })
                .try_fold(Vec::new(), |mut acc, cs| {
                    acc.extend(cs?);
                    Ok(acc)
                });
            let parts = match parts {
                Ok(p) => p,
                Err(why) => {
                    j.reason(total, format!("{why}，无法核对“{}”的合计", col.name));
                    // said once per total, even when its cells were judged by their own row
                    if !reported {
                        reported = true;
                        j.problem(parent, format!("{}的合计未核对：{why}", row_name(parent)));
                    }
                    continue;
                }
            };
            let figures: Vec<_> = parts.iter().map(|(_, c)| c.figure.clone()).collect();
            let mut check = match check_sum(&total.figure, &figures) {
                Ok(c) => c,
                Err(e) => {
                    j.problem(parent, format!("{}：{e}", row_name(parent)));
                    continue;
                }
            };
            let notice = partial && check.verdict == Verdict::Mismatch;
            if notice {
                check.verdict = Verdict::Notice;
            }
            let mut inputs = vec![Source {
                name: parent.label.trim().to_string(),
                value: total.figure.value,
                span: Some(total.span),
            }];
            inputs.extend(parts.iter().map(|(r, c)| Source {
                name: r.label.trim().to_string(),
                value: c.figure.value,
                span: Some(c.span),
            }));
            // parts may stand before their total (合计 as the last row)
            let cells = || parts.iter().map(|(_, c)| c.span).chain([total.span]);
            let span = (
                cells().map(|s| s.0).min().unwrap_or(total.span.0),
                cells().map(|s| s.1).max().unwrap_or(total.span.1),
            );
            let mut claim = Claim::new(ClaimKind::Sum, check, span, inputs, &t.unit);
            claim.context = Some(col.name.clone());
            if notice {
                claim.message = Some(crate::report::wording::partial_list(
                    &claim.check,
                    &claim.unit,
                ));
            }
            j.claims.push((usize::MAX, claim));
        }
    }
}
