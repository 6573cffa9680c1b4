//! Every sentence a report says about a figure, in one place, so the wording stays consistent: verdict
//! messages, claim titles, formulas, likely causes, and the scoring's explanations. (Readers' messages about
//! cells they cannot read, and `Error`'s, are in `document` and `error`.)

use crate::num::decimal::text;
use crate::num::rates::Label;
use crate::num::verdict::{Check, Verdict};
use crate::rules::ClaimKind;
use rust_decimal::Decimal;

/// The verdict in Chinese, as the page shows it beside its symbol.
pub fn verdict_title(v: Verdict) -> &'static str {
    match v {
        Verdict::Ok => "一致",
        Verdict::Notice => "提示",
        Verdict::Rounding => "尾差",
        Verdict::Mismatch => "不一致",
        Verdict::NotComputable => "无法计算",
    }
}

/// The claim kind in Chinese.
pub fn kind_title(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Sum => "合计",
        ClaimKind::Balance => "收支平衡",
        ClaimKind::Share => "占比",
        ClaimKind::Growth => "增长率",
        ClaimKind::Difference => "增减额",
        ClaimKind::Variance => "预决算差异率",
        ClaimKind::Completion => "完成预算比例",
        ClaimKind::Execution => "执行率",
        ClaimKind::Count => "个数",
        ClaimKind::SameFigure => "前后一致",
        ClaimKind::Direction => "增减方向",
        ClaimKind::TableSum => "表内勾稽",
        ClaimKind::TableLink => "表间勾稽",
        ClaimKind::TextTable => "说明与报表",
    }
}

/// The Chinese sentence that explains a verdict; `unit` ("%", "万元", "") follows every number.
///
/// The allowed range is shown at the precision that decides the verdict: the finer of the stated figure's
/// and its inputs' (a sum of 536.07 stated as 536.1 shows 536.01 ~ 536.13, not 536.1 ~ 536.1).
pub fn check_message(check: &Check, unit: &str) -> String {
    let stated = format!("{}{unit}", text(check.stated.value));
    let range = check
        .interval
        .map(|(lo, hi)| format!("{}{unit} ~ {}{unit}", text(lo), text(hi)))
        .unwrap_or_default();
    match (check.verdict, check.recomputed.map(text), check.difference) {
        (Verdict::Ok, Some(r), _) => format!("填报 {stated}，重算 {r}{unit}，一致"),
        (Verdict::Rounding, Some(r), Some(d)) => format!(
            "填报 {stated}，重算 {r}{unit}，相差 {}{unit}；输入均为四舍五入后的数，允许范围 {range}，属尾差",
            text(d.abs())
        ),
        (Verdict::Mismatch, Some(r), Some(d)) => {
            format!(
                "填报 {stated}，重算 {r}{unit}，相差 {}{unit}，超出允许范围 {range}",
                text(d.abs())
            )
        }
        _ => match check.label {
            Some(label @ (Label::New | Label::Flat)) => format!(
                "上年数为 0，增长率无法计算（{}）；填报 {stated} 无从核对",
                label.text()
            ),
            _ => format!("分母为 0，无法计算；填报 {stated} 无从核对"),
        },
    }
}

