//! The one rule that says where a table begins: every reader (narrative, Excel cells, PDF text) cuts the
//! paste where this rule says, so no two readers can disagree about what is a table.
//!
//! A title is a short line that *is* a table's name — "项目支出绩效自评表", "部门（单位）整体支出绩效目标自评表
//! （2023 年度）", "收入支出决算总表" — not a sentence that mentions one ("附绩效自评表及自评报告。",
//! "整体支出绩效自评表 1 个，…"), and not a table of contents line ("一、《收入支出决算总表》").

use super::table::TableKind;
use crate::standard::StandardKind;

/// What a title line names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// A 绩效自评表 (project or 部门整体).
    SelfEvaluation(TableKind),
    /// One of the nine standard 部门决算 tables (公开01–09表); their names by year and province are the
    /// standard tables' own vocabulary ([`crate::standard::table_kind`]).
    Standard(StandardKind),
}

/// Longest title, in chars, once white space is removed: a name with its year and a table number.
const LONGEST: usize = 48;

/// The kind of table a line is the title of, or None when it is not a title.
///
/// # Example
/// ```
/// use juesuan::document::title::{title_kind, TitleKind};
/// use juesuan::document::TableKind;
/// assert_eq!(title_kind(" 项目支出绩效自评表"), Some(TitleKind::SelfEvaluation(TableKind::Project)));
/// assert_eq!(title_kind("部门（单位）整体支出绩效目标自评表（2023 年度）"),
///            Some(TitleKind::SelfEvaluation(TableKind::Department)));
/// assert_eq!(title_kind("具体项目自评情况附绩效自评表及自评报告。"), None);
/// assert_eq!(title_kind("整体支出绩效自评表 1 个，全年预算总额 1,810.22 万元，"), None);
/// assert_eq!(title_kind("公开01表 收入支出决算总表"),
///            Some(TitleKind::Standard(juesuan::standard::StandardKind::T1)));
/// assert_eq!(title_kind("一、《收入支出决算总表》"), None);
/// assert_eq!(title_kind("2022年度项目支出绩效自评表 | 部门：某中学 |"),
///            Some(TitleKind::SelfEvaluation(TableKind::Project)));
/// ```
pub fn title_kind(line: &str) -> Option<TitleKind> {
    // Cheap refusals first: this runs on every line of every paste.
    if !line.contains('表') {
        return None;
    }
    // A web copy's title is the first cell of its line ("2022年度项目支出绩效自评表 | 部门：…").
    let line = if line.contains('|') {
        line.split('|')
            .map(str::trim)
            .find(|c| !c.is_empty())
            .unwrap_or("")
    } else {
        line
    };
    if line.len() > LONGEST * 4 + 64 {
        return None;
    }
    let compact: String = line
        .chars()
        .filter(|c| !c.is_whitespace() && !crate::num::figure::is_invisible(*c))
        .collect();
    if compact.is_empty() || compact.chars().count() > LONGEST {
        return None;
    }
    let name = strip_year(&compact);
    if name.ends_with("自评表") {
        let kind = if name.contains("整体") {
            TableKind::Department
        } else {
            TableKind::Project
        };
        return Some(TitleKind::SelfEvaluation(kind));
    }
    // A contents line quotes the name (《…》) or ends in a page number; a title stands alone.
    if name.contains('《') || name.contains('。') || name.contains('，') {
        return None;
    }
    crate::standard::table_kind(name).map(TitleKind::Standard)
}

/// Whether a line is only the year a title gives on its own line: "（2023 年度）", "(2023年)".
pub fn is_year_line(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = compact
        .strip_prefix(['（', '('])
        .and_then(|s| s.strip_suffix(['）', ')']));
    inner.is_some_and(|s| {
        let digits = s.chars().take_while(char::is_ascii_digit).count();
        digits == 4 && matches!(&s[digits..], "年" | "年度")
    })
}

/// The name without a year in brackets at its end: "…自评表（2023年度）" → "…自评表".
fn strip_year(compact: &str) -> &str {
    match compact.rfind(['（', '(']) {
        Some(open) if is_year_line(&compact[open..]) => &compact[..open],
        _ => compact,
    }
}

/// Whether a line opens a section of a disclosure ("十二、其他需说明的事项", "第三部分 专业名词解释"): a table
/// of 绩效自评表 ends there, since no cell of one starts with a numbered heading.
pub fn is_section_heading(line: &str) -> bool {
    let t = line.trim_start();
    let numbered = t
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    (numbered > 0 && t.chars().nth(numbered) == Some('、'))
        || (t.starts_with('第') && t.chars().take(6).collect::<String>().contains("部分"))
}

/// Whether a line ends the standard tables ("第三部分 …", "一、收入支出决算总体情况说明", "名词解释"): their
/// own rows start "一、一般公共预算财政拨款收入", so a numbered line ends them only when it names a 说明.
pub fn ends_standard_tables(line: &str) -> bool {
    crate::standard::ends_tables(line)
}
