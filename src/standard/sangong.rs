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
use super::lex::LexLine;
use super::model::{Amount, Row, Span, StandardTable};
use super::sangong_body::{self, Body, Segment};
use super::sangong_lines as lay;

/// The items 合计 adds up: 因公出国（境）费, 公务接待费 and the 公务用车 小计, or its 购置费 and 运行维护费 when
/// the table has no 小计.
pub(crate) fn total_parts(cols: &[Col], budget: bool) -> Vec<SgItem> {
    if cols.contains(&Col::Sg(SgItem::CarSubtotal, budget)) {
        vec![SgItem::Abroad, SgItem::CarSubtotal, SgItem::Reception]
    } else {
        vec![
            SgItem::Abroad,
            SgItem::CarPurchase,
            SgItem::CarRunning,
            SgItem::Reception,
        ]
    }
}

/// Whether the table has the 公务用车 小计 and at least one of its parts (a table that prints only the 小计
/// has nothing to add up to it).
pub(crate) fn has_breakdown(cols: &[Col], budget: bool) -> bool {
    let c = |i: SgItem| cols.contains(&Col::Sg(i, budget));
    c(SgItem::CarSubtotal) && (c(SgItem::CarPurchase) || c(SgItem::CarRunning))
}

/// The identities of T7 over the columns it has.
pub(crate) fn sangong_identities(cols: &[Col]) -> Vec<Identity> {
    let mut out = Vec::new();
    for budget in [true, false] {
        let c = |i: SgItem| Col::Sg(i, budget);
        if !cols.contains(&c(SgItem::Total)) {
            continue;
        }
        let mut total = vec![(c(SgItem::Total), 1)];
        total.extend(total_parts(cols, budget).into_iter().map(|i| (c(i), -1)));
        out.push(total);
        if has_breakdown(cols, budget) {
            out.push(vec![
                (c(SgItem::CarSubtotal), 1),
                (c(SgItem::CarPurchase), -1),
                (c(SgItem::CarRunning), -1),
            ]);
        }
    }
    out
}

/// A value column of T7 that no rule reads: the 一般公共预算 / 政府性基金 parts of an item.
fn is_part(c: &Col) -> bool {
    matches!(c, Col::GeneralBudget | Col::GovFund)
}

