//! Templates as data: the header words of the 绩效自评表 layouts people publish, and the role each column
//! plays. Every reader (Excel cells, web copies, PDF text) finds its columns here by their header words,
//! never by their positions, so a province's variant is one more line of data, not one more reader.
//!
//! Layouts covered: 财政部 项目支出 (年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分; 年度指标值 /
//! 实际完成值 / 分值 / 得分 / 偏差原因分析及改进措施) and 部门整体 (资金来源, 分值权重, 预期指标值, 指标值设定依据,
//! 实际完成指标值); 四川 (年初预算 / 调整后预算数 / 预算执行数 / 预算执行率 / 权重 / 得分 / 原因; 指标性质 /
//! 指标值 / 度量单位 / 完成值 / 权重 / 未完成原因分析); 云南 (指标性质 / 指标值 / 度量单位 under 年度指标值);
//! 湖北 (预算数(A) / 执行数(B) / 执行率(B/A) / 得分(20分*执行率); 年初目标值(A) / 实际完成值(B)); 安徽、河南
//! (全年预算数(A) / 全年执行数(B); 分值 before 年度指标值 / 全年实际值); 北京、浙江、广东、新疆 (the national
//! words, with or without (A)/(B)); 计量单位, 自评得分, 调整预算数, 实际执行数 wherever they appear.

use super::vocab::{label_kind, LabelKind};
use rust_decimal::Decimal;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// 年初预算数
    Initial,
    /// 全年预算数, 调整后预算数, 预算数(A)
    Budget,
    /// 全年执行数, 预算执行数, 执行数(B)
    Executed,
    /// 分值, 权重, 分值权重
    Weight,
    /// 执行率, 预算执行率
    Rate,
    /// 得分, 自评得分
    Score,
    /// 偏差原因分析及改进措施, 未完成原因分析, 原因
    Reason,
    /// 一级指标
    Level1,
    /// 二级指标
    Level2,
    /// 三级指标, 指标名称: the indicator's name
    Name,
    /// 年度指标值, 年初目标值(A), 预期指标值: the whole target in one cell
    Target,
    /// 指标性质 (≥ ≤ = 定性), the target's comparator in a cell of its own
    Nature,
    /// 指标值 next to 指标性质: the target's number
    Value,
    /// 度量单位, 计量单位: the target's unit
    Unit,
    /// 实际完成值, 完成值, 全年实际值, 实际完成指标值
    Actual,
    /// 指标值设定依据: read past, never scored
    Basis,
}

/// How a header word is matched against a cell with white space, `*` and `★` removed and brackets made ASCII.
#[derive(Clone, Copy)]
enum Match {
    Exact,
    Prefix,
    Contains,
}

use Match::{Contains, Exact, Prefix};

/// The funds block's header words; the first that matches a cell gives its role.
const FUNDS: &[(Match, &str, Role)] = &[
    (Contains, "年初预算", Role::Initial),
    (Contains, "全年预算", Role::Budget),
    (Contains, "调整后预算", Role::Budget),
    (Contains, "调整预算", Role::Budget),
    (Prefix, "预算数", Role::Budget),
    // 得分(20分*执行率) is the score's column, so 得分 is looked for before 执行率
    (Prefix, "得分", Role::Score),
    (Prefix, "自评得分", Role::Score),
    (Prefix, "分值", Role::Weight),
    (Prefix, "权重", Role::Weight),
    (Contains, "执行数", Role::Executed),
    (Contains, "执行率", Role::Rate),
    (Exact, "原因", Role::Reason),
    (Contains, "偏差", Role::Reason),
];

/// The indicator block's header words; the first that matches a cell gives its role (实际完成指标值 is a
/// result, so the results come before the targets).
const INDICATORS: &[(Match, &str, Role)] = &[
    (Exact, "一级指标", Role::Level1),
    (Exact, "二级指标", Role::Level2),
    (Exact, "三级指标", Role::Name),
    (Prefix, "指标名称", Role::Name),
    (Contains, "指标性质", Role::Nature),
    (Exact, "计算符号", Role::Nature),
    (Contains, "度量单位", Role::Unit),
    (Contains, "计量单位", Role::Unit),
    (Contains, "设定依据", Role::Basis),
    (Contains, "实际完成", Role::Actual),
    (Contains, "完成值", Role::Actual),
    (Contains, "实际值", Role::Actual),
    (Contains, "指标值(A)", Role::Target),
    (Contains, "年度指标值", Role::Target),
    (Contains, "预期指标值", Role::Target),
    (Contains, "目标值", Role::Target),
    (Exact, "指标值", Role::Value),
    (Prefix, "分值", Role::Weight),
    (Prefix, "权重", Role::Weight),
    (Prefix, "得分", Role::Score),
    (Prefix, "自评得分", Role::Score),
    (Contains, "偏差", Role::Reason),
    (Contains, "原因", Role::Reason),
    (Contains, "改进措施", Role::Reason),
];

