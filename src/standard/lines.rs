//! The labelled lines of the two summary tables (T1 收入支出决算总表, T4 财政拨款收入支出决算总表) and the
//! 功能分类 class names they list by name.

use super::kinds::squash;
use serde::Serialize;

/// A labelled line of T1 or T4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Line {
    /// 一、一般公共预算财政拨款收入 (T1) / 一、一般公共预算财政拨款 (T4 收入).
    IncGeneral,
    /// 二、政府性基金预算财政拨款收入.
    IncFund,
    /// 三、国有资本经营预算财政拨款收入.
    IncCapital,
    /// 财政拨款收入 as one line (before about 2019).
    IncAppropriation,
    /// 上级补助收入.
    IncSuperior,
    /// 事业收入.
    IncBusiness,
    /// 经营收入.
    IncOperating,
    /// 附属单位上缴收入.
    IncAffiliated,
    /// 其他收入.
    IncOther,
    /// 本年收入合计.
    IncomeTotal,
    /// 使用非财政拨款结余（含专用结余）.
    UseBalance,
    /// 年初结转和结余 / 年初财政拨款结转和结余.
    Opening,
    /// T4 年初 sub-row 一般公共预算财政拨款.
    OpeningGeneral,
    /// T4 年初 sub-row 政府性基金预算财政拨款.
    OpeningFund,
    /// T4 年初 sub-row 国有资本经营预算财政拨款.
    OpeningCapital,
    /// 收入 side 总计.
    IncomeGrand,
    /// An expense class line (一般公共服务支出 …); the row carries the class code when known.
    ExpClass,
    /// 本年支出合计.
    ExpenseTotal,
    /// 结余分配.
    Distribution,
    /// 年末结转和结余 / 年末财政拨款结转和结余.
    Closing,
    /// 支出 side 总计.
    ExpenseGrand,
}

impl Line {
    /// Whether the line sits on the expense (right) side, which has the fund columns in T4.
    pub fn is_expense_side(self) -> bool {
        matches!(
            self,
            Line::ExpClass
                | Line::ExpenseTotal
                | Line::Distribution
                | Line::Closing
                | Line::ExpenseGrand
        )
    }

    /// The line's name as the template prints it.
    pub fn title(self) -> &'static str {
        match self {
            Line::IncGeneral => "一般公共预算财政拨款收入",
            Line::IncFund => "政府性基金预算财政拨款收入",
            Line::IncCapital => "国有资本经营预算财政拨款收入",
            Line::IncAppropriation => "财政拨款收入",
            Line::IncSuperior => "上级补助收入",
            Line::IncBusiness => "事业收入",
            Line::IncOperating => "经营收入",
            Line::IncAffiliated => "附属单位上缴收入",
            Line::IncOther => "其他收入",
            Line::IncomeTotal => "本年收入合计",
            Line::UseBalance => "使用非财政拨款结余",
            Line::Opening => "年初结转和结余",
            Line::OpeningGeneral => "年初结转和结余·一般公共预算财政拨款",
            Line::OpeningFund => "年初结转和结余·政府性基金预算财政拨款",
            Line::OpeningCapital => "年初结转和结余·国有资本经营预算财政拨款",
            Line::IncomeGrand => "收入总计",
            Line::ExpClass => "支出功能分类类级行",
            Line::ExpenseTotal => "本年支出合计",
            Line::Distribution => "结余分配",
            Line::Closing => "年末结转和结余",
            Line::ExpenseGrand => "支出总计",
        }
    }
}

/// The 支出功能分类 classes (类) by code, with the names used by year (newest first).
pub(crate) const CLASSES: &[(&str, &[&str])] = &[
    ("201", &["一般公共服务支出"]),
    ("202", &["外交支出"]),
    ("203", &["国防支出"]),
    ("204", &["公共安全支出"]),
    ("205", &["教育支出"]),
    ("206", &["科学技术支出"]),
    ("207", &["文化旅游体育与传媒支出", "文化体育与传媒支出"]),
    ("208", &["社会保障和就业支出"]),
    ("209", &["社会保险基金支出"]),
    (
        "210",
        &["卫生健康支出", "医疗卫生与计划生育支出", "医疗卫生支出"],
    ),
    ("211", &["节能环保支出"]),
    ("212", &["城乡社区支出", "城乡社区事务支出"]),
    ("213", &["农林水支出", "农林水事务支出"]),
    ("214", &["交通运输支出"]),
    (
        "215",
        &[
            "资源勘探工业信息等支出",
            "资源勘探信息等支出",
            "资源勘探电力信息等支出",
        ],
    ),
    ("216", &["商业服务业等支出"]),
    ("217", &["金融支出", "金融监管等事务支出"]),
    ("219", &["援助其他地区支出"]),
    (
        "220",
        &[
            "自然资源海洋气象等支出",
            "国土海洋气象等支出",
            "国土资源气象等支出",
        ],
    ),
    ("221", &["住房保障支出"]),
    ("222", &["粮油物资储备支出", "粮油物资储备管理等事务"]),
    ("223", &["国有资本经营预算支出"]),
    ("224", &["灾害防治及应急管理支出"]),
    ("227", &["预备费"]),
    ("229", &["其他支出"]),
    ("230", &["转移性支出"]),
    ("231", &["债务还本支出"]),
    ("232", &["债务付息支出"]),
    ("233", &["债务发行费用支出"]),
    ("234", &["抗疫特别国债安排的支出"]),
];

