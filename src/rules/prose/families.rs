//! The decompositions every disclosure uses, as data: a total and the items it is made of (三公 = 因公出国（境）
//! 费 + 公务用车购置及运行费 + 公务接待费; 本年支出合计 = 基本支出 + 项目支出 + …). They say two things a sentence
//! alone does not: that a list naming these items is meant to be complete (so a shortfall is an error, not
//! a partial list), and which total a bare "占 P%" of such an item is a share of.

/// A total and its items, each matched by words its label contains.
struct Family {
    /// Words one of which the total's label contains.
    head: &'static [&'static str],
    /// Each item, by words one of which its label contains.
    items: &'static [&'static [&'static str]],
    /// How many different items a list must name to be read as complete: two for most families; all three
    /// for a headcount, whose 离休 line is often left out when it is nil.
    complete_at: usize,
}

const FAMILIES: &[Family] = &[
    Family {
        head: &["三公"],
        items: &[
            &["因公出国"],
            &["公务接待"],
            &[
                "公务用车购置及运行",
                "公务用车购置和运行",
                "公务用车购置及运维",
                "公务用车费",
                "公务车购置及运行",
                "公务用车运行维护费及购置",
            ],
        ],
        complete_at: 2,
    },
    Family {
        head: &[
            "公务用车购置及运行",
            "公务用车购置和运行",
            "公务车购置及运行",
        ],
        items: &[
            &["公务用车购置费", "公务用车购置", "车辆购置"],
            &["公务用车运行", "运行维护费", "运行费"],
        ],
        complete_at: 2,
    },
    Family {
        head: &["收入合计", "本年收入"],
        items: &[
            &["财政拨款收入", "财政拨款"],
            &["上级补助收入"],
            &["事业收入"],
            &["经营收入"],
            &["附属单位上缴收入"],
            &["其他收入"],
        ],
        complete_at: 2,
    },
    Family {
        head: &["支出合计", "本年支出"],
        items: &[
            &["基本支出"],
            &["项目支出"],
            &["上缴上级支出"],
            &["经营支出"],
            &["对附属单位补助支出"],
        ],
        complete_at: 2,
    },
    Family {
        head: &["基本支出"],
        items: &[&["人员经费"], &["公用经费"]],
        complete_at: 2,
    },
    Family {
        head: &["政府采购"],
        items: &[&["货物"], &["工程"], &["服务"]],
        complete_at: 2,
    },
    Family {
        head: &["一般公共预算收入"],
        items: &[&["税收收入"], &["非税收入"]],
        complete_at: 2,
    },
    Family {
        head: &["教育经费总收入", "教育经费总投入"],
        items: &[
            &["国家财政性教育经费"],
            &["事业收入"],
            &["捐赠"],
            &["举办者投入"],
            &["其他教育经费"],
        ],
        complete_at: 2,
    },
    Family {
        head: &["实有人数", "实有人员"],
        items: &[&["在职"], &["离休"], &["退休"]],
        complete_at: 3,
    },
];

/// The family and item an item's label names, if one (the first family that knows it).
fn item_of(label: &str) -> Option<(usize, usize)> {
    FAMILIES.iter().enumerate().find_map(|(fi, f)| {
        f.items
            .iter()
            .position(|words| words.iter().any(|w| label.contains(w)))
            .map(|ii| (fi, ii))
    })
}

/// Whether the parts of a list, by their labels, are meant to be all of its total: two or more name
/// different items of one family, or one of them is a catch-all (其他…).
pub fn complete(labels: &[&str]) -> bool {
    if labels
        .iter()
        .any(|l| l.starts_with("其他") || l.contains("其他收入") || l.contains("其他支出"))
    {
        return true;
    }
    // each label's item once, not once per family
    let items: Vec<(usize, usize)> = labels.iter().filter_map(|l| item_of(l)).collect();
    FAMILIES.iter().enumerate().any(|(fi, f)| {
        let mut seen = vec![false; f.items.len()];
        for &(lf, li) in &items {
            if lf == fi {
                if let Some(s) = seen.get_mut(li) {
                    *s = true;
                }
            }
        }
        seen.iter().filter(|s| **s).count() >= f.complete_at
    })
}

