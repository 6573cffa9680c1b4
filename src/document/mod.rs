//! One reading of the paste: [`Document::read`] cuts the text once into narrative and tables (by the one
//! title rule of [`title`]), reads every 绩效自评表 from its section (Excel cells or text copied out of a
//! PDF) and the narrative's figures. Every rule and the scoring work from this one reading.
//!
//! Spans are [start, end) offsets in Unicode scalar values (chars) into the pasted text.

mod cells;
mod columns;
pub mod compare;
pub mod narrative;
mod pdf;
pub mod runs;
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
use title::{title_kind, TitleKind};

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
    /// the narrative by [`compare::split`].
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
        let (sections, compare) = compare::split(text, sections(text));
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

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let (mut start, mut chars) = (0, 0);
    for piece in text.split_inclusive('\n') {
        let body = piece.trim_end_matches(['\n', '\r']);
        out.push(Line {
            start,
            end: start + body.len(),
            char_start: chars,
        });
        start += piece.len();
        chars += piece.chars().count();
    }
    out
}

/// Cuts the paste into narrative and tables.
///
/// A table runs from its title to the next title or the next heading that opens a section of the
/// disclosure ("十二、…", "第三部分 …"; for the standard tables, whose rows begin "一、…", only the latter).
/// Excel cells pasted without a title are a table from the first row that names a project ("项目名称") or
/// holds a header ("年初预算数", "一级指标") up to the first line without a tab.
fn sections(text: &str) -> Vec<Section> {
    let lines = lines(text);
    let at = |i: usize| {
        lines
            .get(i)
            .map_or("", |l| text.get(l.start..l.end).unwrap_or(""))
    };
    let mut cuts: Vec<(usize, SectionKind, String)> = Vec::new();
    let mut open: Option<SectionKind> = None;
    let mut cells_since = (0, false);
    let mut i = 0;
    while i < lines.len() {
        let line = at(i);
        let title = title_at(&lines, i, &at);
        if let Some((kind, title_lines)) = title {
            if matches!(kind, SectionKind::Standard(_)) && open == Some(kind) {
                // the same table's title again (a continued table, 续表): one table
                i += title_lines;
                continue;
            }
            let title_text: String = (i..i + title_lines).map(at).collect::<Vec<_>>().join("");
            // a web copy's bars around the title are not part of it
            let title_text = title_text
                .trim()
                .trim_matches(|c: char| c == '|' || c.is_whitespace());
            cuts.push((i, kind, title_text.to_string()));
            open = Some(kind);
            i += title_lines;
            continue;
        }
        let tabbed = celled(line);
        // whether the open table has had a line of cells so far (kept as the lines go, not scanned again)
        if cuts.len() != cells_since.0 {
            cells_since = (cuts.len(), false);
        }
        cells_since.1 |= tabbed;
        match open {
            Some(SectionKind::SelfEvaluation(_)) => {
                let tabular_table = cells_since.1;
                let ends = title::is_section_heading(line)
                    || (tabular_table && !tabbed && ends_cells(line))
                    || (tabbed && starts_untitled(line) && table_has_rows(&cuts, i, &at));
                if ends {
                    if tabbed && starts_untitled(line) {
                        cuts.push((
                            i,
                            SectionKind::SelfEvaluation(TableKind::Project),
                            String::new(),
                        ));
                    } else {
                        cuts.push((i, SectionKind::Narrative, String::new()));
                        open = None;
                    }
                }
            }
            Some(SectionKind::Standard(_)) => {
                if title::ends_standard_tables(line) {
                    cuts.push((i, SectionKind::Narrative, String::new()));
                    open = None;
                }
            }
            // comparison tables are cut out of the narrative afterwards (compare::split)
            Some(SectionKind::Narrative | SectionKind::Comparison) | None => {
                if tabbed && starts_untitled(line) {
                    cuts.push((
                        i,
                        SectionKind::SelfEvaluation(TableKind::Project),
                        String::new(),
                    ));
                    open = Some(SectionKind::SelfEvaluation(TableKind::Project));
                }
            }
        }
        i += 1;
    }
    let mut sections = Vec::new();
    let mut from = (0, SectionKind::Narrative, String::new());
    for cut in cuts {
        push_section(&mut sections, text, &lines, &from, cut.0);
        from = cut;
    }
    push_section(&mut sections, text, &lines, &from, lines.len());
    sections
}

