//! The words of a 说明 around a “三公” amount: the item's name ("“三公”经费", "因公出国(境)费用", "公务用车
//! 购置及运行维护费", "公务车购置", "公务接待费" …), the words that may stand between a name and its amount
//! ("支出", "年初预算为", "2016年预算"), the measure they give (预算 / 决算) and the year they name. Anything
//! else between a name and a number ("比上年减少", "较年初预算", "占") means the number is not the item's
//! amount.

use super::kinds::SgItem;
use super::narrative::Clean;

/// A measure word among the fillers: Some(true) 预算, Some(false) 决算, None neither.
type Measure = Option<bool>;

const B: Measure = Some(true);
const A: Measure = Some(false);

/// Words allowed between an item's name and its amount, longest first where one starts another.
const FILLERS: &[(&str, Measure)] = &[
    ("一般公共预算财政拨款", None),
    ("一般公共预算", None),
    ("财政拨款", None),
    ("年初预算数", B),
    ("年初预算", B),
    ("全年预算数", B),
    ("全年预算", B),
    ("预算安排资金", B),
    ("预算安排", B),
    ("预算拨入", B),
    ("预算金额", B),
    ("预算数", B),
    ("预算额", B),
    ("预算", B),
    ("安排", B),
    ("决算金额", A),
    ("决算数", A),
    ("决算额", A),
    ("决算", A),
    ("实际支出", A),
    ("支出总额", None),
    ("支出合计", None),
    ("支出", None),
    ("开支", None),
    ("资金", None),
    ("总额", None),
    ("总计", None),
    ("合计", None),
    ("共计", None),
    ("汇总数", None),
    ("累计", None),
    ("全年", None),
    ("本年度", None),
    ("本年", None),
    ("当年", None),
    ("金额", None),
    ("数额", None),
    ("维护费", None),
    ("经费", None),
    ("费用", None),
    ("数", None),
    ("为", None),
    ("是", None),
    ("达", None),
    ("共", None),
    ("：", None),
    ("\"", None),
];

/// Words before a name (in its clause) that make the amount something other than this year's cell: a
/// comparison, another year, a change, an estimate, a part of the item.
pub(crate) const NOT_A_CELL: &[&str] = &[
    "上年",
    "去年",
    "上一年",
    "前一年",
    "同期",
    "比",
    "较",
    "增加",
    "减少",
    "增长",
    "下降",
    "节约",
    "结余",
    "调整",
    "超",
    "约",
    "平均",
    "人均",
    "每",
    // a part of the item ("其中：国内公务接待费3.00万元")
    "国内",
    "境外",
    "外事",
    "外宾",
    "涉外",
    "其他",
];

/// Words of a name's clause, before it, that give the measure ("2019年年初预算安排车辆购置费").
const PREFIX_MEASURES: &[(&str, bool)] = &[
    ("年初预算", true),
    ("全年预算", true),
    ("预算安排", true),
    ("预算数", true),
    ("决算数", false),
    ("支出决算", false),
    ("实际支出", false),
];

const FEES: [&str; 3] = ["费用", "经费", "费"];

/// The 三公 item whose name starts at clean index `i`, and the index after the name.
pub(crate) fn name_at(c: &Clean, i: usize) -> Option<(SgItem, usize)> {
    let fee = |j: usize| {
        FEES.iter()
            .find(|f| c.at(j, f))
            .map_or(j, |f| j + f.chars().count())
    };
    if c.at(i, "三公") {
        let mut j = i + 2;
        for w in ["\"", "经费", "\""] {
            if c.at(j, w) {
                j += w.chars().count();
            }
        }
        return Some((SgItem::Total, j));
    }
    if c.at(i, "因公出国") {
        let j = i + 4;
        let j = if c.at(j, "（境）") { j + 3 } else { j };
        return Some((SgItem::Abroad, fee(j)));
    }
    if c.at(i, "公务接待") {
        return Some((SgItem::Reception, fee(i + 4)));
    }
    let car = ["公务用车", "公务车辆", "公务车", "公车", "车辆"]
        .iter()
        .find(|w| c.at(i, w))?;
    let j = i + car.chars().count();
    let parts: [(&str, SgItem); 11] = [
        ("购置及运行维护", SgItem::CarSubtotal),
        ("购置和运行维护", SgItem::CarSubtotal),
        ("购置及运行", SgItem::CarSubtotal),
        ("购置和运行", SgItem::CarSubtotal),
        ("购置与运行", SgItem::CarSubtotal),
        ("购置及运维", SgItem::CarSubtotal),
        ("及运行维护", SgItem::CarSubtotal),
        ("购置", SgItem::CarPurchase),
        ("运行维护", SgItem::CarRunning),
        ("运行", SgItem::CarRunning),
        ("运维", SgItem::CarRunning),
    ];
    let (w, item) = parts.iter().find(|(w, _)| c.at(j, w))?;
    // "车辆" alone is too wide a word for a 小计 ("车辆购置及运行" is fine, "车辆运行" is not the 三公 item)
    if *car == "车辆" && *item == SgItem::CarRunning {
        return None;
    }
    Some((*item, fee(j + w.chars().count())))
}

