//! How a pasted T7 is laid out. Two layouts occur: the national one, items as columns (合计, 因公出国（境）费,
//! 公务用车 小计 / 购置费 / 运行维护费, 公务接待费, each with 预算数 and 决算数) and one data line; and the one
//! many web pages use, items as rows ("合计 | 3 | 1.71 |", or a label line with its values on the lines
//! below), with 预算数 / 决算数 (and sometimes 合计 / 一般公共预算 / 政府性基金 under each) as columns. This
//! file names the item of a label, the item order of a header, and the measures and fund columns of a header;
//! `sangong_body` groups the body's values under the label they follow.

use super::kinds::SgItem;

/// An item word of a header or label; the 公务用车 group ("公务用车购置及运行费") is flattened later.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Word {
    Item(SgItem),
    CarGroup,
}

const CAR_GROUP: [&str; 6] = [
    "购置及运行",
    "购置和运行",
    "购置与运行",
    "购置及运维",
    "车及运行",
    "购置及维护",
];

/// The item words of a squashed text, in order.
fn item_words(s: &str) -> Vec<Word> {
    // 机关运行经费 is a column of older layouts, not the 运行维护费 item
    let s = s.replace("机关运行经费", "");
    let chars: Vec<char> = s.chars().collect();
    let at = |i: usize, w: &str| {
        w.chars()
            .enumerate()
            .all(|(k, c)| chars.get(i + k) == Some(&c))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let hit = if at(i, "合计") || at(i, "总计") {
            Some((Word::Item(SgItem::Total), 2))
        } else if at(i, "出国") {
            Some((Word::Item(SgItem::Abroad), 2))
        } else if let Some(w) = CAR_GROUP.iter().find(|w| at(i, w)) {
            Some((Word::CarGroup, w.chars().count()))
        } else if at(i, "小计") {
            Some((Word::Item(SgItem::CarSubtotal), 2))
        } else if at(i, "购置") {
            Some((Word::Item(SgItem::CarPurchase), 2))
        } else if at(i, "运行") || at(i, "运维") {
            Some((Word::Item(SgItem::CarRunning), 2))
        } else if at(i, "接待") {
            Some((Word::Item(SgItem::Reception), 2))
        } else {
            None
        };
        match hit {
            Some((w, n)) => {
                out.push(w);
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// The item a row label names ("合 计", "1.因公出国(境)费用", "其中：公务用车运行维护费", "公务用车购置"), or
/// None for anything else: a header line naming several items or a measure, the row label "“三公”经费".
pub(crate) fn label_item(label: &str) -> Option<SgItem> {
    let s = label.trim_matches('|');
    if s.is_empty() || s.chars().count() > 24 {
        return None;
    }
    if ["预算", "决算", "基金", "项目", "单位"]
        .iter()
        .any(|w| s.contains(w))
    {
        return None;
    }
    match item_words(s).as_slice() {
        [Word::Item(i)] => Some(*i),
        [Word::CarGroup] => Some(SgItem::CarSubtotal),
        _ => None,
    }
}

/// The item columns of a header with items as columns, in print order: the 公务用车 group's columns (小计,
/// 购置费, 运行维护费, printed on the header's second line) take the group's place; a group without them is
/// the 小计 itself. None when the header names fewer than three items.
pub(crate) fn header_items(header: &str) -> Option<Vec<SgItem>> {
    let words = item_words(header);
    let car = |i: &SgItem| {
        matches!(
            i,
            SgItem::CarSubtotal | SgItem::CarPurchase | SgItem::CarRunning
        )
    };
    let children: Vec<SgItem> = words
        .iter()
        .filter_map(|w| match w {
            Word::Item(i) if car(i) => Some(*i),
            _ => None,
        })
        .collect();
    let grouped = words.contains(&Word::CarGroup);
    let mut out: Vec<SgItem> = Vec::new();
    for w in &words {
        let add = match w {
            Word::CarGroup if children.is_empty() => vec![SgItem::CarSubtotal],
            Word::CarGroup => children.clone(),
            Word::Item(i) if grouped && car(i) => Vec::new(),
            Word::Item(i) => vec![*i],
        };
        for i in add {
            if !out.contains(&i) {
                out.push(i);
            }
        }
    }
    (out.len() >= 3).then_some(out)
}

/// The header with the fund and document names that contain 预算 taken out, so that 预算 / 决算 are measures.
fn measure_text(s: &str) -> String {
    [
        "一般公共预算",
        "基金预算",
        "部门预算",
        "部门决算",
        "预算表",
        "决算表",
    ]
    .iter()
    .fold(s.to_string(), |t, w| t.replace(w, ""))
}

/// The measures (true = 预算数) a header names, in print order; when it names none, the title's: a 预算表
/// holds budgets, anything else the 决算表's 预算数 and 决算数.
pub(crate) fn measures(header: &str, title: &str) -> Vec<bool> {
    let h = measure_text(header);
    match (h.find("预算"), h.find("决算")) {
        (Some(b), Some(a)) if b < a => vec![true, false],
        (Some(_), Some(_)) => vec![false, true],
        (Some(_), None) => vec![true],
        (None, Some(_)) => vec![false],
        (None, None) => {
            let t = squash_title(title);
            if t.contains("预算") && !t.contains("决算") {
                vec![true]
            } else {
                vec![true, false]
            }
        }
    }
}

fn squash_title(title: &str) -> String {
    title
        .replace("一般公共预算", "")
        .replace("基金预算", "")
        .replace("部门预算", "")
}

/// Whether the header names its measures before its items ("预算数 | 决算数" spanning the items below).
pub(crate) fn measure_major(header: &str) -> bool {
    let h = measure_text(header);
    let m = [h.find("预算"), h.find("决算")].into_iter().flatten().min();
    let words = ["合计", "出国", "公务用车", "接待"];
    let i = words.iter().filter_map(|w| h.find(w)).min();
    matches!((m, i), (Some(m), Some(i)) if m < i)
}

/// A value column under each measure of an items-as-rows table.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Fund {
    /// 合计 (or the only column): the T7 figure.
    Sum,
    /// 一般公共预算 part.
    General,
    /// 政府性基金 part.
    Gov,
}

/// The columns under each measure: [Sum] unless the header splits by fund (合计 / 一般公共预算 / 政府性基金,
/// in the header's order). Empty when it splits without a 合计, which this reader does not add up.
pub(crate) fn funds(header: &str) -> Vec<Fund> {
    if !header.contains("政府性基金") {
        return vec![Fund::Sum];
    }
    let from = [
        header.find("预算"),
        header.find("决算"),
        header.find("金额"),
    ]
    .into_iter()
    .flatten()
    .filter(|&p| !header[..p].ends_with("一般公共"))
    .min()
    .unwrap_or(0);
    let rest = &header[from..];
    let mut found: Vec<(usize, Fund)> = [
        (rest.find("合计").or_else(|| rest.find("小计")), Fund::Sum),
        (rest.find("一般公共预算"), Fund::General),
        (rest.find("政府性基金"), Fund::Gov),
    ]
    .into_iter()
    .filter_map(|(p, f)| p.map(|p| (p, f)))
    .collect();
    if !found.iter().any(|(_, f)| *f == Fund::Sum) {
        return Vec::new();
    }
    found.sort_by_key(|(p, _)| *p);
    found.into_iter().map(|(_, f)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_one_item() {
        assert_eq!(label_item("合计"), Some(SgItem::Total));
        assert_eq!(label_item("“三公”经费合计"), Some(SgItem::Total));
        assert_eq!(label_item("1.因公出国（境）费用"), Some(SgItem::Abroad));
        assert_eq!(
            label_item("其中：公务用车运行维护费"),
            Some(SgItem::CarRunning)
        );
        assert_eq!(label_item("公务用车购置"), Some(SgItem::CarPurchase));
        assert_eq!(
            label_item("公务用车购置及运行费"),
            Some(SgItem::CarSubtotal)
        );
        assert_eq!(label_item("合计因公出国（境）费"), None);
        assert_eq!(label_item("预算数"), None);
        assert_eq!(label_item("“三公”经费"), None);
    }

    #[test]
    fn a_header_gives_the_item_order() {
        let h =
            "合计因公出国（境）费公务用车购置及运行费公务接待费小计公务用车购置费公务用车运行费";
        assert_eq!(
            header_items(h),
            Some(vec![
                SgItem::Total,
                SgItem::Abroad,
                SgItem::CarSubtotal,
                SgItem::CarPurchase,
                SgItem::CarRunning,
                SgItem::Reception
            ])
        );
        assert_eq!(
            header_items("合计公务接待费因公出国（境）费公务用车购置及运行费"),
            Some(vec![
                SgItem::Total,
                SgItem::Reception,
                SgItem::Abroad,
                SgItem::CarSubtotal
            ])
        );
        assert_eq!(measures("项目预算数决算数", ""), vec![true, false]);
        assert_eq!(measures("项目一般公共预算决算数", ""), vec![false]);
        assert_eq!(
            measures("", "2022年一般公共预算三公经费支出预算表"),
            vec![true]
        );
        assert_eq!(
            funds("项目预算数决算数合计一般公共预算政府性基金合计一般公共预算政府性基金"),
            vec![Fund::Sum, Fund::General, Fund::Gov]
        );
        assert!(measure_major("预算数决算数合计因公出国"));
        assert!(!measure_major("合计因公出国预算数决算数"));
    }
}
