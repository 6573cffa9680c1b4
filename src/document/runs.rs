//! Templates in running text: header words as PDF text runs them together (no cell boundaries), and a
//! target split over 指标性质 / 指标值 / 度量单位 cells joined back into one text the scoring reads.

use super::template::{header_key, Role};

/// Funds header words as PDF text runs them together, longest first where one holds another.
const FUNDS_RUN: &[(&str, Role)] = &[
    ("年初预算数", Role::Initial),
    ("年初预算", Role::Initial),
    ("全年预算数", Role::Budget),
    ("调整后预算数", Role::Budget),
    ("调整预算数", Role::Budget),
    ("预算执行数", Role::Executed),
    ("全年执行数", Role::Executed),
    ("实际执行数", Role::Executed),
    ("预算执行率", Role::Rate),
    ("执行数", Role::Executed),
    ("预算数", Role::Budget),
    ("执行率", Role::Rate),
    ("分值权重", Role::Weight),
    ("分值", Role::Weight),
    ("权重", Role::Weight),
    ("自评得分", Role::Score),
    ("得分", Role::Score),
];

/// The funds columns named in a run of header text with no cell boundaries (PDF text with white space
/// removed: "年初预算数全年预算数(A)全年执行数(B)分值执行率(B/A)得分"), in order. What stands in brackets
/// ("(20分*执行率)") qualifies a column and names none.
pub fn funds_roles_in(run: &str) -> Vec<Role> {
    let key = header_key(run);
    let mut out = Vec::new();
    let mut rest = key.as_str();
    while let Some(c) = rest.chars().next() {
        if c == '(' {
            let close = rest.find(')').map_or(rest.len(), |p| p + 1);
            rest = rest.get(close..).unwrap_or("");
            continue;
        }
        match FUNDS_RUN.iter().find(|(w, _)| rest.starts_with(w)) {
            Some(&(w, role)) => {
                out.push(role);
                rest = rest.get(w.len()..).unwrap_or("");
            }
            None => rest = rest.get(c.len_utf8()..).unwrap_or(""),
        }
    }
    out
}

/// Indicator header words as PDF text runs them together, longest first where one holds another.
const INDICATOR_RUN: &[(&str, Option<Role>)] = &[
    ("年度绩效指标完成情况", None),
    ("年度绩效指标", None),
    ("绩效指标", None),
    ("一级指标", Some(Role::Level1)),
    ("二级指标", Some(Role::Level2)),
    ("三级指标", Some(Role::Name)),
    ("指标名称", Some(Role::Name)),
    ("指标性质", Some(Role::Nature)),
    ("指标值设定依据", Some(Role::Basis)),
    ("实际完成指标值", Some(Role::Actual)),
    ("实际完成值", Some(Role::Actual)),
    ("全年实际值", Some(Role::Actual)),
    ("年度指标值", Some(Role::Target)),
    ("预期指标值", Some(Role::Target)),
    ("年初目标值", Some(Role::Target)),
    ("年度目标值", Some(Role::Target)),
    ("完成值", Some(Role::Actual)),
    ("指标值", Some(Role::Value)),
    ("度量单位", Some(Role::Unit)),
    ("计量单位", Some(Role::Unit)),
    ("分值权重", Some(Role::Weight)),
    ("分值", Some(Role::Weight)),
    ("权重", Some(Role::Weight)),
    ("自评得分", Some(Role::Score)),
    ("得分", Some(Role::Score)),
    ("偏差原因分析及改进措施", Some(Role::Reason)),
    ("未完成原因及拟采取的改进措施", Some(Role::Reason)),
    ("未完成原因分析", Some(Role::Reason)),
    ("偏差原因", Some(Role::Reason)),
];