/// The formula of a claim with its numbers, from its kind and inputs (in the order the rule gave them).
pub fn formula(kind: ClaimKind, values: &[Decimal], recomputed: Option<Decimal>) -> String {
    let v = |i: usize| values.get(i).map(|d| text(*d)).unwrap_or_default();
    let r = recomputed.map(text).unwrap_or_else(|| "—".into());
    match kind {
        ClaimKind::Sum | ClaimKind::Count => {
            // a part taken away (a spending in an account's balance) reads "− x", not "+ -x"
            let mut out = String::new();
            for (k, d) in values.iter().skip(1).enumerate() {
                match (k, d.is_sign_negative()) {
                    (0, _) => out.push_str(&text(*d)),
                    (_, true) => out.push_str(&format!(" − {}", text(d.abs()))),
                    (_, false) => out.push_str(&format!(" + {}", text(*d))),
                }
            }
            format!("{out} = {r}")
        }
        ClaimKind::Balance | ClaimKind::SameFigure => format!("{} 与 {} 应相等", v(0), v(1)),
        ClaimKind::Share => format!("{} ÷ {} × 100%", v(0), v(1)),
        // (本年, 上年): the change over the prior; (本年, 增减额, 上年): the change over 本年 − 增减额
        ClaimKind::Growth if values.len() == 2 => {
            format!("({} − {}) ÷ {} × 100%", v(0), v(1), v(1))
        }
        ClaimKind::Growth => format!("{} ÷ ({} − {}) × 100%", v(1), v(0), v(1)),
        ClaimKind::Difference => format!("{} − {} = {r}", v(0), v(1)),
        ClaimKind::Variance => format!("({} − {}) ÷ {} × 100%", v(1), v(0), v(0)),
        ClaimKind::Completion | ClaimKind::Execution => format!("{} ÷ {} × 100%", v(1), v(0)),
        ClaimKind::Direction => format!("{} 与 {} 比较", v(0), v(1)),
        // the standard tables' findings carry their own formula
        ClaimKind::TableSum | ClaimKind::TableLink | ClaimKind::TextTable => String::new(),
    }
}

/// "579.64" for "579.46": one adjacent pair of digits swapped.
pub fn transposition(stated: Decimal, recomputed: Decimal, pair: &str, swapped: &str) -> String {
    format!(
        "疑似数字顺序颠倒：填报 {}，应为 {}（“{pair}”与“{swapped}”互换）",
        text(stated),
        text(recomputed)
    )
}

/// The stated percentage is an amount of the same sentence typed again.
pub fn repeated_amount(stated: Decimal, name: &str, amount: Decimal) -> String {
    format!(
        "疑似把金额当作百分比：填报的 {}% 与{name} {} 相同",
        text(stated),
        text(amount)
    )
}

/// A total exceeds its parts by exactly a figure stated nearby.
pub fn missing_part(difference: Decimal, name: &str, value: Decimal) -> String {
    format!(
        "合计比各项之和多 {}，恰等于“{name}” {}：疑似漏列此项",
        text(difference),
        text(value)
    )
}

/// The parts exceed their total by exactly one of them.
pub fn duplicated_part(excess: Decimal, name: &str, value: Decimal) -> String {
    format!(
        "各项之和比合计多 {}，恰等于分项“{name}” {}：疑似重复计入",
        text(excess),
        text(value)
    )
}

/// A direction word the numbers contradict.
pub fn direction_word(written: &str, fits_increase: bool) -> String {
    let fits = if fits_increase {
        "增加/增长"
    } else {
        "减少/下降"
    };
    format!("疑似方向词有误：文中写“{written}”，但数字只符合{fits}")
}

/// A rate whose sign is the opposite of the recomputed one.
pub fn sign_flip() -> String {
    "疑似正负号有误：数值相符但符号相反（预算与决算的先后是否写反）".to_string()
}

/// A claim's message: its title, then the verdict sentence.
pub fn claim_message(kind: ClaimKind, check: &Check, unit: &str) -> String {
    format!("{}：{}", kind_title(kind), check_message(check, unit))
}

/// A yes/no relation (大于/小于/持平) judged against two figures.
pub fn direction_message(word: &str, holds: bool, a: Decimal, b: Decimal) -> String {
    if holds {
        format!("文中称“{word}”，{} 与 {} 相符", text(a), text(b))
    } else {
        format!("文中称“{word}”，但 {} 与 {} 不符", text(a), text(b))
    }
}

/// Why a figure of the narrative was not checked.
pub fn unchecked_reason(is_change: bool, is_percent: bool) -> String {
    match (is_change, is_percent) {
        (true, true) => "未找到与之对应的本年数和增减额，无法核对".into(),
        (true, false) => "未找到与之对应的本年数和上年数，无法核对".into(),
        (false, true) => "未找到与之对应的部分和总数，无法核对".into(),
        (false, false) => "未找到对应的合计、分项或比较对象，无法核对".into(),
    }
}

