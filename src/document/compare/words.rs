//! The words of a comparison table's header: what a header cell names — the rows' label, a measure
//! (a year, 上年/本年, 预算/决算), a change (增减额, 差额), a rate (增减率, 完成率, 执行率), a leaf under a group
//! header (金额, %), or a group header itself (增减情况). Adding a province's wording is adding a word here.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Measure {
    Prior,
    Current,
    Budget,
    Actual,
    /// A year with nothing after it (2016年度).
    Plain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RateWord {
    Change,
    Completion,
    Execution,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Label,
    Measure(Option<u32>, Measure),
    Change,
    Rate(RateWord),
    /// 金额 / % under a group header: a change or a rate only there.
    Leaf(bool),
    /// 增减情况, 对比: a header over other headers.
    Group,
}

const PRIOR: &[&str] = &[
    "上年",
    "上年度",
    "上年数",
    "上年决算",
    "上年决算数",
    "上年实际",
    "上年实际数",
    "上年同期",
    "上年同期数",
    "上期",
    "上期数",
    "去年",
    "上年金额",
    "上年发生额",
    "上年支出",
    "上年收入",
];
const CURRENT: &[&str] = &[
    "本年",
    "本年度",
    "本年数",
    "本年决算",
    "本年决算数",
    "本年实际",
    "本年实际数",
    "本期",
    "本期数",
    "今年",
    "当年",
    "当年数",
    "本年金额",
    "本年发生额",
    "本年支出",
    "本年收入",
];
const BUDGET: &[&str] = &[
    "预算",
    "预算数",
    "年初预算",
    "年初预算数",
    "调整预算",
    "调整预算数",
    "调整后预算",
    "调整后预算数",
    "全年预算",
    "全年预算数",
    "预算金额",
    "预算安排",
    "预算安排数",
];
const ACTUAL: &[&str] = &[
    "决算",
    "决算数",
    "实际",
    "实际数",
    "执行数",
    "实际执行数",
    "全年执行数",
    "完成数",
    "实际完成",
    "实际完成数",
    "实际支出",
    "实际支出数",
    "决算金额",
    "预算执行数",
];
pub(super) const LABELS: &[&str] = &[
    "项目", "科目", "名称", "指标", "类别", "类型", "内容", "序号", "编号", "行次", "摘要", "分类",
];
const RATE_MARKS: &[&str] = &["%", "率", "幅", "百分比", "比例"];
const CHANGE_WORDS: &[&str] = &[
    "增减",
    "差额",
    "差异",
    "变动",
    "增加额",
    "增长额",
    "增(减)",
    "比上年",
    "较上年",
    "同比",
    "增长",
    "变化",
    // 增幅 is signed like 增长率; 降幅 (a decrease written positive) is left out on purpose
    "增幅",
    "涨幅",
];

/// The header key of a cell: white space gone, brackets ASCII, full-width digits and signs ASCII; and the
/// money unit written in it ("(万元)"), removed.
pub(super) fn key(cell: &str) -> (String, &'static str) {
    let mut k: String = super::super::template::header_key(cell)
        .chars()
        .map(crate::num::figure::normalize_char)
        .collect();
    let mut unit = "";
    for u in ["万元", "亿元", "元"] {
        let written = format!("({u})");
        if k.contains(&written) {
            k = k.replace(&written, "");
            unit = u;
            break;
        }
    }
    (k.replace("(%)", "%"), unit)
}

fn year_of(k: &str) -> Option<(u32, &str)> {
    let digits: String = k.chars().take(4).collect();
    let y: u32 = digits.parse().ok()?;
    if !(1990..=2099).contains(&y) || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let rest = k.get(4..)?;
    let rest = rest.strip_prefix('年').unwrap_or(rest);
    Some((y, rest.strip_prefix('度').unwrap_or(rest)))
}

fn measure(k: &str) -> Option<(Option<u32>, Measure)> {
    let word = |w: &str| {
        [
            (PRIOR, Measure::Prior),
            (CURRENT, Measure::Current),
            (BUDGET, Measure::Budget),
            (ACTUAL, Measure::Actual),
        ]
        .into_iter()
        .find(|(list, _)| list.contains(&w))
        .map(|(_, m)| m)
    };
    match year_of(k) {
        Some((y, "" | "数" | "金额")) => Some((Some(y), Measure::Plain)),
        Some((y, rest)) => word(rest).map(|m| (Some(y), m)),
        None => word(k).map(|m| (None, m)),
    }
}

pub(super) fn classify(k: &str) -> Option<Kind> {
    if k.is_empty() || k.chars().count() > 16 {
        return None;
    }
    let has = |words: &[&str]| words.iter().any(|w| k.contains(w));
    if has(RATE_MARKS) {
        return if has(&["完成"]) {
            Some(Kind::Rate(RateWord::Completion))
        } else if has(&["执行"]) {
            Some(Kind::Rate(RateWord::Execution))
        } else if has(CHANGE_WORDS) {
            Some(Kind::Rate(RateWord::Change))
        } else if ["%", "百分比", "比例", "幅度", "比率"].contains(&k) {
            Some(Kind::Leaf(true))
        } else {
            None
        };
    }
    if has(&["情况", "对比", "比较"]) {
        return Some(Kind::Group);
    }
    if has(CHANGE_WORDS) {
        return Some(Kind::Change);
    }
    if let Some((y, m)) = measure(k) {
        return Some(Kind::Measure(y, m));
    }
    if ["金额", "数额", "绝对额", "绝对数", "绝对值"].contains(&k) {
        return Some(Kind::Leaf(false));
    }
    has(LABELS).then_some(Kind::Label)
}