/// The indicator columns named at the start of a run of compact header text ("一级指标二级指标三级指标分值
/// 年度指标值全年实际值得分…"), in order, and how many chars the header takes: it ends at the first char
/// that begins no header word. Brackets qualify a column ("(A)") and are read past.
pub fn indicator_run(run: &str) -> (Vec<Role>, usize) {
    let mut roles = Vec::new();
    let (mut rest, mut used) = (run, 0);
    loop {
        if rest.starts_with(['(', '（']) {
            let Some((close, c)) = rest.char_indices().find(|(_, c)| matches!(c, ')' | '）'))
            else {
                break;
            };
            let after = close + c.len_utf8();
            used += rest.get(..after).map_or(0, |s| s.chars().count());
            rest = rest.get(after..).unwrap_or("");
            continue;
        }
        match INDICATOR_RUN.iter().find(|(w, _)| rest.starts_with(w)) {
            Some(&(w, role)) => {
                roles.extend(role);
                used += w.chars().count();
                rest = rest.get(w.len()..).unwrap_or("");
            }
            None => break,
        }
    }
    (roles, used)
}

/// A comparator written in a 指标性质 cell, as the scoring reads it: `≧` → `≥`, `═`/`﹦`/`＝` → `=`, 正向 → `≥`,
/// 反向 → `≤`; 定性 and 定量 carry none (a qualitative target is its words; a bare number is scored as `≥`).
pub fn nature_symbol(cell: &str) -> &'static str {
    match header_key(cell).as_str() {
        "≥" | "≧" | ">=" | "＞=" | "正向" => "≥",
        "≤" | "≦" | "<=" | "＜=" | "反向" => "≤",
        "=" | "═" | "﹦" | "＝" | "==" => "=",
        ">" | "＞" => ">",
        "<" | "＜" => "<",
        _ => "",
    }
}

/// Whether a cell is only a comparator or a 指标性质 word.
pub fn is_nature(cell: &str) -> bool {
    !nature_symbol(cell).is_empty() || matches!(header_key(cell).as_str(), "定性" | "定量")
}

/// The target of split cells as one text: 指标性质 `≧`, 指标值 `735`, 度量单位 `人次` → `≥735人次`.
pub fn join_target(nature: &str, value: &str, unit: &str) -> String {
    let value = value.trim();
    let unit = unit.trim();
    if value.is_empty() {
        return String::new();
    }
    let symbol = nature_symbol(nature);
    // a unit already written in the value (`100%`) is not repeated
    let unit = if value.ends_with(unit) { "" } else { unit };
    format!("{symbol}{value}{unit}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use Role::*;

    #[test]
    fn header_runs_name_their_columns_in_order() {
        assert_eq!(
            funds_roles_in("年初预算数全年预算数（A）全年执行数（B）分值执行率（B/A）得分"),
            [Initial, Budget, Executed, Weight, Rate, Score]
        );
        assert_eq!(
            funds_roles_in("预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)"),
            [Budget, Executed, Rate, Score]
        );
        let cases: &[(&str, &[Role], usize)] = &[
            (
                "一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施产出指标",
                &[Level1, Level2, Name, Target, Actual, Weight, Score, Reason],
                37,
            ),
            (
                "一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施产出",
                &[Level1, Level2, Name, Weight, Target, Actual, Score, Reason],
                40,
            ),
            (
                "一级指标二级指标三级指标年度指标值（A）实际完成值（B）分值得分产出",
                &[Level1, Level2, Name, Target, Actual, Weight, Score],
                32,
            ),
        ];
        for &(run, roles, used) in cases {
            assert_eq!(indicator_run(run), (roles.to_vec(), used), "{run}");
        }
    }

    #[test]
    fn split_targets_join() {
        let targets: &[(&str, &str, &str, &str)] = &[
            ("≧", "735", "人次", "≥735人次"),
            ("═", "100", "%", "=100%"),
            ("﹦", "72890", "元", "=72890元"),
            ("≤", "30", "万元", "≤30万元"),
            ("", "有效", "", "有效"),
            ("定性", "优良中低差", "", "优良中低差"),
            ("=", "100%", "%", "=100%"),
            ("≥", "", "%", ""),
        ];
        for &(n, v, u, want) in targets {
            assert_eq!(join_target(n, v, u), want, "{n}{v}{u}");
        }
    }
}
