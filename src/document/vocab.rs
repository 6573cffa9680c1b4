//! The words of a 绩效自评表: indicator category labels, header words, qualitative targets. Both readers
//! (TSV and PDF text) and the scoring use them, so they live in one place.

use std::sync::OnceLock;

/// 一级指标 names.
pub const LEVEL1: &[&str] = &[
    "产出指标",
    "成本指标",
    "效益指标",
    "满意度指标",
    "履职效能",
    "管理效率",
    "社会效应",
];

/// 二级指标 names.
pub const LEVEL2: &[&str] = &[
    "数量指标",
    "质量指标",
    "时效指标",
    "经济成本指标",
    "社会成本指标",
    "生态环境成本指标",
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
    "满意度指标",
    "服务对象满意度指标",
];

/// Header words and vertical captions that sit between indicator rows in text copied out of a PDF.
pub const NOISE: &[&str] = &[
    "年度绩效指标完成情况",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "预期指标值",
    "指标值设定依据",
    "实际完成值",
    "实际完成指标值",
    "分值",
    "分值权重",
    "得分",
    "偏差原因分析及改进措施",
];

/// Words that make a target or a result qualitative (定性指标).
const QUALITATIVE: &[&str] = &[
    "保障",
    "提高",
    "提升",
    "持续推进",
    "推进",
    "达成",
    "达到",
    "实现",
    "完成",
    "改善",
    "优化",
    "增强",
    "加强",
    "有效",
    "明显",
    "显著",
    "稳定",
    "良好",
    "较好",
    "好",
    "是",
    "否",
    "有",
    "无",
    "达标",
    "逐步提高",
    "有效提升",
    "有效提高",
    "明显提升",
    "明显提高",
    "显著提升",
    "显著提高",
    "不断提高",
    "逐步提升",
    "有所提高",
    "有所提升",
    "持续提升",
    "持续提高",
    "有效改善",
    "明显改善",
    "显著改善",
    "持续改善",
    "逐步改善",
    "基本达成",
    "部分达成",
    "未达成",
    "基本实现",
    "部分实现",
    "未实现",
    "基本完成",
    "部分完成",
    "未完成",
    "基本达标",
    "未达标",
    "基本保障",
    "部分保障",
    "未保障",
    "已完成",
    "已达成",
    "已实现",
];

/// What a category label is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// 一级指标 only.
    Level1,
    /// 二级指标 only.
    Level2,
    /// Both (满意度指标 is a 一级 and a 二级 name).
    Both,
    /// A header word or caption.
    Noise,
}

/// The kind of a whole label, or None.
pub fn label_kind(text: &str) -> Option<LabelKind> {
    let words = &index().words;
    let at = words.binary_search_by(|(w, _)| (*w).cmp(text)).ok()?;
    words.get(at).map(|&(_, kind)| kind)
}

/// Whether some label or header word begins with `text` (or is `text`): a run of tokens that is not one
/// cannot grow into a label.
pub fn begins_label(text: &str) -> bool {
    let words = &index().words;
    // The words that begin with `text` sort together, right after the words less than `text`.
    let at = words.partition_point(|(w, _)| *w < text);
    words.get(at).is_some_and(|(w, _)| w.starts_with(text))
}

/// The word lists sorted once, so that a look-up is a binary search: the PDF reader asks these of nearly
/// every token, where a scan of the lists cost more than cutting the text into tokens.
struct Index {
    /// Every label and header word with its kind, sorted.
    words: Vec<(&'static str, LabelKind)>,
    /// Every char of a label or header word, sorted.
    label_chars: Vec<char>,
    /// [`QUALITATIVE`], sorted.
    qualitative: Vec<&'static str>,
    /// The [`char_bit`]s of their first chars.
    qualitative_first: u64,
    /// The length in bytes of the longest.
    longest_qualitative: usize,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut words: Vec<(&'static str, LabelKind)> = all_labels()
            .chain(NOISE.iter().copied())
            .filter_map(|w| kind_in_lists(w).map(|kind| (w, kind)))
            .collect();
        sort_small(&mut words, |&(w, _)| w);
        words.dedup_by_key(|&mut (w, _)| w);
        let mut label_chars: Vec<char> = words.iter().flat_map(|(w, _)| w.chars()).collect();
        sort_small(&mut label_chars, |&c| c);
        label_chars.dedup();
        let mut qualitative = QUALITATIVE.to_vec();
        sort_small(&mut qualitative, |&w| w);
        let qualitative_first = QUALITATIVE
            .iter()
            .filter_map(|w| w.chars().next())
            .fold(0, |bits, c| bits | char_bit(c));
        let longest_qualitative = QUALITATIVE.iter().map(|w| w.len()).max().unwrap_or(0);
        Index {
            words,
            label_chars,
            qualitative,
            qualitative_first,
            longest_qualitative,
        }
    })
}

/// Sorts the few hundred words once, by insertion: std's sorts are fast on large inputs but add kilobytes
/// of code to the wasm for each element type, which the page downloads.
fn sort_small<T: Copy, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// [`label_kind`] read off the lists: a 一级 and 二级 name is both, a header word only when no label.
fn kind_in_lists(text: &str) -> Option<LabelKind> {
    let l1 = LEVEL1.contains(&text);
    let l2 = LEVEL2.contains(&text);
    match (l1, l2) {
        (true, true) => Some(LabelKind::Both),
        (true, false) => Some(LabelKind::Level1),
        (false, true) => Some(LabelKind::Level2),
        _ if NOISE.contains(&text) => Some(LabelKind::Noise),
        _ => None,
    }
}

