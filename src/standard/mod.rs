//! The nine standard tables of a 部门决算公开 (收入支出决算总表 … 国有资本经营预算财政拨款收入支出决算表):
//! readers for text copied from a PDF, Excel/WPS cells or a web page, and the audit rules of
//! `docs/standard-tables.md` §3 — 表内 (T*), 表间 (X-*) and 表文 (N-*, the 说明 against the cells).
//!
//! The API is four calls: [`table_kind`] recognises a title line, [`read_table`] reads one table (or
//! [`read_tables`] a paste of several), [`check_tables`] runs the T and X rules, and
//! [`check_text_against_tables`] the N rules. Every finding carries its rule id, formula with numbers, the
//! cells it used and a severity: 错误, 提示, 尾差 (within the rounding band 0.005·(n+1)), 无法计算, 未核对
//! or 一致. A reading the paste leaves open is never guessed silently: undecided cells are not checked, and
//! an assumed reading (T7) is named and never yields an 错误 that depends on it.

mod coded;
mod coded_cells;
mod ctx;
mod finding;
mod frame;
mod infer;
mod kinds;
mod kit;
mod lex;
mod lines;
mod model;
mod narrative;
mod num;
mod outcome;
mod pct;
mod resolve;
mod rules_n;
mod rules_n2;
mod rules_n_items;
mod rules_n_link;
mod rules_n_sg;
mod rules_sum;
mod rules_t;
mod rules_t67;
mod rules_x;
mod sangong;
mod sangong_body;
mod sangong_lines;
mod sg_words;
mod summary;

pub use finding::{CellRef, FindingKind, Severity, TableFinding, TextFigure};
pub use kinds::{table_kind, Col, SgItem, StandardKind};
pub use lines::Line;
pub use model::{Amount, Cell, Lookup, Row, Span, StandardTable};
pub use resolve::resolve_tables;

/// Reads one table of `kind` from its text (with or without its title line). `offset` is the char position
/// of `text` in the whole paste; every span is in paste chars. Never panics: what cannot be read is listed
/// in `problems`, in Chinese.
///
/// # Example
/// ```
/// use juesuan::standard::{read_table, StandardKind, Col, Lookup};
/// let t = read_table(StandardKind::T5, "一般公共预算财政拨款支出决算表\n合计 基本支出 项目支出\n\
///     201 一般公共服务支出 10.00 10.00\n20106 财政事务 10.00 10.00\n合计 10.00 10.00", 0);
/// assert_eq!(t.rows.len(), 3);
/// assert!(t.rows[0].ambiguous); // 10.00 10.00: 合计 + 基本 or 合计 + 项目, nothing decides it
/// assert!(matches!(t.rows[0].lookup(Col::Total), Lookup::Value(_)));
/// assert_eq!(t.rows[0].lookup(Col::Basic), Lookup::Undecided);
/// ```
pub fn read_table(kind: StandardKind, text: &str, offset: usize) -> StandardTable {
    let len = text.chars().count();
    let mut table = StandardTable::new(kind, (offset, offset + len));
    let mut problems = Vec::new();
    let lines = lex::lex(text, offset, &mut problems);
    match kind {
        StandardKind::T1 | StandardKind::T4 => summary::read_summary(kind, &lines, &mut table),
        StandardKind::T7 => sangong::read_sangong(&lines, &mut table),
        _ => coded::read_coded(kind, &lines, &mut table),
    }
    problems.append(&mut table.problems);
    table.problems = problems;
    table
}

/// Splits a paste at the title lines of the nine tables and reads each. A title with nothing under it (a
/// table of contents entry) is dropped; a title repeated right after its own table (a continued table) is
/// read together with it.
pub fn read_tables(text: &str, offset: usize) -> Vec<StandardTable> {
    // The document model cuts the paste (the one title rule) and reads each standard table's section.
    let mut tables = crate::document::Document::read(text).standard;
    for t in &mut tables {
        t.shift(offset);
    }
    tables
}

/// A line that starts another part of the document ("第三部分…", "一、收入支出决算总体情况说明"): the
/// tables before it end there. An unnumbered title of a 说明 ("一般公共预算财政拨款“三公”经费支出决算情况说明")
/// ends them too: no row or note of a table is a short line ending in 情况说明 with no figure.
pub(crate) fn ends_tables(line: &str) -> bool {
    let s = kinds::squash(line);
    // an unnumbered heading of its own line ("一般公共预算财政拨款“三公”经费支出决算情况说明"); a note under
    // the table starts "说明：", and a cell is never a heading
    let heading = s.trim_end_matches(['。', '：']).ends_with("情况说明")
        && s.chars().count() <= 40
        && !s.contains('|')
        && !frame::is_note(&s);
    heading
        || (s.starts_with('第') && s.contains("部分"))
        || (summary::starts_with_ordinal(&s) && s.ends_with("说明"))
        || s.starts_with("名词解释")
        || (s.trim_end_matches('。').ends_with("情况说明")
            && s.chars().count() <= 40
            && !s.chars().any(|c| c.is_ascii_digit()))
}

/// The 表内 (T*) and 表间 (X-*) findings of a set of tables, in table order. Tables may come from one paste
/// or several; each kind is used once (the first).
pub fn check_tables(tables: &[StandardTable]) -> Vec<TableFinding> {
    let set = resolve::TableSet::new(tables);
    let mut out = rules_sum::check(&set);
    out.extend(rules_t::check(&set));
    out.extend(rules_x::check(&set));
    out
}

/// The 表文 findings: every figure of the 说明 (`narrative`, at char `narrative_offset` of the paste) that a
/// table holds, checked against the cell, with the cell named.
pub fn check_text_against_tables(
    narrative: &str,
    narrative_offset: usize,
    tables: &[StandardTable],
) -> Vec<TableFinding> {
    let set = resolve::TableSet::new(tables);
    rules_n::check(narrative, narrative_offset, &set)
}