/// The class code of a class name ("一般公共服务支出" → "201"), by the vocabulary.
pub(crate) fn class_code(name: &str) -> Option<&'static str> {
    let n = squash(name);
    CLASSES
        .iter()
        .find(|(_, names)| names.iter().any(|x| *x == n))
        .map(|(code, _)| *code)
}

/// Strips a leading ordinal ("一、", "二十六、", "(一)", "1.") from a label.
pub(crate) fn strip_ordinal(label: &str) -> &str {
    let numerals = |c: char| "一二三四五六七八九十百零〇".contains(c);
    let s = label.trim_start();
    let body: String = s.chars().take_while(|&c| numerals(c)).collect();
    if !body.is_empty() {
        let rest = &s[body.len()..];
        if let Some(r) = rest.strip_prefix('、') {
            return r;
        }
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = s.strip_prefix(open) {
            if let Some(end) = inner.find(close) {
                if inner[..end].chars().all(numerals) && end > 0 {
                    return &inner[end + close.len_utf8()..];
                }
            }
        }
    }
    s
}

/// What a (squashed) summary-table label is, given whether the 年初 line has been seen (T4's 年初 sub-rows
/// repeat the three fund names) and whether a 总计 has been seen (the second is the expense side's).
pub(crate) fn classify(label: &str, after_opening: bool, grand_seen: bool) -> Option<Line> {
    let l = squash(strip_ordinal(label));
    let l = l.trim_start_matches("其中：").trim_start_matches("其中");
    let has = |w: &str| l.contains(w);
    let line = if l.is_empty() {
        return None;
    } else if has("总计") {
        if has("收入") {
            Line::IncomeGrand
        } else if has("支出") || grand_seen {
            Line::ExpenseGrand
        } else {
            Line::IncomeGrand
        }
    } else if has("本年收入合计") || l == "收入合计" {
        Line::IncomeTotal
    } else if has("本年支出合计") || l == "支出合计" {
        Line::ExpenseTotal
    } else if has("年初") && has("结余") {
        Line::Opening
    } else if has("年末") && has("结余") {
        Line::Closing
    } else if has("使用非财政拨款结余") || has("用事业基金弥补收支差额") {
        Line::UseBalance
    } else if has("结余分配") {
        Line::Distribution
    } else if l.ends_with("支出") || class_code(l).is_some() {
        Line::ExpClass
    } else if has("一般公共预算") {
        if after_opening {
            Line::OpeningGeneral
        } else {
            Line::IncGeneral
        }
    } else if has("政府性基金") {
        if after_opening {
            Line::OpeningFund
        } else {
            Line::IncFund
        }
    } else if has("国有资本经营") {
        if after_opening {
            Line::OpeningCapital
        } else {
            Line::IncCapital
        }
    } else if l == "财政拨款收入" || l == "财政补助收入" || l == "财政拨款" {
        Line::IncAppropriation
    } else if has("上级补助收入") {
        Line::IncSuperior
    } else if has("事业收入") {
        Line::IncBusiness
    } else if has("经营收入") {
        Line::IncOperating
    } else if has("附属单位上缴收入") || has("附属单位缴款") {
        Line::IncAffiliated
    } else if has("其他收入") {
        Line::IncOther
    } else {
        return None;
    };
    Some(line)
}

/// Labels of the summary tables that are not ordinal lines, longest first (to split a run of text).
pub(crate) const FIXED_LABELS: &[&str] = &[
    "使用非财政拨款结余（含专用结余）",
    "年初财政拨款结转和结余",
    "年末财政拨款结转和结余",
    "使用非财政拨款结余",
    "用事业基金弥补收支差额",
    "年初结转和结余",
    "年末结转和结余",
    "本年收入合计",
    "本年支出合计",
    "结余分配",
    "收入总计",
    "支出总计",
    "总计",
];
