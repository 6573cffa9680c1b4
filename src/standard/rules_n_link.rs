//! N-10, the 说明's “三公” amounts against T7: every amount the 说明 gives a 三公 item (合计, 因公出国（境）费,
//! 公务用车购置及运行（维护）费 and its 购置费 / 运行（维护）费, 公务接待费) is compared with its cell, whatever
//! the phrasing ("“三公”经费财政拨款支出年初预算为683.51万元，支出决算为358.18万元", "（二）公务接待费。支出预算
//! 1.90万元", "其中：公务用车运行费50万元").
//!
//! An amount is a cell only when its item, measure and year are bound: the item by its name with nothing but
//! filler words before the number, the measure by its own words (预算 / 决算) or by the table having only one,
//! the year by naming the table's year or none, the scope by a section that speaks of “三公” and names no fund
//! the table does not hold. Changes ("比上年减少 X"), other years ("2015年预算"), other scopes ("全口径", the
//! 公务接待费 of a 基本支出 section) are not cells and are left alone. An amount whose measure
//! the words leave open is 一致 when it equals one of the item's two cells and 未核对 otherwise. Each amount is
//! judged once, under every remaining reading of T7: an 错误 only when every reading disagrees.

use super::ctx::{rule, Ctx, E};
use super::finding::{Severity, TableFinding};
use super::kinds::{squash, Col, SgItem, StandardKind};
use super::kit::{eq_rule, get_in, tagged};
use super::model::StandardTable;
use super::narrative::NFig;
use super::outcome::{combine, not_checked};
use super::sg_words::{
    fillers, is_ordinal, last_year, name_at, prefix_measures, year_at, NOT_A_CELL,
};

/// One amount of the 说明 bound to a T7 item.
struct Bound {
    item: SgItem,
    /// Some(true) 预算, Some(false) 决算, None: the words do not say.
    measure: Option<bool>,
    fig: NFig,
    unit: &'static str,
    /// Where the item's name starts (the quote starts there).
    from: usize,
    name: String,
}

/// What the 说明 must match to be T7's: its year, its funds and its unit.
struct Scope {
    year: Option<u32>,
    /// The table holds 政府性基金 too (its title or a fund column says so).
    with_fund: bool,
    /// Its 政府性基金 parts are all blank, so its 合计 is the 一般公共预算 amount as well.
    fund_blank: bool,
}

/// N-10 over the whole 说明.
pub(crate) fn link(ctx: &mut Ctx<'_>) {
    let Some(t7) = ctx.t(StandardKind::T7) else {
        return;
    };
    if t7.rows.is_empty() {
        return;
    }
    let scope = scope_of(ctx, t7);
    let mut done: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < ctx.c.len() {
        let Some((item, end)) = name_at(&ctx.c, i) else {
            i += 1;
            continue;
        };
        for b in bind(ctx, &scope, item, i, end) {
            if done.contains(&b.fig.at) {
                continue;
            }
            done.push(b.fig.at);
            if let Some(x) = judge(ctx, t7, &b) {
                ctx.out.push(x);
            }
        }
        i = end;
    }
}

fn scope_of(ctx: &Ctx<'_>, t7: &StandardTable) -> Scope {
    let title = squash(&t7.title);
    // the table's year is its title's, else the paste's first (the page title: "…2020年“三公”经费决算公开")
    let t = super::narrative::Clean::new(&title, 0);
    let year = (0..t.len())
        .find_map(|k| year_at(&t, k).map(|(y, _)| y))
        .or_else(|| (0..ctx.c.len()).find_map(|k| year_at(&ctx.c, k).map(|(y, _)| y)));
    let row = &t7.rows[0];
    let fund_cols = |r: &Vec<Col>| {
        r.iter()
            .zip(row.values.iter())
            .filter(|(c, _)| **c == Col::GovFund)
            .map(|(_, v)| v.as_ref().is_none_or(|a| a.value.is_zero()))
            .collect::<Vec<bool>>()
    };
    let with_fund =
        title.contains("政府性基金") || row.readings.iter().any(|r| !fund_cols(r).is_empty());
    let fund_blank = row.readings.iter().all(|r| fund_cols(r).iter().all(|b| *b));
    Scope {
        year,
        with_fund,
        fund_blank,
    }
}

