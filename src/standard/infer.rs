//! Which column each number of a row is in, when the paste dropped the blank cells.
//!
//! A row with fewer numbers than columns gets every order-preserving placement of its numbers that keeps the
//! row's own identity (合计 = Σ parts) within rounding; then the parent/child column sums of its family
//! (合计 = Σ类, 类 = Σ款, 款 = Σ项, column by column) remove the placements that no consistent choice of
//! the family uses. What still has more than one placement stays ambiguous: its undecided cells are not
//! checked. Nothing here picks a placement by preference.

use super::kinds::Col;
use super::model::Row;
use super::num::{add, sub, Decimal};

/// A linear identity Σ sign·column = 0 that each row of a table obeys.
pub(crate) type Identity = Vec<(Col, i8)>;

/// Half a unit in the last place of a number written with `scale` decimals.
pub(crate) fn half(scale: u32) -> Decimal {
    Decimal::new(5, scale.saturating_add(1).min(28))
}

/// The value in `col` under `reading` (0 when blank) and its half-width (0 when blank).
pub(crate) fn value_of(row: &Row, reading: &[Col], col: Col) -> (Decimal, Decimal) {
    reading
        .iter()
        .position(|c| *c == col)
        .and_then(|i| row.values.get(i).cloned().flatten())
        .filter(|a| !a.value.is_zero())
        .map_or((Decimal::ZERO, Decimal::ZERO), |a| (a.value, half(a.scale)))
}

/// Every order-preserving placement of `n` values into `cols` (C(m, n) of them).
pub(crate) fn placements(n: usize, cols: &[Col]) -> Vec<Vec<Col>> {
    fn go(n: usize, cols: &[Col], from: usize, cur: &mut Vec<Col>, out: &mut Vec<Vec<Col>>) {
        if cur.len() == n {
            out.push(cur.clone());
            return;
        }
        let need = n - cur.len();
        for i in from..cols.len() {
            if cols.len() - i < need {
                break;
            }
            cur.push(cols[i]);
            go(n, cols, i + 1, cur, out);
            cur.pop();
        }
    }
    let mut out = Vec::new();
    if n <= cols.len() {
        go(n, cols, 0, &mut Vec::with_capacity(n), &mut out);
    }
    out
}

/// Whether `row` under `reading` keeps `identity` within the rounding of its non-blank terms.
pub(crate) fn keeps(row: &Row, reading: &[Col], identity: &Identity) -> bool {
    let mut total = Decimal::ZERO;
    let mut band = Decimal::ZERO;
    for (col, sign) in identity {
        let (v, h) = value_of(row, reading, *col);
        let signed = if *sign < 0 { -v } else { v };
        match (add(total, signed), add(band, h)) {
            (Some(t), Some(b)) => {
                total = t;
                band = b;
            }
            _ => return false,
        }
    }
    total.abs() <= band
}

/// Sets a row's readings from its values: one positional reading when it has a value for every column,
/// else the placements that keep the identities (all placements when none does: the row is then wrong
/// under every reading, which the row rule reports). Returns a problem when there are more values than
/// columns.
pub(crate) fn initial_readings(
    row: &mut Row,
    cols: &[Col],
    identities: &[Identity],
) -> Option<String> {
    if row.values.len() > cols.len() {
        row.readings.clear();
        row.settle();
        return Some(format!(
            "行“{}”有 {} 个数，多于表的 {} 列，该行未核对",
            row.label(),
            row.values.len(),
            cols.len()
        ));
    }
    let all = placements(row.values.len(), cols);
    let fitting: Vec<Vec<Col>> = all
        .iter()
        .filter(|r| identities.iter().all(|id| keeps(row, r, id)))
        .cloned()
        .collect();
    row.readings = if row.values.len() == cols.len() || fitting.is_empty() {
        all
    } else {
        fitting
    };
    row.settle();
    None
}

/// Keeps the readings of `row` that `ok` accepts, if at least one is accepted. Returns whether it changed.
pub(crate) fn restrict(row: &mut Row, ok: impl Fn(&Row, &[Col]) -> bool) -> bool {
    if row.readings.len() < 2 {
        return false;
    }
    let kept: Vec<Vec<Col>> = row
        .readings
        .iter()
        .filter(|r| ok(row, r))
        .cloned()
        .collect();
    if kept.is_empty() || kept.len() == row.readings.len() {
        return false;
    }
    row.readings = kept;
    row.settle();
    true
}

/// A parent row and the rows that add up to it, column by column.
#[derive(Debug, Clone)]
pub(crate) struct Family {
    pub parent: usize,
    pub children: Vec<usize>,
}

/// Removes readings that no consistent choice of a family's readings uses, until nothing changes.
pub(crate) fn propagate(rows: &mut [Row], families: &[Family], cols: &[Col]) {
    for _ in 0..32 {
        let mut changed = false;
        for fam in families {
            changed |= prune_family(rows, fam, cols);
        }
        if !changed {
            break;
        }
    }
}

const BUDGET: usize = 200_000;
const MAX_FAMILY: usize = 200;
const MAX_UNDECIDED: usize = 40;

