//! What each fuzz target feeds and checks. Every function takes the fuzzer's raw bytes and panics only when
//! a property fails (or the code under test panics).
//!
//! This file is shared: the fuzz targets call it through the `juesuan_fuzz` crate, and the main crate's
//! `tests/fuzz_regressions.rs` includes it with `#[path = "../fuzz/src/props.rs"]` to replay saved inputs.
//! It may depend on `juesuan` and `rust_decimal` only.

use juesuan::document::{Cell, Document, Span, Table};
use juesuan::num::figure::{parse_cell, parse_figure, parse_input, Figure};
use juesuan::{review, Preset, Verdict};
use rust_decimal::Decimal;

/// The indicator header of a 绩效自评表, as the `tables` target's shaped inputs may start with it.
pub const INDICATOR_HEADER: &str =
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施";

/// The title and funds header that the `tables` target's shaped inputs may start with.
pub const FUNDS_HEADER: &str =
    "项目名称\t快递费\n项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分";

/// `figures`: `parse_figure`, `parse_cell`, `parse_input("x", s)` never panic; an `Ok` figure's value
/// printed (`Decimal::to_string`) parses again to the same value and scale.
pub fn figures(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    if let Ok(f) = parse_figure(&s) {
        reparses(&s, &f);
    }
    if let Ok(Some(f)) = parse_cell(&s) {
        reparses(&s, &f);
    }
    if let Ok(f) = parse_input("x", &s) {
        reparses(&s, &f);
    }
}

fn reparses(input: &str, f: &Figure) {
    let printed = f.value.to_string();
    let again = parse_figure(&printed).unwrap_or_else(|e| {
        panic!("{input:?} parsed to {printed}, which does not parse again: {e:?}")
    });
    assert_eq!(
        again.value, f.value,
        "{input:?} → {printed} → {}",
        again.value
    );
    assert_eq!(
        again.scale, f.scale,
        "{input:?} → {printed}: scale {} then {}",
        f.scale, again.scale
    );
    assert_eq!(
        f.value.scale(),
        f.scale,
        "{input:?}: Decimal scale differs from the written scale"
    );
    assert!(
        again.unit.is_empty() && again.comparator.is_none(),
        "{printed} parsed with a unit or comparator"
    );
}

/// `check`: `review` never panics; every span (claim, source, unchecked figure, problem) is [start, end)
/// with start ≤ end ≤ the input's char count; the summary counts the claims and their verdicts.
pub fn check(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    let n = s.chars().count();
    let r = review(&s, &Preset::proportional());
    for c in &r.claims {
        span_ok(n, c.span[0], c.span[1], "claim");
        for src in &c.sources {
            if let Some([a, b]) = src.span {
                span_ok(n, a, b, "claim source");
            }
        }
    }
    for p in &r.problems {
        if let Some([a, b]) = p.span {
            span_ok(n, a, b, "problem");
        }
    }
    for u in &r.unchecked {
        span_ok(n, u.span[0], u.span[1], "unchecked figure");
    }
    assert_eq!(
        r.summary.checked + r.unchecked.len(),
        r.summary.figures,
        "figures counted"
    );
    let sm = &r.summary.claims;
    assert_eq!(sm.total, r.claims.len(), "summary.claims");
    assert_eq!(
        sm.ok + sm.rounding + sm.mismatch + sm.notice + sm.not_computable,
        sm.total,
        "verdict counts do not add up: {sm:?}"
    );
    let count = |v: Verdict| r.claims.iter().filter(|c| c.verdict == v).count();
    assert_eq!(
        (sm.ok, sm.rounding, sm.mismatch, sm.not_computable),
        (
            count(Verdict::Ok),
            count(Verdict::Rounding),
            count(Verdict::Mismatch),
            count(Verdict::NotComputable)
        ),
        "summary counts differ from the claims' verdicts"
    );
}

/// `score`: `review` under the proportional preset and under deduct-per-point 0.25 never panics, and
/// every span it reports is within the input.
pub fn score(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    let n = s.chars().count();
    for preset in [
        Preset::proportional(),
        Preset::deduct_per_point(Decimal::new(25, 2)),
    ] {
        let r = review(&s, &preset);
        for t in &r.tables {
            span_ok(n, t.span[0], t.span[1], "table");
            for i in &t.indicators {
                span_ok(n, i.span[0], i.span[1], "indicator");
            }
            for f in &t.findings {
                if let Some([a, b]) = f.span {
                    span_ok(n, a, b, "finding");
                }
            }
            for p in &t.problems {
                span_ok(n, p.span[0], p.span[1], "problem");
            }
        }
    }
}

/// `tables`: `Document::read` never panics and every span (table, funds row, indicator row, cell, problem) is
/// within the input. The bytes are read by [`tables_input`], which shapes most inputs as TSV rows.
pub fn tables(data: &[u8]) {
    let s = tables_input(data);
    let n = s.chars().count();
    for t in &Document::read(&s).tables {
        table_spans(n, t);
    }
}

/// The text the `tables` target reads from the fuzzer's bytes.
///
/// Bytes that do not start with 0x00–0x07 are read as they are (lossy UTF-8), so the seed pastes work
/// unchanged. Otherwise the first byte is a set of flags and the rest is shaped into TSV rows: 0x01 and
/// `|` end a cell (tab), 0x02 ends a row; bit 0 picks CRLF or LF row ends, bit 1 puts the indicator
/// header row first, bit 2 puts a title and a funds header before that.
pub fn tables_input(data: &[u8]) -> String {
    let Some((&flags, body)) = data.split_first() else {
        return String::new();
    };
    if flags > 0x07 {
        return String::from_utf8_lossy(data).into_owned();
    }
    let eol = if flags & 1 != 0 { "\r\n" } else { "\n" };
    let mut out = String::with_capacity(body.len() + 256);
    if flags & 4 != 0 {
        out.push_str(&FUNDS_HEADER.replace('\n', eol));
        out.push_str(eol);
    }
    if flags & 2 != 0 {
        out.push_str(INDICATOR_HEADER);
        out.push_str(eol);
    }
    for c in String::from_utf8_lossy(body).chars() {
        match c {
            '\u{1}' | '|' => out.push('\t'),
            '\u{2}' => out.push_str(eol),
            c => out.push(c),
        }
    }
    out
}

fn table_spans(n: usize, t: &Table) {
    span(n, t.span, "table");
    for r in &t.funds.rows {
        span(n, r.span, "funds row");
        for c in [&r.initial, &r.budget, &r.executed] {
            cell(n, c, "funds cell");
        }
    }
    for c in [&t.funds.weight, &t.funds.stated_rate, &t.funds.stated_score] {
        cell(n, c, "funds cell");
    }
    for r in &t.indicators {
        span(n, r.span, "indicator row");
        cell(n, &r.weight, "分值 cell");
        cell(n, &r.stated_score, "得分 cell");
    }
    cell(n, &t.stated_weights_total, "总分 分值 cell");
    cell(n, &t.stated_total, "总分 得分 cell");
    for p in &t.problems {
        span(n, p.span, "problem");
    }
}

fn cell(n: usize, c: &Option<Cell>, what: &str) {
    if let Some(c) = c {
        span(n, c.span, what);
    }
}

fn span(n: usize, (a, b): Span, what: &str) {
    span_ok(n, a, b, what);
}

fn span_ok(n: usize, a: usize, b: usize, what: &str) {
    assert!(
        a <= b && b <= n,
        "{what} span [{a}, {b}) is not within the input of {n} chars"
    );
}
