//! Which figure of a funds row belongs to which column. Every reader hands over the row's figures in
//! order (empty cells as empty strings where the form keeps them) and the header's columns in order; the
//! figures go by position when their count and shapes fit the header, and by shape when they do not —
//! a web copy drops empty cells, a PDF loses them, a page merges two equal cells. A rate is the figure with
//! `%`; an amount is never points; a blank 执行率 is left blank rather than filled with the 分值 beside it.

use super::template::Role;
use crate::num::figure::{is_not_applicable, parse_cell};
use rust_decimal::Decimal;

/// The funds columns a row's figures went to: (role, index into the figures).
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Assigned {
    pub at: Vec<(Role, usize)>,
    /// Set when the row has fewer amounts than the header has amount columns and 全年预算数 or 全年执行数
    /// could not be told apart: how many amounts, how many columns.
    pub short: Option<(usize, usize)>,
}

impl Assigned {
    /// The index of the figure in column `role`.
    pub fn get(&self, role: Role) -> Option<usize> {
        self.at.iter().find(|(r, _)| *r == role).map(|&(_, i)| i)
    }
}

fn is_amount_role(r: Role) -> bool {
    matches!(r, Role::Initial | Role::Budget | Role::Executed)
}

fn is_percent(t: &str) -> bool {
    (t.contains('%') || t.contains('％')) && t.chars().any(|c| c.is_ascii_digit())
}

/// Points: a plain number from 0 to 100. A 分值 (`strict`) is whole or has one decimal (`10`, `22.5`,
/// `10.00`), which tells it from an amount such as `7.29`; a 得分 may have two (`8.70`).
fn is_points(t: &str, strict: bool) -> bool {
    match parse_cell(t) {
        Ok(Some(f)) if f.unit.is_empty() && f.comparator.is_none() => {
            f.value >= Decimal::ZERO
                && f.value <= Decimal::ONE_HUNDRED
                && (!strict || f.scale <= 1 || f.value.fract().is_zero())
        }
        _ => false,
    }
}

/// Whether figure `t` may stand in column `role` (an empty or "—" cell stands anywhere).
fn fits(role: Role, t: &str) -> bool {
    let t = t.trim();
    if t.is_empty() || is_not_applicable(t) {
        return true;
    }
    match role {
        Role::Rate => is_percent(t) || matches!(parse_cell(t), Ok(Some(f)) if f.unit.is_empty()),
        Role::Weight => is_points(t, true),
        Role::Score => is_points(t, false),
        Role::Reason => true,
        _ if is_amount_role(role) => !is_percent(t) && parse_cell(t).is_ok(),
        _ => false,
    }
}

/// Assigns a funds row's figures (`values`, in order) to the header's columns (`cols`, in order).
pub(super) fn assign_funds(cols: &[Role], values: &[&str]) -> Assigned {
    // Trailing empty cells are padding, not columns.
    let n = values
        .iter()
        .rposition(|v| !v.trim().is_empty())
        .map_or(0, |p| p + 1);
    let core: Vec<Role> = cols
        .iter()
        .copied()
        .filter(|r| *r != Role::Reason)
        .collect();
    let positional = n >= core.len()
        && n <= cols.len().max(core.len())
        && cols.iter().zip(values).all(|(&r, v)| fits(r, v));
    if positional {
        let at = cols
            .iter()
            .zip(values)
            .enumerate()
            .filter(|(_, (_, v))| !v.trim().is_empty())
            .map(|(i, (&r, _))| (r, i))
            .collect();
        return Assigned { at, short: None };
    }
    by_shape(&core, values)
}