fn prune_family(rows: &mut [Row], fam: &Family, cols: &[Col]) -> bool {
    let members: Vec<usize> = std::iter::once(fam.parent)
        .chain(fam.children.iter().copied())
        .collect();
    if members
        .iter()
        .any(|&m| rows.get(m).is_none_or(|r| r.readings.is_empty()))
    {
        return false;
    }
    if members.iter().all(|&m| rows[m].readings.len() == 1) {
        return false;
    }
    // the search recurses once per member: keep the depth small whatever the paste
    let undecided = members
        .iter()
        .filter(|&&m| rows[m].readings.len() > 1)
        .count();
    if members.len() > MAX_FAMILY || undecided > MAX_UNDECIDED {
        return false;
    }
    let mut used: Vec<Vec<bool>> = members
        .iter()
        .map(|&m| vec![false; rows[m].readings.len()])
        .collect();
    let mut chosen = vec![0usize; members.len()];
    let mut budget = BUDGET;
    let nonneg = members.iter().all(|&m| {
        rows[m]
            .values
            .iter()
            .flatten()
            .all(|a| !a.value.is_sign_negative())
    });
    let slack = Decimal::new(1, 2) * Decimal::from(members.len());
    let prune = nonneg.then_some(slack);
    let found = search(
        rows,
        &members,
        cols,
        0,
        &mut chosen,
        &mut used,
        &mut budget,
        prune,
    );
    if budget == 0 || !found {
        return false;
    }
    let mut changed = false;
    for (k, &m) in members.iter().enumerate() {
        if used[k].iter().any(|u| !u) {
            let keep = std::mem::take(&mut rows[m].readings)
                .into_iter()
                .zip(used[k].iter())
                .filter(|(_, u)| **u)
                .map(|(r, _)| r)
                .collect();
            rows[m].readings = keep;
            rows[m].settle();
            changed = true;
        }
    }
    changed
}

#[allow(clippy::too_many_arguments)]
fn search(
    rows: &[Row],
    members: &[usize],
    cols: &[Col],
    k: usize,
    chosen: &mut Vec<usize>,
    used: &mut Vec<Vec<bool>>,
    budget: &mut usize,
    prune: Option<Decimal>,
) -> bool {
    if *budget == 0 {
        return false;
    }
    if let Some(slack) = prune {
        if k >= 2 && overshoots(rows, members, cols, &chosen[..k], slack) {
            return false;
        }
    }
    if k == members.len() {
        *budget -= 1;
        if consistent(rows, members, chosen, cols) {
            for (i, &c) in chosen.iter().enumerate() {
                used[i][c] = true;
            }
            return true;
        }
        return false;
    }
    let mut any = false;
    for r in 0..rows[members[k]].readings.len() {
        chosen[k] = r;
        any |= search(rows, members, cols, k + 1, chosen, used, budget, prune);
        if *budget == 0 {
            return false;
        }
    }
    any
}

/// With no negative values, a partial choice whose children already add up to more than the parent in
/// some column cannot become consistent.
fn overshoots(
    rows: &[Row],
    members: &[usize],
    cols: &[Col],
    chosen: &[usize],
    slack: Decimal,
) -> bool {
    cols.iter().any(|&col| {
        let (p, _) = value_of(
            &rows[members[0]],
            &rows[members[0]].readings[chosen[0]],
            col,
        );
        let mut s = Decimal::ZERO;
        for (k, &m) in members.iter().enumerate().take(chosen.len()).skip(1) {
            let (v, _) = value_of(&rows[m], &rows[m].readings[chosen[k]], col);
            match add(s, v) {
                Some(x) => s = x,
                None => return false,
            }
        }
        sub(s, p).is_some_and(|d| d > slack)
    })
}

fn consistent(rows: &[Row], members: &[usize], chosen: &[usize], cols: &[Col]) -> bool {
    cols.iter().all(|&col| {
        let (p, ph) = value_of(
            &rows[members[0]],
            &rows[members[0]].readings[chosen[0]],
            col,
        );
        let mut s = Decimal::ZERO;
        let mut band = ph;
        for (k, &m) in members.iter().enumerate().skip(1) {
            let (v, h) = value_of(&rows[m], &rows[m].readings[chosen[k]], col);
            match (add(s, v), add(band, h)) {
                (Some(a), Some(b)) => {
                    s = a;
                    band = b;
                }
                _ => return false,
            }
        }
        sub(p, s).is_some_and(|d| d.abs() <= band)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::standard::model::Amount;

    fn row(values: &[&str]) -> Row {
        let mut r = Row::new(None, "x".into(), None, (0, 0));
        r.values = values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                v.parse::<Decimal>().ok().map(|value| Amount {
                    value,
                    scale: value.scale(),
                    span: (i, i + 1),
                })
            })
            .collect();
        r
    }

    #[test]
    fn placements_keep_print_order() {
        let cols = [Col::Total, Col::Basic, Col::Project];
        assert_eq!(placements(2, &cols).len(), 3);
        assert_eq!(placements(3, &cols), vec![cols.to_vec()]);
        assert!(placements(4, &cols).is_empty());
    }

    #[test]
    fn a_short_row_keeps_only_the_readings_its_identity_allows() {
        let cols = [Col::Total, Col::Basic, Col::Project];
        let id: Identity = vec![(Col::Total, 1), (Col::Basic, -1), (Col::Project, -1)];
        let mut r = row(&["10.00", "10.00"]);
        assert_eq!(
            initial_readings(&mut r, &cols, std::slice::from_ref(&id)),
            None
        );
        assert_eq!(r.readings.len(), 2); // 合计+基本, 合计+项目; not 基本+项目 (合计 blank)
        assert!(r.ambiguous);
        let mut wrong = row(&["10.00", "9.00"]);
        initial_readings(&mut wrong, &cols, &[id]);
        assert_eq!(wrong.readings.len(), 3); // none fits: every reading stays, the row rule reports it
    }
}