/// The amounts the name at [start, end) binds: the one after it, and a second after "，" that names the
/// other measure ("年初预算为683.51万元，支出决算为358.18万元").
fn bind(ctx: &Ctx<'_>, scope: &Scope, item: SgItem, start: usize, end: usize) -> Vec<Bound> {
    let c = &ctx.c;
    // a heading line without a full stop ("（一）“三公”经费支出决算总体情况说明") runs into the next line's
    // sentence: its words are not this amount's
    let (s0, _) = c.sentence(start);
    let s0 = s0.max(c.after_heading(start).unwrap_or(0));
    let clause = (s0..start)
        .rev()
        .find(|&k| {
            c.chars
                .get(k)
                .is_some_and(|ch| "，；：、（。".contains(*ch))
        })
        .map_or(s0, |k| k + 1);
    let prefix = c.text(clause, start);
    // another item before it in the clause ("公务接待费和公务用车运行费支出5万元") may share the amount
    let shared = (0..prefix.chars().count()).any(|k| name_at(c, clause + k).is_some());
    if shared || NOT_A_CELL.iter().any(|w| prefix.contains(w)) {
        return Vec::new();
    }
    let mut j = end;
    // "（二）公务接待费。支出预算1.90万元": a heading's name is the subject of what follows
    if (c.at(j, "。") || c.at(j, "：")) && is_ordinal(&prefix) {
        j += 1;
    }
    let run = fillers(c, j);
    let Some((fig, unit)) = amount(c, run.end) else {
        return Vec::new();
    };
    // an item named in a part of a 部门决算 that is not about “三公” (公务接待费 among the 基本支出) may be
    // another scope's
    let (sec, sec_end) = c.part(start);
    if c.find("三公", sec, sec_end).is_none() {
        return Vec::new();
    }
    let mut measures = run.measures.clone();
    measures.extend(prefix_measures(&prefix));
    let year = run
        .year
        .or_else(|| last_year(c, clause, start))
        .or_else(|| last_year(c, s0, clause));
    let words = c.text(s0, fig.at);
    if !in_scope(scope, year, &words) {
        return Vec::new();
    }
    let measure = one(&measures);
    if measures.len() > 1 && measure.is_none() {
        return Vec::new();
    }
    let name = if item == SgItem::Total {
        "“三公”经费".to_string()
    } else {
        c.text(start, end)
    };
    let mut out = vec![Bound {
        item,
        measure,
        fig: fig.clone(),
        unit,
        from: start,
        name: name.clone(),
    }];
    // the same item's other measure after "，"
    if let (Some(m), true) = (measure, c.at(fig.end, "，")) {
        let run2 = fillers(c, fig.end + 1);
        let m2 = one(&run2.measures);
        if let (Some(m2), Some((fig2, unit2))) = (m2, amount(c, run2.end)) {
            let year2 = run2.year.or(year);
            if m2 != m && in_scope(scope, year2, &c.text(s0, fig2.at)) {
                out.push(Bound {
                    item,
                    measure: Some(m2),
                    fig: fig2,
                    unit: unit2,
                    from: start,
                    name,
                });
            }
        }
    }
    out
}

/// The one measure named, if the words name exactly one (repeated words count once).
fn one(measures: &[bool]) -> Option<bool> {
    let first = *measures.first()?;
    measures.iter().all(|m| *m == first).then_some(first)
}

/// The amount at clean index `i` with its unit; not a rate per unit ("4万元/辆") nor a bound ("5万元以内").
fn amount(c: &super::narrative::Clean, i: usize) -> Option<(NFig, &'static str)> {
    let (fig, unit) = ["万元", "亿元", "元"]
        .iter()
        .find_map(|u| c.figure_after(i, u).filter(|f| f.at == i).map(|f| (f, *u)))?;
    let after = ["/", "／", "以", "左右", "每"];
    if after.iter().any(|w| c.at(fig.end, w)) {
        return None;
    }
    Some((fig, unit))
}

