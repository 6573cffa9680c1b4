//! One reading of the paste: [`Document::read`] cuts the text once into narrative and tables (by the one
//! title rule of [`title`]), reads every 绩效自评表 from its section (Excel cells or text copied out of a
//! PDF) and the narrative's figures. Every rule and the scoring work from this one reading.
//!
//! Spans are [start, end) offsets in Unicode scalar values (chars) into the pasted text.

mod cells;
mod columns;
pub mod compare;
mod cut;
pub mod narrative;
mod pdf;
pub mod runs;
mod sections;
pub mod series;
mod stream;
pub mod table;
pub mod template;
pub mod title;
mod tsv;
pub mod vocab;

pub use table::{Block, Cell, Funds, FundsRow, IndicatorRow, Problem, Span, Table, TableKind};

use crate::standard::{StandardKind, StandardTable};

use narrative::Narrative;
use std::ops::Range;

/// What a part of the paste is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// Sentences: read for claims.
    Narrative,
    /// A 绩效自评表 (project or 部门整体), read by the table readers and scored.
    SelfEvaluation(TableKind),
    /// One of the nine standard 部门决算 tables; read by `crate::standard`, kept out of the narrative.
    Standard(StandardKind),
    /// A table comparing two periods or a budget with its outcome (上年数/本年数/增减额/增减率), cut out of
    /// the narrative by [`compare::split`]; or a year-series table (one row per year with its 比上年增长),
    /// cut out by [`series::split`].
    Comparison,
}

/// One part of the paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// What it is.
    pub kind: SectionKind,
    /// Its byte range in the paste.
    pub bytes: Range<usize>,
    /// Its span in chars.
    pub span: Span,
    /// The title line as written (trimmed), empty for narrative and untitled tables.
    pub title: String,
}

/// The paste, read once.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The pasted text.
    pub text: &'a str,
    /// Narrative and tables in order; together they cover the text.
    pub sections: Vec<Section>,
    /// Every 绩效自评表 read from the self-evaluation sections, in order.
    pub tables: Vec<Table>,
    /// The standard 决算 tables read from their sections, one per kind (a kind's first table with numbers).
    pub standard: Vec<StandardTable>,
    /// The comparison tables found in the narrative (see [`compare`]).
    pub compare: Vec<compare::CompareTable>,
    /// The year-series tables found in the narrative (see [`series`]).
    pub series: Vec<series::SeriesTable>,
    /// The narrative's cleaned text and figures.
    pub narrative: Narrative,
}

/// One line of the paste: byte range without its line break, and the char offset where it starts.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    char_start: usize,
}

impl<'a> Document<'a> {
    /// Reads a paste. Never panics.
    ///
    /// # Example
    /// ```
    /// use juesuan::document::{Document, SectionKind, TableKind};
    /// let text = "一、说明\n本年支出 10.00 万元。\n项目支出绩效自评表\n项目名称\t快递费\n\
    ///             一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
    ///             产出指标\t数量指标\t件数\t>=2 件\t=2 件\t20\t20\n";
    /// let doc = Document::read(text);
    /// let kinds: Vec<SectionKind> = doc.sections.iter().map(|s| s.kind).collect();
    /// assert_eq!(kinds, [SectionKind::Narrative, SectionKind::SelfEvaluation(TableKind::Project)]);
    /// assert_eq!(doc.tables[0].name, "快递费");
    /// ```
    pub fn read(text: &'a str) -> Document<'a> {
        // the lines once, for the three readers that cut the paste by lines
        let lines = sections::lines(text);
        let (sections, compare) = compare::split(text, &lines, sections::sections(text, &lines));
        let (sections, series) = series::split(text, &lines, sections);
        // where each line starts, once: a section's first line number is looked up, not counted again
        let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
        let mut tables = Vec::new();
        for s in &sections {
            if let SectionKind::SelfEvaluation(kind) = s.kind {
                let line0 = newlines.partition_point(|&n| n < s.bytes.start);
                tables.extend(read_tables(text, s, kind, line0));
            }
        }
        let tables = table::merge_continuations(tables)
            .into_iter()
            .filter(Table::has_structure)
            .collect();
        let standard = read_standard(text, &sections);
        let ranges: Vec<Range<usize>> = sections
            .iter()
            .filter(|s| s.kind == SectionKind::Narrative)
            .map(|s| s.bytes.clone())
            .collect();
        let narrative = Narrative::read(text, &ranges);
        Document {
            text,
            sections,
            tables,
            standard,
            compare,
            series,
            narrative,
        }
    }
}

/// The standard tables of their sections. A title with nothing under it (a contents entry) gives nothing;
/// of two tables of one kind, the first that holds numbers is kept.
fn read_standard(text: &str, sections: &[Section]) -> Vec<StandardTable> {
    let mut tables: Vec<StandardTable> = Vec::new();
    for s in sections {
        let SectionKind::Standard(kind) = s.kind else {
            continue;
        };
        let table =
            crate::standard::read_table(kind, text.get(s.bytes.clone()).unwrap_or(""), s.span.0);
        if table.rows.is_empty() && table.notes.is_empty() {
            continue;
        }
        tables.retain(|t| t.kind != kind || t.has_numbers());
        if !tables.iter().any(|t| t.kind == kind) {
            tables.push(table);
        }
    }
    tables
}

/// The self-evaluation tables of one section: Excel cells when its lines hold tabs, a web copy when they
/// hold `|` between cells, else PDF text.
fn read_tables(text: &str, s: &Section, kind: TableKind, line0: usize) -> Vec<Table> {
    let body = text.get(s.bytes.clone()).unwrap_or("");
    let mut tables = if tsv::is_tabular(body) {
        tsv::read(body)
    } else if cells::is_barred(body) {
        stream::read(body)
    } else {
        pdf::read(body, !s.title.is_empty())
    };
    for t in &mut tables {
        t.shift(s.span.0, line0);
        if t.name.is_empty() && !s.title.is_empty() && kind == TableKind::Department {
            t.name.clone_from(&s.title);
        }
    }
    tables
}
