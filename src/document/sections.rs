//! Cutting the paste into sections: narrative ranges and tables, by the one title rule (`title`).

use super::template;
use super::title::{self, title_kind, TitleKind};
use super::{Line, Section, SectionKind, TableKind};

pub(super) fn lines(text: &str) -> Vec<Line> {
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
pub(super) fn sections(text: &str, lines: &[Line]) -> Vec<Section> {
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
        let title = title_at(lines, i, &at);
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
        push_section(&mut sections, text, lines, &from, cut.0);
        from = cut;
    }
    push_section(&mut sections, text, lines, &from, lines.len());
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