/// A header cell as the tables are compared: no white space, no `*`/`★` marks, ASCII brackets.
pub fn header_key(cell: &str) -> String {
    cell.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '★' | '＊'))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            _ => c,
        })
        .collect()
}

fn lookup(table: &[(Match, &str, Role)], cell: &str) -> Option<Role> {
    let key = header_key(cell);
    // A header word is short; a sentence that mentions one ("预算执行率=预算执行数/…") is a note, not a header.
    if key.is_empty() || key.chars().count() > 16 {
        return None;
    }
    table.iter().find_map(|&(m, word, role)| {
        let hit = match m {
            Exact => key == word,
            Prefix => key.starts_with(word),
            Contains => key.contains(word),
        };
        hit.then_some(role)
    })
}

/// The role of a funds header cell (年初预算数, 调整后预算数, 执行数(B), 权重, …).
pub fn funds_role(cell: &str) -> Option<Role> {
    if is_caption(cell) {
        return None;
    }
    lookup(FUNDS, cell)
}

/// The role of an indicator header cell (三级指标, 指标性质, 完成值, 权重, …). 实际完成情况 heads the
/// 年度总体目标 block, not a column of results.
pub fn indicator_role(cell: &str) -> Option<Role> {
    if header_key(cell).ends_with("情况") {
        return None;
    }
    lookup(INDICATORS, cell)
}

/// A caption over a block (项目资金（万元）, 年度预算数（万元）, 预算执行情况（10分）, 资金来源): it names the block,
/// not a column of figures.
pub fn is_caption(cell: &str) -> bool {
    let key = header_key(cell);
    key.contains("(万元)")
        || key.contains("(元)")
        || key.starts_with("预算执行情况")
        || key.starts_with("资金情况")
        || key == "资金来源"
}

/// The points a caption gives its block: "预算执行情况（10分）" → 10, "得分(20分*执行率)" → 20.
pub fn caption_points(cell: &str) -> Option<Decimal> {
    let key = header_key(cell);
    key.match_indices('(').find_map(|(open, _)| {
        let inner = key.get(open + 1..)?;
        let digits: String = inner.chars().take_while(char::is_ascii_digit).collect();
        let rest = inner.get(digits.len()..)?;
        if digits.is_empty() || !rest.starts_with('分') {
            return None;
        }
        digits.parse::<i64>().ok().map(Decimal::from)
    })
}

/// The roles of a header row's cells in order; None for cells that are not header words.
pub fn funds_roles(cells: &[&str]) -> Vec<Option<Role>> {
    cells.iter().map(|c| funds_role(c)).collect()
}