/// A year written at clean index `i` ("2016年", "2016年度", "2016" before a name): the year and the index
/// after it.
pub(crate) fn year_at(c: &Clean, i: usize) -> Option<(u32, usize)> {
    let digits: String = (i..i + 4)
        .filter_map(|k| c.chars.get(k))
        .filter(|ch| ch.is_ascii_digit())
        .collect();
    if digits.len() != 4 || c.chars.get(i + 4).is_some_and(char::is_ascii_digit) {
        return None;
    }
    if i > 0
        && c.chars
            .get(i - 1)
            .is_some_and(|ch| ch.is_ascii_digit() || *ch == '.')
    {
        return None;
    }
    let y: u32 = digits.parse().ok()?;
    if !(1990..=2100).contains(&y) {
        return None;
    }
    let end = if c.at(i + 4, "年度") {
        i + 6
    } else if c.at(i + 4, "年") {
        i + 5
    } else {
        i + 4
    };
    Some((y, end))
}

/// What the words from clean index `i` say before a number: where the number starts, the measures named, the
/// year named. None when something other than a filler stands there or the run is implausibly long.
pub(crate) struct Run {
    pub end: usize,
    pub measures: Vec<bool>,
    pub year: Option<u32>,
}

pub(crate) fn fillers(c: &Clean, i: usize) -> Run {
    let mut run = Run {
        end: i,
        measures: Vec::new(),
        year: None,
    };
    let mut j = i;
    while j < c.len() && j < i + 24 {
        if let Some((y, e)) = year_at(c, j).filter(|(_, e)| *e > j + 4) {
            run.year = Some(y);
            j = e;
            continue;
        }
        let Some((w, m)) = FILLERS.iter().find(|(w, _)| c.at(j, w)) else {
            break;
        };
        if let Some(m) = m {
            run.measures.push(*m);
        }
        j += w.chars().count();
    }
    run.end = j;
    run
}

/// The measures a name's clause names before it.
pub(crate) fn prefix_measures(prefix: &str) -> Vec<bool> {
    PREFIX_MEASURES
        .iter()
        .filter(|(w, _)| prefix.contains(w))
        .map(|(_, m)| *m)
        .collect()
}

/// The last year named in clean [from, to), skipping the year a comparison names ("比2019年", "与2019年
/// 相比"), or None.
pub(crate) fn last_year(c: &Clean, from: usize, to: usize) -> Option<u32> {
    let mut found = None;
    let mut k = from;
    while k < to {
        match year_at(c, k) {
            Some((y, e)) => {
                let compared = k > 0
                    && c.chars
                        .get(k - 1)
                        .is_some_and(|ch| "比较与同和至到、".contains(*ch));
                if !compared && !c.at(e, "相比") && !c.at(e, "以来") {
                    found = Some(y);
                }
                k = e;
            }
            None => k += 1,
        }
    }
    found
}

/// Whether a clause before a name is only a heading's ordinal ("（二）", "2.", "1、", "一、") or nothing.
pub(crate) fn is_ordinal(prefix: &str) -> bool {
    let core: String = prefix
        .chars()
        .filter(|c| !"（）()、.．".contains(*c))
        .collect();
    core.chars()
        .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        && core.chars().count() <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> Clean {
        Clean::new(s, 0)
    }

    #[test]
    fn names_of_the_items() {
        let c = clean("公务用车购置及运行维护费支出");
        assert_eq!(name_at(&c, 0), Some((SgItem::CarSubtotal, 12)));
        let c = clean("因公出国(境)费用39万元");
        assert_eq!(name_at(&c, 0), Some((SgItem::Abroad, 9)));
        let c = clean("“三公”经费支出");
        assert_eq!(name_at(&c, 1), Some((SgItem::Total, 6)));
        let c = clean("公务用车购置1422万元");
        assert_eq!(name_at(&c, 0), Some((SgItem::CarPurchase, 6)));
        assert_eq!(name_at(&clean("车辆运行"), 0), None);
    }

    #[test]
    fn fillers_give_measure_and_year() {
        let c = clean("支出年初预算为683.51万元");
        let r = fillers(&c, 0);
        assert_eq!((r.end, r.measures.clone(), r.year), (7, vec![true], None));
        let c = clean("2016年预算8万元");
        let r = fillers(&c, 0);
        assert_eq!((r.end, r.year), (7, Some(2016)));
        let c = clean("较上年减少4万元");
        assert_eq!(fillers(&c, 0).end, 0);
        assert!(is_ordinal("（二）") && is_ordinal("2.") && is_ordinal(""));
        assert!(!is_ordinal("寿县司法局"));
    }
}
