//! The reader for T7, the 财政拨款“三公”经费支出决算表: twelve amounts in (预算数, 决算数) pairs for 合计,
//! 因公出国（境）费, 公务用车 小计 / 购置费 / 运行维护费 and 公务接待费, on one data line (or one line per
//! item in some layouts).
//!
//! With the blank cells dropped, a line like "0.95 0.95" does not say which columns it fills. The reader
//! keeps every placement that satisfies 合计 = 出国 + 车小计 + 接待 and 车小计 = 购置 + 运行 (预算 and 决算
//! separately). When more than one remains it assumes one and says so: placements where no item spends
//! more than its budget first, then the more common items (公务接待费, then 公务用车, then 因公出国). The
//! rules evaluate every remaining placement and never report an 错误 that depends on the choice.

use super::frame::frame;
use super::infer::{keeps, placements, value_of, Identity};
use super::kinds::{squash, Col, SgItem, StandardKind};
use super::lex::{Kind, LexLine};
use super::model::{Amount, Row, StandardTable};

fn item_of(text: &str) -> Option<SgItem> {
    let t = squash(text);
    let item = if t.contains("合计") || t.contains("总计") {
        SgItem::Total
    } else if t.contains("出国") {
        SgItem::Abroad
    } else if t.contains("小计") || t.contains("购置及运行") {
        SgItem::CarSubtotal
    } else if t.contains("购置") {
        SgItem::CarPurchase
    } else if t.contains("运行") {
        SgItem::CarRunning
    } else if t.contains("接待") {
        SgItem::Reception
    } else {
        return None;
    };
    Some(item)
}

/// The identities of T7 over the columns it has.
pub(crate) fn sangong_identities(cols: &[Col]) -> Vec<Identity> {
    let mut out = Vec::new();
    for budget in [true, false] {
        let c = |i: SgItem| Col::Sg(i, budget);
        if !cols.contains(&c(SgItem::Total)) {
            continue;
        }
        out.push(vec![
            (c(SgItem::Total), 1),
            (c(SgItem::Abroad), -1),
            (c(SgItem::CarSubtotal), -1),
            (c(SgItem::Reception), -1),
        ]);
        if cols.contains(&c(SgItem::CarSubtotal)) {
            out.push(vec![
                (c(SgItem::CarSubtotal), 1),
                (c(SgItem::CarPurchase), -1),
                (c(SgItem::CarRunning), -1),
            ]);
        }
    }
    out
}