/// The title starting at line `i`, and how many lines it takes: one, or two when a PDF broke it
/// ("项目支出绩效自" + "评表"); a year on the next line ("（2023 年度）") belongs to it.
fn title_at<'t>(
    lines: &[Line],
    i: usize,
    at: &impl Fn(usize) -> &'t str,
) -> Option<(SectionKind, usize)> {
    let line = at(i);
    let (kind, mut n) = match title_kind(line) {
        Some(k) => (k, 1),
        None => {
            let next = at(i + 1);
            let short = |s: &str| !s.trim().is_empty() && s.trim().chars().count() <= 24;
            // a piece of a title: short, no figure, no punctuation of a sentence; and the next line is
            // not a title by itself
            let piece = |s: &str| {
                short(s)
                    && !s
                        .chars()
                        .any(|c| c.is_ascii_digit() || "。，；：:,;\t".contains(c))
            };
            if i + 1 >= lines.len() || !piece(line) || !short(next) || title_kind(next).is_some() {
                return None;
            }
            (title_kind(&format!("{}{}", line.trim(), next.trim()))?, 2)
        }
    };
    if title::is_year_line(at(i + n)) {
        n += 1;
    }
    let kind = match kind {
        TitleKind::SelfEvaluation(k) => SectionKind::SelfEvaluation(k),
        // A standard table's title is followed by its unit or header within a few lines; a line that
        // merely names one (a list of attachments) is not.
        TitleKind::Standard(k) => {
            let confirmed = (i + n..i + n + 4).map(at).any(|l| {
                l.contains("单位") || l.contains("公开") || l.contains("项目") || l.contains("科目")
            });
            if !confirmed {
                return None;
            }
            SectionKind::Standard(k)
        }
    };
    Some((kind, n))
}

/// Whether a line holds cells: Excel's tabs, or a web copy's `|` between cells.
fn celled(line: &str) -> bool {
    line.contains('\t') || line.contains('|')
}

/// The cells of a line of Excel or web cells.
fn line_cells(line: &str) -> impl Iterator<Item = &str> {
    line.split(['\t', '|']).map(str::trim)
}

/// A line of cells that starts a table with no title above it: the project's or unit's name, or a header
/// row of the funds or indicator block (by the templates' header words).
fn starts_untitled(line: &str) -> bool {
    let first = line_cells(line).find(|c| !c.is_empty()).unwrap_or("");
    let first = template::header_key(first);
    if first.starts_with("项目名称") || first == "单位名称" || first == "部门(单位)名称"
    {
        return true;
    }
    let cells: Vec<&str> = line_cells(line).collect();
    let funds: Vec<template::Role> = cells
        .iter()
        .filter_map(|c| template::funds_role(c))
        .collect();
    let rows: Vec<template::Role> = cells
        .iter()
        .filter_map(|c| template::indicator_role(c))
        .collect();
    (funds.len() >= 3
        && funds
            .iter()
            .any(|r| matches!(r, template::Role::Budget | template::Role::Executed)))
        || (rows.len() >= 3 && rows.contains(&template::Role::Level1))
}

/// Whether the table begun at the last cut already has rows, so that a new header starts another table
/// (a funds header right after 项目名称 belongs to the same one).
fn table_has_rows<'t>(
    cuts: &[(usize, SectionKind, String)],
    i: usize,
    at: &impl Fn(usize) -> &'t str,
) -> bool {
    let Some((from, _, _)) = cuts.last() else {
        return false;
    };
    line_cells(at(i)).any(|c| c.starts_with("项目名称"))
        && (*from..i).any(|j| line_cells(at(j)).any(|c| c == "一级指标" || c.starts_with("总分")))
}

/// Whether a line without a tab, inside Excel cells, means the cells have ended: a sentence of narrative
/// (a cell broken by Alt+Enter is short and has no full stop).
fn ends_cells(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() > 20 && (t.ends_with('。') || t.contains("。"))
}

fn push_section(
    out: &mut Vec<Section>,
    text: &str,
    lines: &[Line],
    from: &(usize, SectionKind, String),
    to: usize,
) {
    let (first, kind, title) = from;
    if *first >= to {
        return;
    }
    let (Some(a), Some(b)) = (lines.get(*first), lines.get(to - 1)) else {
        return;
    };
    let end_byte = lines.get(to).map_or(text.len(), |l| l.start);
    let end_char = lines.get(to).map_or_else(
        || b.char_start + text.get(b.start..).map_or(0, |t| t.chars().count()),
        |l| l.char_start,
    );
    // Adjacent narrative pieces (a heading that did not end anything) are one section.
    if let Some(last) = out.last_mut() {
        if last.kind == *kind && *kind == SectionKind::Narrative {
            last.bytes.end = end_byte;
            last.span.1 = end_char;
            return;
        }
    }
    out.push(Section {
        kind: *kind,
        bytes: a.start..end_byte,
        span: (a.char_start, end_char),
        title: title.clone(),
    });
}