/// Whether the year and the sentence's words before the amount fit the table's year and funds.
fn in_scope(scope: &Scope, year: Option<u32>, words: &str) -> bool {
    if year.is_some() && year != scope.year {
        return false;
    }
    if ["全口径", "国有资本", "非财政", "其他资金"]
        .iter()
        .any(|w| words.contains(w))
    {
        return false;
    }
    let fund = words.contains("政府性基金");
    let general = words.contains("一般公共预算");
    if fund && !scope.with_fund {
        return false;
    }
    // a 一般公共预算 amount is the 合计 of a table with funds only when its fund parts are blank
    !general || fund || !scope.with_fund || scope.fund_blank
}

/// (预算, 预算数) or (决算, 决算数).
fn measure_words(budget: bool) -> (&'static str, &'static str) {
    if budget {
        ("预算", "预算数")
    } else {
        ("决算", "决算数")
    }
}

/// The finding for one bound amount under every reading of T7, or None when the table has no such cell.
fn judge(ctx: &Ctx<'_>, t7: &StandardTable, b: &Bound) -> Option<TableFinding> {
    let has = |m: bool| t7.columns.contains(&Col::Sg(b.item, m));
    let measures: Vec<bool> = match b.measure {
        Some(m) if has(m) => vec![m],
        Some(_) => return None,
        // 决算数 first: an amount of a 决算 说明 without a measure word is most often the 决算
        None => [false, true].into_iter().filter(|m| has(*m)).collect(),
    };
    if measures.is_empty() {
        return None;
    }
    let unit = t7.unit.as_deref();
    if unit.is_some_and(|u| u != b.unit) || (unit.is_none() && b.unit != "万元") {
        return None;
    }
    let results: Vec<TableFinding> = measures
        .iter()
        .map(|m| under_readings(ctx, t7, b, *m))
        .collect();
    let mut x = if results.len() == 1 {
        results.into_iter().next()?
    } else {
        // the words leave the measure open: 一致 with one of the cells (exactly: a 尾差 against a cell the
        // words do not name says too little), else not checked
        match results.iter().position(|f| f.severity == Severity::Ok) {
            Some(k) => results.into_iter().nth(k)?,
            None => {
                let cells = results.iter().flat_map(|f| f.cells.clone()).collect();
                not_checked(
                    rule("N-10", E),
                    format!("说明 {} = T7 {}", b.name, b.item.title()),
                    format!(
                        "说明未写明 {} 万元是预算数还是决算数，与表中两数都不相同",
                        super::num::show(b.fig.value)
                    ),
                    cells,
                )
            }
        }
    };
    if unit.is_none() && x.severity == Severity::Error {
        x.severity = Severity::NotChecked;
        x.message = format!(
            "未核对：“三公”经费表未注明金额单位；按万元比较：{}",
            x.message
        );
    }
    x.span = Some(b.fig.span);
    x.quote = Some(ctx.c.text(b.from, b.fig.end));
    Some(x)
}

fn under_readings(ctx: &Ctx<'_>, t7: &StandardTable, b: &Bound, budget: bool) -> TableFinding {
    let row = &t7.rows[0];
    let (short, long) = measure_words(budget);
    let what = format!("说明 {} {short} = T7 {}·{long}", b.name, b.item.title());
    let results: Vec<TableFinding> = (0..row.readings.len().max(1))
        .map(|r| {
            let cell = tagged(
                get_in(
                    t7,
                    Some(row),
                    Some(r),
                    Col::Sg(b.item, budget),
                    b.item.title().to_string(),
                    "",
                ),
                "T7",
            );
            eq_rule(rule("N-10", E), &what, ctx.claim(&b.fig, &b.name), cell)
        })
        .collect();
    let assumption = super::sangong::assumed_text(t7);
    combine(results, &assumption).unwrap_or_else(|| {
        not_checked(
            rule("N-10", E),
            what.clone(),
            "“三公”经费表没有可用的读法".to_string(),
            Vec::new(),
        )
    })
}
