//! The header of a year-series table: its cells from one or two lines, what each column holds, and
//! whether a header broken over two lines lines up with the figures under it.

use super::{key, ColumnKind, Piece, SeriesColumn};

/// Whether a header cell is only a unit in brackets or a % sign, to be joined to the cell before it.
fn unit_only(k: &str) -> bool {
    matches!(k, "%" | "％")
        || ((k.starts_with('(') || k.starts_with('（'))
            && (k.ends_with(')') || k.ends_with('）'))
            && k.chars().count() <= 6)
}

/// A header's cells from one or two lines, read left to right, units joined to the cell before them:
/// (name, first char, end char).
pub(super) fn header_cells(lines: &[&str]) -> Vec<(String, usize, usize)> {
    let mut ps: Vec<Piece> = lines.iter().flat_map(|l| super::pieces(l)).collect();
    ps.sort_by_key(|p| p.1);
    let mut out: Vec<(String, usize, usize)> = Vec::new();
    for (t, a, b) in ps {
        let k = key(t);
        match out.last_mut() {
            Some(last) if unit_only(&k) => {
                last.0.push_str(&k);
                last.2 = last.2.max(b);
            }
            _ => out.push((k, a, b)),
        }
    }
    out
}

/// What a header cell names.
fn kind_of(name: &str) -> ColumnKind {
    let percent = name.contains('%') || name.contains('％');
    let growth_word = ["增长", "增幅", "增速", "增减", "同比"]
        .iter()
        .any(|w| name.contains(w));
    let other_word = ["占", "比重", "百分点", "率", "降", "减", "增", "%", "％"]
        .iter()
        .any(|w| name.contains(w));
    if growth_word
        && !["占", "比重", "百分点"].iter().any(|w| name.contains(w))
        && (percent || name.ends_with('率') || name.contains("增幅") || name.contains("增速"))
    {
        // the column it is the growth of is settled by the header as a whole
        ColumnKind::Growth { of: usize::MAX }
    } else if other_word {
        ColumnKind::Other
    } else {
        ColumnKind::Amount
    }
}

/// The unit a header cell names.
fn unit_of(name: &str) -> &'static str {
    ["亿元", "万元", "元", "%"]
        .into_iter()
        .find(|u| name.contains(u) || (*u == "%" && name.contains('％')))
        .unwrap_or("")
}

/// The figure columns a header names, when its first cell names the years and it has a growth column. A
/// growth column is placed only when it stands just right of an amount column with no other amount before
/// it (so which amount it is the growth of is plain).
pub(super) fn columns(cells: &[(String, usize, usize)]) -> Option<Vec<SeriesColumn>> {
    let (first, rest) = cells.split_first()?;
    if !["年份", "年度", "年", "时间"].contains(&first.0.as_str()) {
        return None;
    }
    let mut out: Vec<SeriesColumn> = rest
        .iter()
        .map(|(name, ..)| SeriesColumn {
            name: name.clone(),
            kind: kind_of(name),
            unit: unit_of(name).to_string(),
        })
        .collect();
    for i in 0..out.len() {
        if out[i].kind != (ColumnKind::Growth { of: usize::MAX }) {
            continue;
        }
        let amount_before = i
            .checked_sub(1)
            .filter(|&j| out[j].kind == ColumnKind::Amount)
            // two amounts side by side before a growth: whose growth it is is not plain
            .filter(|&j| j == 0 || out[j - 1].kind != ColumnKind::Amount);
        out[i].kind =
            amount_before.map_or(ColumnKind::UnplacedGrowth, |of| ColumnKind::Growth { of });
    }
    // a table with a growth column is cut out even when no growth can be placed: its figures are then
    // listed with the reason, not glued by the narrative's reader
    out.iter()
        .any(|c| {
            matches!(
                c.kind,
                ColumnKind::Growth { .. } | ColumnKind::UnplacedGrowth
            )
        })
        .then_some(out)
}

/// Whether each header cell overlaps (within two chars) the char range its column's figures take.
pub(super) fn aligned(cells: &[(String, usize, usize)], rows: &[Vec<Piece>]) -> bool {
    cells.iter().enumerate().all(|(k, &(_, a, b))| {
        let col = rows.iter().filter_map(|r| r.get(k));
        let (lo, hi) = col.fold((usize::MAX, 0), |(lo, hi), p| (lo.min(p.1), hi.max(p.2)));
        lo < hi && a < hi + 2 && lo < b + 2
    })
}
