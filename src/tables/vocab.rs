//! The words of a 绩效自评表: indicator category labels, header words, qualitative targets. Both readers
//! (TSV and PDF text) and the scoring use them, so they live in one place.

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
    text.chars().count() >= 2
        && label_kind(text).is_none()
        && all_labels().any(|l| l.starts_with(text))
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
    !text.is_empty()
        && all_labels()
            .chain(NOISE.iter().copied())
            .any(|l| l.contains(text) && l != text)
}

/// Whether a whole cell is a qualitative word (`保障`, `提高`, `持续推进`, `基本达成`).
pub fn is_qualitative_word(text: &str) -> bool {
    QUALITATIVE.contains(&text.trim())
}

/// Whether a target or result is qualitative: no digit at all and not "not applicable".
pub fn is_qualitative_text(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && !t
            .chars()
            .any(|c| crate::figures::normalize_char(c).is_ascii_digit())
        && !crate::figures::is_not_applicable(t)
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