/// Reads T7.
pub(crate) fn read_sangong(lines: &[LexLine], table: &mut StandardTable) {
    let body_lines = frame(StandardKind::T7, lines, table);
    let body = sangong_body::body(lines, &body_lines);
    let title = squash(&table.title);
    let measures = lay::measures(&body.header, &title);
    // segments: (columns the values may take, values)
    let segments: Segments = if body.rows {
        match by_rows(&body, &measures, table) {
            Some(s) => s,
            None => return,
        }
    } else {
        let items = lay::header_items(&body.header).unwrap_or_else(|| {
            let subtotal = body.header.contains("小计") || !body.header.contains("公务用车");
            SgItem::ALL
                .into_iter()
                .filter(|i| *i != SgItem::CarSubtotal || subtotal)
                .collect()
        });
        let mut cols = Vec::new();
        if lay::measure_major(&body.header) {
            for m in &measures {
                cols.extend(items.iter().map(|i| Col::Sg(*i, *m)));
            }
        } else {
            for i in &items {
                cols.extend(measures.iter().map(|m| Col::Sg(*i, *m)));
            }
        }
        if body.header.contains("机关运行经费") {
            cols.push(Col::OfficeRunning);
        }
        table.columns = SgItem::ALL
            .into_iter()
            .flat_map(|i| [Col::Sg(i, true), Col::Sg(i, false)])
            .filter(|c| cols.contains(c))
            .chain(cols.iter().copied().filter(|c| *c == Col::OfficeRunning))
            .collect();
        body.segments
            .iter()
            .map(|s| (cols.clone(), s.values.clone(), s.span))
            .collect()
    };
    if segments.is_empty() {
        return;
    }
    let cols = table.columns.clone();
    let span = segments
        .iter()
        .filter_map(|s| s.2)
        .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)));
    let mut row = Row::new(
        None,
        "“三公”经费".to_string(),
        None,
        span.unwrap_or(table.span),
    );
    let mut readings: Vec<Vec<Col>> = vec![Vec::new()];
    for (c, v, _) in &segments {
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
    // readings that differ only in where a 0 goes are one reading: a nil adds nothing to any sum, so they
    // hold or fail together and the table's own sums can be judged (a wrong 合计 is a ✗, not an ambiguity)
    readings.sort_by_key(|r| rank(&row, r));
    let mut distinct: Vec<Vec<Col>> = Vec::new();
    for r in readings {
        let alike = |d: &Vec<Col>| {
            d.iter()
                .zip(r.iter())
                .zip(row.values.iter())
                .all(|((x, y), v)| x == y || v.as_ref().is_none_or(|a| a.value.is_zero()))
        };
        if !distinct.iter().any(alike) {
            distinct.push(r);
        }
    }
    let mut readings = distinct;
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
    // readings that differ only in where the 一般公共预算 / 政府性基金 parts go read the same T7
    readings.dedup_by(|a, b| {
        a.iter()
            .zip(b.iter())
            .zip(row.values.iter())
            .all(|((x, y), v)| {
                x == y || (is_part(x) && is_part(y)) || v.as_ref().is_none_or(|a| a.value.is_zero())
            })
    });
    row.readings = readings;
    row.assumed = row.readings.len() > 1;
    row.settle();
    row.cells.retain(|c| !is_part(&c.column));
    if row.assumed {
        let show = |r: &Vec<Col>| -> String { shown(&row, r).join("、") };
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

type Segments = Vec<(Vec<Col>, Vec<Option<Amount>>, Option<Span>)>;

/// Items as rows: each labelled row's values over its item's columns (预算数 / 决算数, and the 一般公共预算 /
/// 政府性基金 parts where the header has them); values above the first label belong to the items no row
/// names (the 合计 whose label the copy lost). Sets the table's columns. None when the rows cannot be read.
fn by_rows(body: &Body, measures: &[bool], table: &mut StandardTable) -> Option<Segments> {
    let funds = lay::funds(&body.header);
    if funds.is_empty() {
        table
            .problems
            .push("“三公”经费表按资金来源分列但没有合计列，未核对".to_string());
        return None;
    }
    let slots = |item: SgItem| -> Vec<Col> {
        let mut out = Vec::new();
        for m in measures {
            for f in &funds {
                out.push(match f {
                    lay::Fund::Sum => Col::Sg(item, *m),
                    lay::Fund::General => Col::GeneralBudget,
                    lay::Fund::Gov => Col::GovFund,
                });
            }
        }
        out
    };
    let mut labelled: Vec<SgItem> = Vec::new();
    let mut segs: Vec<&Segment> = Vec::new();
    for s in &body.segments {
        if let Some(item) = s.item {
            if labelled.contains(&item) {
                // a label repeated with nothing under its first copy (a header cell) is the row's label
                let k = segs.iter().position(|x| x.item == Some(item))?;
                if segs[k].values.iter().any(Option::is_some) {
                    table
                        .problems
                        .push(format!("“三公”经费表中“{}”出现两行，未核对", item.title()));
                    return None;
                }
                segs.remove(k);
            } else {
                labelled.push(item);
            }
        }
        segs.push(s);
    }
    // 购置费 and 运行维护费 rows printed without a number under a 小计 that has one: the breakdown was not
    // filled in, so there is nothing to add up (not a 小计 of 0)
    let blank = |i: SgItem| {
        segs.iter()
            .filter(|s| s.item == Some(i))
            .all(|s| s.values.iter().all(Option::is_none))
    };
    let parts = [SgItem::CarPurchase, SgItem::CarRunning];
    if labelled.contains(&SgItem::CarSubtotal)
        && !blank(SgItem::CarSubtotal)
        && parts.iter().any(|i| labelled.contains(i))
        && parts.iter().all(|i| blank(*i))
    {
        segs.retain(|s| !s.item.is_some_and(|i| parts.contains(&i)));
        labelled.retain(|i| !parts.contains(i));
        table.problems.push(
            "“三公”经费表的公务用车购置费、运行维护费两行未填数，公务用车小计 = 购置费 + 运行维护费 未核对"
                .to_string(),
        );
    }
    let unnamed: Vec<SgItem> = SgItem::ALL
        .into_iter()
        .filter(|i| !labelled.contains(i))
        .collect();
    let mut present = labelled.clone();
    let mut out = Vec::new();
    for s in segs {
        let cols = match s.item {
            Some(item) => slots(item),
            None => {
                // values with no label: the unnamed items' (usually the 合计 the copy lost)
                let lost: Vec<SgItem> = if unnamed.contains(&SgItem::Total) {
                    vec![SgItem::Total]
                } else {
                    unnamed.clone()
                };
                present.extend(lost.iter().copied());
                lost.into_iter().flat_map(slots).collect()
            }
        };
        out.push((cols, s.values.clone(), s.span));
    }
    table.columns = SgItem::ALL
        .into_iter()
        .filter(|i| present.contains(i))
        .flat_map(|i| {
            [true, false]
                .into_iter()
                .filter(|m| measures.contains(m))
                .map(move |m| Col::Sg(i, m))
        })
        .collect();
    Some(out)
}

/// The columns a reading puts a non-zero number in.
fn shown(row: &Row, r: &[Col]) -> Vec<String> {
    r.iter()
        .zip(row.values.iter())
        .filter(|(c, v)| !is_part(c) && v.as_ref().is_some_and(|a| !a.value.is_zero()))
        .map(|(c, _)| c.title())
        .collect()
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
    let cols = row
        .readings
        .first()
        .map(|r| shown(row, r))
        .unwrap_or_default();
    format!(
        "假设“三公”经费表的数在 {} 列，另有 {} 种可能",
        cols.join("、"),
        row.readings.len().saturating_sub(1)
    )
}
