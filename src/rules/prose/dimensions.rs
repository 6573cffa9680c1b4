//! The dimensions a revenue total is broken down along in budget-execution reports, as data: each a set
//! of items that together are the whole, matched by the words of an item's name.

/// The names of revenue totals a dimension breaks down, longest first.
const HEADS: [&str; 6] = [
    "财政总收入",
    "一般公共预算收入",
    "公共财政预算收入",
    "地方财政收入",
    "财政收入",
    "地方收入",
];

/// A dimension: which of its items a name is, and how many items make the whole.
pub struct Dimension {
    pub item: fn(&str) -> Option<usize>,
    pub size: usize,
    /// Whether the first item may be stated as several figures of different names (上划中央收入, 上划省级收入).
    pub repeats: bool,
}

/// 按构成分: 税收收入 and 非税收入 (非税收入 contains 税收, so it is tried first; 其他税收收入 is a tax, not the
/// item).
fn by_kind(name: &str) -> Option<usize> {
    if name.contains("非税") {
        Some(1)
    } else if (name.contains("税收收入") || name.ends_with("税收")) && !name.contains("其他")
    {
        Some(0)
    } else {
        None
    }
}

/// 按级次分: 上划中省（市）收入 and 地方（一般公共预算）收入.
fn by_level(name: &str) -> Option<usize> {
    if name.contains("上划") {
        Some(0)
    } else if name.contains("地方") && name.ends_with("收入") && !name.contains('税') {
        Some(1)
    } else {
        None
    }
}

/// 按部门分 (分征收系统): 税务部门 and 财政部门.
fn by_collector(name: &str) -> Option<usize> {
    if name.contains("税务部门") || name.contains("税务系统") {
        Some(0)
    } else if name.contains("财政部门") || name.contains("财政系统") {
        Some(1)
    } else {
        None
    }
}

/// The revenue collected in an area by the government that keeps it: 中央级, 省级 and the city's own.
fn by_government(name: &str) -> Option<usize> {
    if !name.ends_with("收入") || name.contains('税') {
        return None;
    }
    if name.starts_with("中央级") {
        Some(0)
    } else if name.starts_with("省级") {
        Some(1)
    } else if name.starts_with("我市地方") || name.starts_with("市级") {
        Some(2)
    } else {
        None
    }
}

/// 分级次看: the area's own level and its counties ("市级（市本级、“三区”）…收入 49.5 亿元，县（市、区）…收入
/// 234.6 亿元"; "地本级…收入完成 7234 万元；县级…收入完成 24725 万元").
fn by_tier(name: &str) -> Option<usize> {
    let name = name.trim_start_matches(|c: char| "其中：:，, ".contains(c));
    let own = ["本级", "市级", "市本级", "地本级", "州本级", "盟本级"];
    let counties = [
        "县级",
        "县(市、区)",
        "县（市、区）",
        "县市区",
        "县(市区)",
        "县（市区）",
    ];
    if own.iter().any(|w| name.starts_with(w)) {
        Some(0)
    } else if counties.iter().any(|w| name.starts_with(w)) {
        Some(1)
    } else {
        None
    }
}

/// The tier dimension (its items name scopes, so the total's scope is not theirs).
pub const TIERS: usize = 4;

pub const DIMENSIONS: [Dimension; 5] = [
    Dimension {
        item: by_kind,
        size: 2,
        repeats: false,
    },
    Dimension {
        item: by_level,
        size: 2,
        repeats: true,
    },
    Dimension {
        item: by_collector,
        size: 2,
        repeats: false,
    },
    Dimension {
        item: by_government,
        size: 3,
        repeats: false,
    },
    Dimension {
        item: by_tier,
        size: 2,
        repeats: false,
    },
];

/// Whether a name is of a revenue total a dimension can break down.
pub fn is_head(name: &str) -> bool {
    HEADS.iter().any(|h| name.contains(h))
}