/// A list whose parts fall short of its total, when the list may name only some parts.
pub fn partial_list(check: &Check, unit: &str) -> String {
    let r = check.recomputed.map(text).unwrap_or_default();
    let d = check.difference.map(|d| text(d.abs())).unwrap_or_default();
    if check.recomputed.is_some_and(|r| r > check.stated.value) {
        return format!(
            "合计：填报 {}{unit}，所列分项之和 {r}{unit}，多 {d}{unit}。所列分项可能口径交叉或互相包含（如临聘人员不属在编人数），若互不包含则合计或分项有误，请核对",
            text(check.stated.value)
        );
    }
    format!(
        "合计：填报 {}{unit}，所列分项之和 {r}{unit}，少 {d}{unit}。所列未必是全部分项，若已列全则合计或分项有误，请核对",
        text(check.stated.value)
    )
}

/// A change whose listed parts' changes do not add up to it, when the list need not name every part: an item
/// not listed may have changed too. Signed values are said in words (减少 5 万元, not −5 万元); `down` says
/// the check holds magnitudes of decreases (all parts went the total's way).
pub fn partial_changes(check: &Check, unit: &str, down: bool) -> String {
    let said = |v: Decimal| {
        let v = if down { -v } else { v };
        if v.is_sign_negative() {
            format!("减少 {}{unit}", text(-v))
        } else {
            format!("增加 {}{unit}", text(v))
        }
    };
    let r = check.recomputed.map(said).unwrap_or_default();
    let d = check.difference.map(|d| text(d.abs())).unwrap_or_default();
    format!(
        "增减额合计：填报{}，所列分项增减额合计{r}，相差 {d}{unit}。未列出的分项也可能有增减，若已列全则合计或分项有误，请核对",
        said(check.stated.value)
    )
}

/// A year-end balance that the incomes and spendings listed before it do not give: one may be left unsaid.
pub fn partial_account(check: &Check, unit: &str) -> String {
    let r = check.recomputed.map(text).unwrap_or_default();
    let d = check.difference.map(|d| text(d.abs())).unwrap_or_default();
    format!(
        "年终结余：填报 {}{unit}，按所列收入减所列支出为 {r}{unit}，相差 {d}{unit}。所列收支未必是全部，若已列全则结余或收支有误，请核对",
        text(check.stated.value)
    )
}

/// A 合计 after a list that adds on to a figure of the sentence before, when that figure could be either
/// of two (a total or its first part) and neither reading adds up.
pub fn base_unclear(check: &Check, unit: &str) -> String {
    let r = check.recomputed.map(text).unwrap_or_default();
    let d = check.difference.map(|d| text(d.abs())).unwrap_or_default();
    format!(
        "合计：填报 {}{unit}，所列各项之和最接近的读法为 {r}{unit}，相差 {d}{unit}。合计所加的起点数有多种读法，各种读法都不相符，请核对",
        text(check.stated.value)
    )
}

/// A figure restated in a 收支平衡 paragraph that differs from the one stated before under the same name.
pub fn restated_differs(check: &Check, unit: &str) -> String {
    let r = check.recomputed.map(text).unwrap_or_default();
    format!(
        "收支平衡中写 {}{unit}，前文同名的数为 {r}{unit}，两处不同。可能口径不同（如本级与全县），若为同一数则有一处有误，请核对",
        text(check.stated.value)
    )
}

/// A ranked list's neighbours judged: "排在前三" says each figure is at least the next (`falls`), "最少的前三位"
/// that each is at most the next.
pub fn ranked(
    marker: &str,
    falls: bool,
    verdict: Verdict,
    a: (&str, Decimal),
    b: (&str, Decimal),
) -> String {
    let order = if falls {
        "从大到小"
    } else {
        "从小到大"
    };
    let (want, against) = if falls {
        ("不小于", "小于")
    } else {
        ("不大于", "大于")
    };
    let (x, y) = (
        format!("{} {}", a.0, text(a.1)),
        format!("{} {}", b.0, text(b.1)),
    );
    match verdict {
        Verdict::Ok => format!("排序：文中称“{marker}”，所列数应{order}排列；{x} {want} {y}，一致"),
        Verdict::Rounding => format!(
            "排序：文中称“{marker}”，所列数应{order}排列；{x} 与 {y} 写出的数相同或只差尾数，属尾差"
        ),
        _ => format!("排序：文中称“{marker}”，所列数应{order}排列，但 {x} {against} {y}，次序不符"),
    }
}

