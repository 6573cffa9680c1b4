//! What every table paste has around its body: the title line, the unit line, header lines, and the notes
//! under the table.

use super::kinds::{table_kind, StandardKind};
use super::lex::{Kind, LexLine};
use super::model::StandardTable;

/// Words that make a line part of a header (or a header repeated on the next page), never a data row.
const HEADER_WORDS: &[&str] = &[
    "科目编码",
    "科目名称",
    "功能分类",
    "经济分类",
    "栏次",
    "项目（按功能分类）",
];

/// The lines between the title and the notes, with the title, unit and notes recorded in `table`.
/// Returns the indices of the remaining lines.
pub(crate) fn frame(
    kind: StandardKind,
    lines: &[LexLine],
    table: &mut StandardTable,
) -> Vec<usize> {
    let mut start = 0;
    for (i, l) in lines.iter().enumerate().take(12) {
        if table_kind(&l.squashed) == Some(kind) {
            table.title = l.squashed.clone();
            start = i + 1;
            break;
        }
    }
    let mut body = Vec::new();
    let mut in_notes = false;
    for (i, l) in lines.iter().enumerate().skip(start) {
        let s = &l.squashed;
        if s.is_empty() {
            continue;
        }
        if in_notes || is_note(s) {
            in_notes = true;
            table.notes.push(s.clone());
            continue;
        }
        if let Some(unit) = unit_of(s) {
            table.unit.get_or_insert(unit);
            continue;
        }
        if is_preamble(s) || is_page_number(s) || table_kind(s) == Some(kind) {
            continue;
        }
        body.push(i);
    }
    body
}

/// "注：…", "说明：…", "备注…": a note under the table.
pub(crate) fn is_note(s: &str) -> bool {
    ["注：", "注:", "注1", "注 ", "说明：", "说明:", "备注"]
        .iter()
        .any(|p| s.starts_with(p))
        || s == "注"
}

/// "单位：万元", "金额单位：万元" (also after "编制单位：…" on the same line).
fn unit_of(s: &str) -> Option<String> {
    s.match_indices("单位：").find_map(|(i, w)| {
        let rest = &s[i + w.len()..];
        ["万元", "亿元", "元"]
            .iter()
            .find(|u| rest.starts_with(**u))
            .map(|u| (*u).to_string())
    })
}

/// "公开01表", "表一", "附表1", "编制单位：…", "部门：…", a lone year line: not table content.
fn is_preamble(s: &str) -> bool {
    let table_no = s.starts_with("公开") && s.ends_with('表') && s.chars().count() <= 8;
    let numbered = (s.starts_with('表') || s.starts_with("附表")) && s.chars().count() <= 5;
    table_no
        || numbered
        || s.starts_with("编制单位")
        || s.starts_with("部门：")
        || s.starts_with("单位名称")
        || s.starts_with("金额单位")
}

/// A page number the PDF text carries between rows: "- 12 -", "—12—", "第12页", "第12页共25页", "12/25",
/// or a lone digit. A lone 2- or 3-digit number is kept: it can be a code ("302" above "01 办公费"), and
/// a lone "0" is a printed blank.
fn is_page_number(s: &str) -> bool {
    let digits = |x: &str| !x.is_empty() && x.len() <= 3 && x.chars().all(|c| c.is_ascii_digit());
    let t = s.trim_matches(|c| matches!(c, '-' | '—' | '－'));
    if digits(t) && t.len() < s.len() {
        return true;
    }
    if s.len() == 1 && digits(s) {
        return s != "0";
    }
    if let Some(inner) = s.strip_prefix('第') {
        let page = inner.split('页').next().unwrap_or("");
        return digits(page)
            && inner.contains('页')
            && inner
                .chars()
                .all(|c| c.is_ascii_digit() || "页共第".contains(c));
    }
    s.split_once('/')
        .is_some_and(|(a, b)| digits(a) && digits(b))
}

/// A header line: no decimal number, and a header word, or only the code-level words (类 款 项).
pub(crate) fn is_header_line(l: &LexLine) -> bool {
    if l.toks.iter().any(|t| t.kind == Kind::Num) {
        return false;
    }
    let s = l.squashed.as_str();
    HEADER_WORDS.iter().any(|w| s.contains(w))
        || matches!(
            s,
            "类款项" | "类款" | "类" | "款" | "项" | "收入支出" | "预算数决算数"
        )
        || s.chars().all(|c| "类款项".contains(c))
}