/// Reads T7.
pub(crate) fn read_sangong(lines: &[LexLine], table: &mut StandardTable) {
    let body = frame(StandardKind::T7, lines, table);
    let is_data = |l: &LexLine| {
        l.toks.iter().any(|t| matches!(t.kind, Kind::Num))
            || (l.cells && l.toks.iter().any(|t| t.kind == Kind::Digits))
            || (l
                .toks
                .iter()
                .all(|t| matches!(t.kind, Kind::Digits | Kind::Blank))
                && !l.toks.is_empty()
                && !l.squashed.starts_with("栏次")
                && l.toks.iter().any(|t| t.text == "0"))
    };
    let first = body
        .iter()
        .position(|&i| is_data(&lines[i]))
        .unwrap_or(body.len());
    let header: String = body[..first]
        .iter()
        .map(|&i| lines[i].squashed.as_str())
        .collect();
    // a 预算表 (its title says 预算, not 决算) whose header names neither holds budgets only
    let title = squash(&table.title);
    let budget_table =
        title.contains("预算") && !title.contains("决算") && !header.contains("决算");
    let budget = header.contains("预算") || header.is_empty() || budget_table;
    let actual = header.contains("决算") || (header.is_empty() && !budget_table) || !budget;
    let subtotal = header.contains("小计") || !header.contains("公务用车");
    let mut cols = Vec::new();
    for item in SgItem::ALL {
        if item == SgItem::CarSubtotal && !subtotal {
            continue;
        }
        if budget {
            cols.push(Col::Sg(item, true));
        }
        if actual {
            cols.push(Col::Sg(item, false));
        }
    }
    if header.contains("机关运行经费") {
        cols.push(Col::OfficeRunning);
    }
    table.columns = cols.clone();
    // segments: (columns the values may take, values)
    let mut segments: Vec<(Vec<Col>, Vec<Option<Amount>>)> = Vec::new();
    let mut span = None;
    // one cell per line (web copies): an item's name on a line of its own names the values below it
    let mut pending: Option<SgItem> = None;
    for &i in &body[first..] {
        let l = &lines[i];
        if l.squashed.starts_with("栏次") {
            continue;
        }
        let own = l
            .toks
            .first()
            .filter(|t| t.kind == Kind::Text)
            .and_then(|t| item_of(&t.text));
        let values: Vec<Option<Amount>> = l
            .toks
            .iter()
            .filter(|t| matches!(t.kind, Kind::Num | Kind::Digits | Kind::Blank))
            .map(|t| t.amount.clone())
            .collect();
        if values.is_empty() {
            pending = own.or(pending);
            continue;
        }
        let label = own.or(pending);
        if own.is_some() {
            pending = None;
        }
        if let (None, Some(item)) = (own, label) {
            // the item's second value on its own line joins the first
            if let Some((c, v)) = segments.last_mut() {
                if c.iter().all(|c| matches!(c, Col::Sg(it, _) if *it == item)) && !c.is_empty() {
                    v.extend(values);
                    let (s, e) = span.unwrap_or(l.span);
                    span = Some((s.min(l.span.0), e.max(l.span.1)));
                    continue;
                }
            }
        }
        let (s, e) = span.unwrap_or(l.span);
        span = Some((s.min(l.span.0), e.max(l.span.1)));
        match label {
            Some(item) => segments.push((
                cols.iter()
                    .copied()
                    .filter(|c| matches!(c, Col::Sg(it, _) if *it == item))
                    .collect(),
                values,
            )),
            None => match segments.last_mut() {
                Some((c, v)) if c.len() == cols.len() => v.extend(values),
                _ => segments.push((cols.clone(), values)),
            },
        }
    }
    if segments.is_empty() {
        return;
    }
    let mut row = Row::new(
        None,
        "“三公”经费".to_string(),
        None,
        span.unwrap_or(table.span),
    );
    let mut readings: Vec<Vec<Col>> = vec![Vec::new()];
    for (c, v) in &segments {
        if v.len() > c.len() {
            table.problems.push(format!(
                "“三公”经费表有 {} 个数，多于 {} 列，未核对",
                v.len(),
                c.len()
            ));
            return;
        }
        let options = placements(v.len(), c);
        let mut next = Vec::new();
        for r in &readings {
            for o in &options {
                if next.len() < 20_000 {
                    let mut x = r.clone();
                    x.extend(o.iter().copied());
                    next.push(x);
                }
            }
        }
        readings = next;
        row.values.extend(v.iter().cloned());
    }
    let ids = sangong_identities(&cols);
    let fitting: Vec<Vec<Col>> = readings
        .iter()
        .filter(|r| ids.iter().all(|id| keeps(&row, r, id)))
        .cloned()
        .collect();
    if readings.len() > 1 {
        if fitting.is_empty() {
            table.problems.push(
                "“三公”经费表缺少空白单元格，且任何列对应都不满足 合计 = 各项之和，无法确定各数所在的列"
                    .to_string(),
            );
            readings.clear();
        } else {
            readings = fitting;
        }
    }
    readings.sort_by_key(|r| rank(&row, r));
    row.readings = readings;
    row.assumed = row.readings.len() > 1;
    row.settle();
    if row.assumed {
        let show = |r: &Vec<Col>| -> String {
            r.iter()
                .zip(row.values.iter())
                .filter(|(_, v)| v.as_ref().is_some_and(|a| !a.value.is_zero()))
                .map(|(c, _)| c.title())
                .collect::<Vec<_>>()
                .join("、")
        };
        let others: Vec<String> = row.readings.iter().skip(1).map(show).collect();
        table.assumptions.push(format!(
            "“三公”经费表的数字少于列数，满足合计关系的列对应有 {} 种；假设为：{}（按决算不超预算、公务接待费最常见的顺序选定）；其他可能：{}。依赖此假设的核对均注明，不据此判为错误",
            row.readings.len(),
            row.readings.first().map(show).unwrap_or_default(),
            others.join("；")
        ));
    }
    table.rows.push(row);
}

/// Lower is more plausible: overspent items first, then the rarity of the items that hold numbers.
fn rank(row: &Row, reading: &[Col]) -> (usize, u32) {
    let overspent = SgItem::ALL
        .iter()
        .filter(|i| {
            let (b, _) = value_of(row, reading, Col::Sg(**i, true));
            let (a, _) = value_of(row, reading, Col::Sg(**i, false));
            a > b
        })
        .count();
    let rarity = reading
        .iter()
        .zip(row.values.iter())
        .filter(|(_, v)| v.as_ref().is_some_and(|a| !a.value.is_zero()))
        .map(|(c, _)| match c {
            Col::Sg(SgItem::Reception, _) => 1,
            Col::Sg(SgItem::CarRunning | SgItem::CarSubtotal, _) => 2,
            Col::Sg(SgItem::CarPurchase, _) => 3,
            Col::Sg(SgItem::Abroad, _) => 4,
            _ => 0,
        })
        .sum();
    (overspent, rarity)
}

/// The assumed reading of T7 in a few words ("合计·预算数、公务接待费·预算数"), for findings that depend
/// on it; empty when nothing was assumed.
pub(crate) fn assumed_text(t: &StandardTable) -> String {
    let Some(row) = t.rows.first().filter(|r| r.assumed) else {
        return String::new();
    };
    let cols: Vec<String> = row
        .readings
        .first()
        .map(|r| {
            r.iter()
                .zip(row.values.iter())
                .filter(|(_, v)| v.as_ref().is_some_and(|a| !a.value.is_zero()))
                .map(|(c, _)| c.title())
                .collect()
        })
        .unwrap_or_default();
    format!(
        "假设“三公”经费表的数在 {} 列，另有 {} 种可能",
        cols.join("、"),
        row.readings.len().saturating_sub(1)
    )
}