/// A direction word judged against the two figures it relates, `a` and `b` (name, value as written):
/// `order` is how the written values compare, `fits` the word of the sentence's kind they fit (大于 / 减少 /
/// 持平 …).
pub fn direction_check(
    word: &str,
    verdict: Verdict,
    a: (&str, Decimal),
    b: (&str, Decimal),
    order: std::cmp::Ordering,
    fits: &str,
) -> String {
    let relation = match order {
        std::cmp::Ordering::Greater => "大于",
        std::cmp::Ordering::Less => "小于",
        std::cmp::Ordering::Equal => "等于",
    };
    let compared = format!("{} {} {relation} {} {}", a.0, text(a.1), b.0, text(b.1));
    match verdict {
        Verdict::Ok => format!("增减方向：文中称“{word}”，{compared}，一致"),
        Verdict::Rounding => format!(
            "增减方向：文中称“{word}”，写出的数 {compared}；两数都是四舍五入后的数，实际数可能符合“{word}”，属尾差"
        ),
        Verdict::Notice => {
            use crate::num::decimal::{div, mul, round_half_up, sub};
            let gap = sub(a.1, b.1).map(|d| d.abs());
            let pct = gap
                .and_then(|g| mul(g, Decimal::from(100)))
                .and_then(|g| div(g, b.1.abs()))
                .map(|p| format!("（{}%）", text(round_half_up(p, 2))))
                .unwrap_or_default();
            let gap = gap.map(|g| format!("，相差 {}{pct}", text(g))).unwrap_or_default();
            format!("增减方向：文中称“{word}”，{compared}{gap}；“{word}”是约略的说法，不判为错误，请核实措辞")
        }
        _ => format!("增减方向：文中称“{word}”，但{compared}，应为“{fits}”"),
    }
}

/// The direction word a mismatch's figures call for.
pub fn direction_should_be(written: &str, fits: &str) -> String {
    format!("疑似方向词有误：文中写“{written}”，按两数应为“{fits}”")
}

/// The diagnosis of a figure restated with the same digits under another unit.
pub fn unit_slip(digits: &str, written: &str, before: &str) -> String {
    format!("数字相同而单位不同：此处写作 {digits}{written}，前文为 {digits}{before}，应是单位写错")
}

/// A roster member's amount told again later (`check`: the later figure against the roster's).
pub fn roster_restated(name: &str, check: &Check, unit: &str) -> String {
    let r = check.recomputed.map(text).unwrap_or_default();
    let stated = text(check.stated.value);
    match check.verdict {
        Verdict::Ok => format!("{name}：后文写 {stated}{unit}，与前面列表中的 {r}{unit} 一致"),
        Verdict::Rounding => {
            format!("{name}：后文写 {stated}{unit}，前面列表中为 {r}{unit}，只差尾数，属尾差")
        }
        _ => format!(
            "{name}：后文写 {stated}{unit}，前面列表中为 {r}{unit}，两处不同。列表未写明口径，若为同一数则有一处有误，请核对"
        ),
    }
}

/// The gap between two roster members (`check`: the gap stated against a − b).
pub fn roster_gap(a: &str, b: &str, check: &Check, unit: &str) -> String {
    let r = check.recomputed.map(text).unwrap_or_default();
    let stated = text(check.stated.value);
    match check.verdict {
        Verdict::Ok => format!("{a}与{b}之差：填报 {stated}{unit}，按列表中的数重算 {r}{unit}，一致"),
        Verdict::Rounding => format!(
            "{a}与{b}之差：填报 {stated}{unit}，按列表中的数重算 {r}{unit}，只差尾数，属尾差"
        ),
        _ => format!(
            "{a}与{b}之差：填报 {stated}{unit}，按列表中的数重算 {r}{unit}，两者不同。列表未写明口径，若为同一口径则差额或列表有误，请核对"
        ),
    }
}