fn all_labels() -> impl Iterator<Item = &'static str> {
    LEVEL1.iter().chain(LEVEL2).copied()
}

/// Whether `text` (2 chars or more) begins a category label without being one: `社会` of `社会效益指标`.
pub fn is_label_prefix(text: &str) -> bool {
    all_labels().any(|l| l.starts_with(text))
        && text.chars().count() >= 2
        && label_kind(text).is_none()
}

/// The only label that `prefix` can begin, if exactly one.
pub fn unique_completion(prefix: &str) -> Option<&'static str> {
    let mut found = LEVEL2.iter().filter(|l| l.starts_with(prefix));
    match (found.next(), found.next()) {
        (Some(l), None) => Some(l),
        _ => None,
    }
}

/// Whether `text` is a stray piece of a label (`指标`, `标`, `意度指标`): a PDF leaves these inside other cells.
pub fn is_label_piece(text: &str) -> bool {
    let chars = &index().label_chars;
    // Most text has a char that no label has; looking each char up is cheaper than searching every label.
    !text.is_empty()
        && text.chars().all(|c| chars.binary_search(&c).is_ok())
        && all_labels()
            .chain(NOISE.iter().copied())
            .any(|l| l.len() > text.len() && l.contains(text))
}

/// Whether a whole cell is a qualitative word (`保障`, `提高`, `持续推进`, `基本达成`).
pub fn is_qualitative_word(text: &str) -> bool {
    is_qualitative_token(text.trim())
}

/// [`is_qualitative_word`] of text without surrounding white space (a token of PDF text).
pub(crate) fn is_qualitative_token(word: &str) -> bool {
    let index = index();
    // Most tokens are not: their length or first char rules them out before any comparison.
    word.len() <= index.longest_qualitative
        && word
            .chars()
            .next()
            .is_some_and(|c| index.qualitative_first & char_bit(c) != 0)
        && index.qualitative.binary_search(&word).is_ok()
}

/// One bit of 64 for a char: a set of first chars that may hold a few others too.
fn char_bit(c: char) -> u64 {
    1 << (u32::from(c) % 64)
}

/// Whether a target or result is qualitative: no digit at all and not "not applicable".
pub fn is_qualitative_text(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && !t
            .chars()
            .any(|c| crate::num::figure::normalize_char(c).is_ascii_digit())
        && !crate::num::figure::is_not_applicable(t)
}

/// Comparators written in words before a target's number: (words, symbol). 低于/少于 are strict.
const WORDS_BEFORE: &[(&str, &str)] = &[
    ("不超过", "≤"),
    ("不高于", "≤"),
    ("不多于", "≤"),
    ("不大于", "≤"),
    ("低于", "<"),
    ("少于", "<"),
    ("不少于", "≥"),
    ("不低于", "≥"),
    ("不小于", "≥"),
    ("至少", "≥"),
];

/// Comparators written in words after a target's figure: (words, symbol).
const WORDS_AFTER: &[(&str, &str)] = &[
    ("以内", "≤"),
    ("之内", "≤"),
    ("以下", "≤"),
    ("内", "≤"),
    ("以上", "≥"),
];

/// A target whose comparator is written in words ("3天以内", "不少于12种", "90%以上") as the scoring reads
/// it ("≤3天", "≥12种", "≥90%"); None when the text already starts with a comparator or has no such words.
pub fn comparator_in_words(text: &str) -> Option<String> {
    let t = text.trim();
    let first = t.chars().next()?;
    if !first.is_ascii_digit() {
        let (words, symbol) = WORDS_BEFORE.iter().find(|(w, _)| t.starts_with(w))?;
        let rest = t.get(words.len()..)?.trim_start();
        return rest
            .starts_with(|c: char| c.is_ascii_digit())
            .then(|| format!("{symbol}{rest}"));
    }
    let (words, symbol) = WORDS_AFTER.iter().find(|(w, _)| t.ends_with(w))?;
    let rest = t.get(..t.len() - words.len())?.trim_end();
    Some(format!("{symbol}{rest}"))
}

/// How far a qualitative result goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Achievement {
    /// 达成: 80–100% of the weight.
    Achieved,
    /// 部分达成: 60–80%.
    Partly,
    /// 未达成: 0–60%.
    NotAchieved,
}

impl Achievement {
    /// The band as (lowest, highest) share of the weight, in percent.
    pub fn band(self) -> (i64, i64) {
        match self {
            Achievement::Achieved => (80, 100),
            Achievement::Partly => (60, 80),
            Achievement::NotAchieved => (0, 60),
        }
    }

    /// The band's name in Chinese.
    pub fn title(self) -> &'static str {
        match self {
            Achievement::Achieved => "达成",
            Achievement::Partly => "部分达成",
            Achievement::NotAchieved => "未达成",
        }
    }
}

/// Reads the wording of a qualitative result: `未…`/`没有`/`否`/`无` → not achieved; `部分`/`基本`/`较` → partly;
/// anything else (usually the target repeated: 保障 / 保障) → achieved.
pub fn achievement(actual: &str) -> Achievement {
    let a = actual.trim();
    if a.starts_with('未') || a.contains("没有") || a.contains("未达") || a == "否" || a == "无"
    {
        Achievement::NotAchieved
    } else if a.contains("部分") || a.contains("基本") || a.starts_with('较') {
        Achievement::Partly
    } else {
        Achievement::Achieved
    }
}