/// Whether `head` is the total of the family `item` belongs to ("“三公”经费支出决算" for "公务接待费支出").
pub fn is_total_of(head: &str, item: &str) -> bool {
    let Some((fi, _)) = item_of(item) else {
        return false;
    };
    FAMILIES.get(fi).is_some_and(|f| {
        f.head.iter().any(|w| head.contains(w)) && item_of(head).is_none_or(|(hf, _)| hf != fi)
    })
}

/// A name reduced to what it names: the family item or family total it is (“三公”经费支出合计 and 全镇三公
/// 经费 are one; 公务用车购置及运维费 and 公务用车购置及运行维护费 are one), else the name without quotes,
/// brackets and spaces.
pub fn canonical(label: &str) -> String {
    let clean: String = label
        .chars()
        .filter(|c| !"“”\"'‘’《》 　".contains(*c))
        .collect();
    if let Some((fi, ii)) = item_of(&clean) {
        return format!("#{fi}.{ii}");
    }
    if let Some(fi) = FAMILIES
        .iter()
        .position(|f| f.head.iter().any(|w| clean.contains(w)))
    {
        return format!("#{fi}");
    }
    clean
}

/// Words that set the scope of a figure: 全县 and 本级 are two totals of one name.
const SCOPES: [&str; 12] = [
    "本级",
    "全县",
    "全市",
    "全区",
    "全省",
    "全镇",
    "县级",
    "市级",
    "区级",
    "省级",
    "镇本级",
    "乡本级",
];

/// Whether two names could be of one scope: neither names one, or both name the same.
pub fn same_scope(a: &str, b: &str) -> bool {
    let of = |s: &str| {
        SCOPES
            .iter()
            .filter(|w| s.contains(*w))
            .copied()
            .collect::<Vec<_>>()
    };
    let (x, y) = (of(a), of(b));
    x.is_empty() || y.is_empty() || x == y
}

/// The family whose total `label` names (and is not one of that family's items).
pub fn family_of_total(label: &str) -> Option<usize> {
    FAMILIES.iter().enumerate().find_map(|(fi, f)| {
        (f.head.iter().any(|w| label.contains(w)) && item_of(label).is_none_or(|(lf, _)| lf != fi))
            .then_some(fi)
    })
}

/// Which item of family `fi` a label names.
pub fn item_in(label: &str, fi: usize) -> Option<usize> {
    let f = FAMILIES.get(fi)?;
    f.items
        .iter()
        .position(|words| words.iter().any(|w| label.contains(w)))
}

/// How many items family `fi` has.
pub fn size(fi: usize) -> usize {
    FAMILIES.get(fi).map_or(0, |f| f.items.len())
}

/// Whether every item of family `fi` is always present (三公: 出国、接待、用车 even when 0), so that
/// items stated one by one add up to the total; a 收入合计 may leave out the sources a unit does not have.
pub fn fixed(fi: usize) -> bool {
    FAMILIES.get(fi).is_some_and(|f| {
        f.head
            .iter()
            .any(|w| ["三公", "公务用车购置及运行", "基本支出", "一般公共预算收入"].contains(w))
    })
}

/// The words that name family `fi`'s total.
pub fn head_words(fi: usize) -> &'static [&'static str] {
    FAMILIES.get(fi).map_or(&[], |f| f.head)
}

/// The words that name item `ii` of family `fi`.
pub fn item_words(fi: usize, ii: usize) -> &'static [&'static str] {
    FAMILIES
        .get(fi)
        .and_then(|f| f.items.get(ii))
        .copied()
        .unwrap_or(&[])
}