/// The order of an indicator row's values after its name, from the header cells in the order they appear.
/// A two-row header (年度指标值 over 指标性质 / 指标值 / 度量单位) puts the split columns where the group stands.
pub fn value_order(roles: &[Role]) -> Vec<Role> {
    let split: Vec<Role> = roles
        .iter()
        .copied()
        .filter(|r| matches!(r, Role::Nature | Role::Value | Role::Unit))
        .collect();
    let mut out: Vec<Role> = Vec::new();
    for &r in roles {
        let placed = match r {
            Role::Level1 | Role::Level2 | Role::Name => continue,
            Role::Target if !split.is_empty() => split.clone(),
            Role::Nature | Role::Value | Role::Unit
                if roles.contains(&Role::Target) || out.contains(&r) =>
            {
                continue
            }
            _ => vec![r],
        };
        for p in placed {
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

/// A category cell as a label: no white space, without the points a template adds ("产出指标(50分)") or a
/// trailing 等 ("服务对象满意度指标等").
pub fn label_text(cell: &str) -> String {
    let key = header_key(cell);
    let key = match key.find('(') {
        Some(open) if caption_points(key.get(open..).unwrap_or("")).is_some() => {
            key.get(..open).unwrap_or("").to_string()
        }
        _ => key,
    };
    key.strip_suffix('等').map(str::to_string).unwrap_or(key)
}

/// The level a category cell names: a known 一级/二级指标, or another short name ending in 指标 that a
/// template uses as a 二级指标 ("群众满意度指标", "日效性指标").
pub fn label_of(cell: &str) -> Option<(String, LabelKind)> {
    let text = label_text(cell);
    match label_kind(&text) {
        Some(LabelKind::Noise) => None,
        Some(kind) => Some((text, kind)),
        None if text.ends_with("指标")
            && (3..=10).contains(&text.chars().count())
            && !text.chars().any(|c| c.is_ascii_digit())
            && !text.contains("绩效指标")
            && indicator_role(&text).is_none() =>
        {
            Some((text, LabelKind::Level2))
        }
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_words_of_every_layout_find_their_roles() {
        let funds: &[(&str, Option<Role>)] = &[
            ("年初预算数", Some(Role::Initial)),
            ("年初预算", Some(Role::Initial)),
            ("全年预算数（A）", Some(Role::Budget)),
            ("调整后预算数", Some(Role::Budget)),
            ("预算数(A)", Some(Role::Budget)),
            ("全年执行数（B）", Some(Role::Executed)),
            ("预算执行数", Some(Role::Executed)),
            ("执行数(B)", Some(Role::Executed)),
            ("执行率(B/A)", Some(Role::Rate)),
            ("预算执行率", Some(Role::Rate)),
            ("分值权重", Some(Role::Weight)),
            ("权重", Some(Role::Weight)),
            ("得分 (20分*执行率)", Some(Role::Score)),
            ("原因", Some(Role::Reason)),
            ("项目资金（万元）", None),
            ("年度预算数(万元)", None),
            ("预算执行情况(10分)", None),
            (
                "1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因",
                None,
            ),
        ];
        for &(cell, want) in funds {
            assert_eq!(funds_role(cell), want, "{cell}");
        }
        let indicators: &[(&str, Option<Role>)] = &[
            ("三级指标", Some(Role::Name)),
            ("指标性质", Some(Role::Nature)),
            ("指标值", Some(Role::Value)),
            ("*指标值", Some(Role::Value)),
            ("度量单位", Some(Role::Unit)),
            ("计量单位", Some(Role::Unit)),
            ("年度指标值", Some(Role::Target)),
            ("年初目标值(A)", Some(Role::Target)),
            ("预期指标值", Some(Role::Target)),
            ("指标值设定依据", Some(Role::Basis)),
            ("实际完成指标值", Some(Role::Actual)),
            ("实际完成值(B)", Some(Role::Actual)),
            ("完成值", Some(Role::Actual)),
            ("全年实际值", Some(Role::Actual)),
            ("分值", Some(Role::Weight)),
            ("权重", Some(Role::Weight)),
            ("得分", Some(Role::Score)),
            ("未完成原因分析", Some(Role::Reason)),
            ("偏差原因分析及改进措施", Some(Role::Reason)),
            ("产出指标", None),
        ];
        for &(cell, want) in indicators {
            assert_eq!(indicator_role(cell), want, "{cell}");
        }
    }

    #[test]
    fn value_orders_of_one_and_two_row_headers() {
        use Role::*;
        let cases: &[(&[Role], &[Role])] = &[
            (
                &[Level1, Level2, Name, Target, Actual, Weight, Score, Reason],
                &[Target, Actual, Weight, Score, Reason],
            ),
            // 云南: 年度指标值 over 指标性质 / 指标值 / 度量单位, the group first in the copy
            (
                &[
                    Target, Actual, Weight, Score, Reason, Level1, Level2, Name, Nature, Value,
                    Unit,
                ],
                &[Nature, Value, Unit, Actual, Weight, Score, Reason],
            ),
            // 四川: one header row
            (
                &[
                    Level1, Level2, Name, Nature, Value, Unit, Actual, Weight, Score, Reason,
                ],
                &[Nature, Value, Unit, Actual, Weight, Score, Reason],
            ),
            // 安徽: 分值 before the target
            (
                &[Level1, Level2, Name, Weight, Target, Actual, Score, Reason],
                &[Weight, Target, Actual, Score, Reason],
            ),
            // 湖北: no 分值 column
            (
                &[Level1, Level2, Name, Target, Actual, Score],
                &[Target, Actual, Score],
            ),
        ];
        for (roles, want) in cases {
            assert_eq!(value_order(roles), want.to_vec());
        }
    }

    #[test]
    fn captions_give_points() {
        let points: &[(&str, Option<i64>)] = &[
            ("预算执行情况（10分）", Some(10)),
            ("预算执行情况(万元) (20分)", Some(20)),
            ("得分 (20分*执行率)", Some(20)),
            ("年度目标1:(80分)", Some(80)),
            ("执行率(B/A)", None),
        ];
        for &(cell, want) in points {
            assert_eq!(caption_points(cell), want.map(Decimal::from), "{cell}");
        }
    }
}