/// The figures assigned by their shapes: the one with `%` is the 执行率; the columns before it take the
/// figures before it, those after it the figures after it.
fn by_shape(core: &[Role], values: &[&str]) -> Assigned {
    let filled: Vec<usize> = (0..values.len())
        .filter(|&i| values.get(i).is_some_and(|v| !v.trim().is_empty()))
        .collect();
    let rate_at = filled
        .iter()
        .position(|&i| values.get(i).is_some_and(|v| is_percent(v)));
    let rate_col = core.iter().position(|r| *r == Role::Rate);
    let mut out = Assigned::default();
    let (before, after, before_cols, after_cols): (&[usize], &[usize], Vec<Role>, Vec<Role>) =
        match (rate_at, rate_col) {
            (Some(p), Some(c)) => {
                if let Some(&i) = filled.get(p) {
                    out.at.push((Role::Rate, i));
                }
                (
                    filled.get(..p).unwrap_or(&[]),
                    filled.get(p + 1..).unwrap_or(&[]),
                    core.get(..c).unwrap_or(&[]).to_vec(),
                    core.get(c + 1..).unwrap_or(&[]).to_vec(),
                )
            }
            // No figure with `%`: the 执行率 is blank, whatever stands beside it.
            _ => (
                &filled[..],
                &[][..],
                core.iter().copied().filter(|r| *r != Role::Rate).collect(),
                Vec::new(),
            ),
        };
    for (&r, &i) in after_cols.iter().zip(after) {
        out.at.push((r, i));
    }
    let amounts: Vec<Role> = before_cols
        .iter()
        .copied()
        .filter(|&r| is_amount_role(r))
        .collect();
    let points: Vec<Role> = before_cols
        .iter()
        .copied()
        .filter(|&r| !is_amount_role(r))
        .collect();
    if before.len() == before_cols.len() {
        out.at
            .extend(before_cols.iter().copied().zip(before.iter().copied()));
        return out;
    }
    // Points (分值, then 得分 when no rate) stand after the amounts: take them from the end, but never
    // more than the amounts can spare.
    let spare = before.len().saturating_sub(amounts.len().min(before.len()));
    let mut take = points.len().min(if rate_at.is_some() {
        points.len().min(before.len().saturating_sub(1))
    } else {
        spare
    });
    while take > 0 {
        let tail = before.get(before.len() - take..).unwrap_or(&[]);
        if points.iter().zip(tail).all(|(&r, &i)| {
            values
                .get(i)
                .is_some_and(|v| is_points(v, r == Role::Weight) || is_not_applicable(v))
        }) {
            break;
        }
        take -= 1;
    }
    let (money, tail) = before.split_at(before.len().saturating_sub(take));
    out.at
        .extend(points.iter().copied().zip(tail.iter().copied()));
    if money.len() >= amounts.len() {
        out.at
            .extend(amounts.iter().copied().zip(money.iter().copied()));
    } else if amounts.contains(&Role::Initial) && money.len() + 1 == amounts.len() {
        // one amount short: the blank one is the 年初预算数, the column a table may leave empty
        out.at
            .extend(amounts.iter().skip(1).copied().zip(money.iter().copied()));
    } else {
        out.at.extend(
            amounts
                .iter()
                .copied()
                .filter(|&r| r != Role::Initial)
                .zip(money.iter().copied()),
        );
        if !money.is_empty() {
            out.short = Some((money.len(), amounts.len()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Role::*;

    const NATIONAL: &[Role] = &[Initial, Budget, Executed, Weight, Rate, Score];
    const SICHUAN: &[Role] = &[Initial, Budget, Executed, Rate, Weight, Score, Reason];
    const HUBEI: &[Role] = &[Budget, Executed, Rate, Score];

    fn show(cols: &[Role], values: &[&str]) -> String {
        let a = assign_funds(cols, values);
        let mut parts: Vec<String> = cols
            .iter()
            .map(|&r| {
                let v = a.get(r).and_then(|i| values.get(i)).copied().unwrap_or("_");
                format!("{r:?}={v}")
            })
            .collect();
        if let Some((n, of)) = a.short {
            parts.push(format!("short {n}/{of}"));
        }
        parts.join(" ")
    }

    #[test]
    fn figures_go_by_position_when_they_fit_else_by_shape() {
        let cases: &[(&[Role], &[&str], &str)] = &[
            (NATIONAL, &["239.00", "239.00", "226.54", "10", "94.79%", "8.70"],
             "Initial=239.00 Budget=239.00 Executed=226.54 Weight=10 Rate=94.79% Score=8.70"),
            (NATIONAL, &["239.00", "239.00", "226.54", "—", "—", "—"],
             "Initial=239.00 Budget=239.00 Executed=226.54 Weight=— Rate=— Score=—"),
            (NATIONAL, &["0.00", "0.00", "0.00", "", "", ""],
             "Initial=0.00 Budget=0.00 Executed=0.00 Weight=_ Rate=_ Score=_"),
            // a blank 执行率: the 分值 is not read as the rate
            (NATIONAL, &["880", "880", "880", "10", "10"],
             "Initial=880 Budget=880 Executed=880 Weight=10 Rate=_ Score=10"),
            // a PDF that lost the empty 年初预算数
            (NATIONAL, &["239.00", "226.54", "10", "94.79%", "8.70"],
             "Initial=_ Budget=239.00 Executed=226.54 Weight=10 Rate=94.79% Score=8.70"),
            (NATIONAL, &["", "387664.62", "387664.62", "10", "100%", "10"],
             "Initial=_ Budget=387664.62 Executed=387664.62 Weight=10 Rate=100% Score=10"),
            // 四川: 权重 after the rate, the 得分 left blank, the long note in 原因 not a figure
            (SICHUAN, &["238.93", "251.89", "251.89", "100.00%", "10", ""],
             "Initial=238.93 Budget=251.89 Executed=251.89 Rate=100.00% Weight=10 Score=_ Reason=_"),
            // 湖北: one amount for two columns (a merged cell)
            (HUBEI, &["864.2", "100%", "20", "", "", ""],
             "Budget=864.2 Executed=_ Rate=100% Score=20 short 1/2"),
            (HUBEI, &["1000", "1000", "100%", "20"],
             "Budget=1000 Executed=1000 Rate=100% Score=20"),
        ];
        for &(cols, values, want) in cases {
            assert_eq!(show(cols, values), want, "{values:?}");
        }
    }
}
