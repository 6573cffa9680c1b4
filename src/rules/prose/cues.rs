//! The words that give a figure its role in a sentence: a direction (增加 / 下降 …), a comparison base
//! (比上年 / 较年初预算 …), a measure (年初预算 / 决算 / 上年), a share (占 …), a completion (完成预算的 …).
//! Word lists only; the reading of a sentence is in `frames`.

/// Sign of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    Up,
    Down,
}

/// Words that say a change goes up or down, longest first (a single 增 / 减 only right before a figure).
const DIRECTIONS: [(&str, Sign); 39] = [
    ("压缩", Sign::Down),
    ("节约资金", Sign::Down),
    ("节约金额", Sign::Down),
    ("节支金额", Sign::Down),
    ("节约财政资金", Sign::Down),
    ("负增长", Sign::Down),
    ("增长了", Sign::Up),
    ("增加了", Sign::Up),
    ("减少了", Sign::Down),
    ("下降了", Sign::Down),
    ("增加", Sign::Up),
    ("增长", Sign::Up),
    ("增收", Sign::Up),
    ("增支", Sign::Up),
    ("增幅", Sign::Up),
    ("上升", Sign::Up),
    ("上涨", Sign::Up),
    ("提高", Sign::Up),
    ("增多", Sign::Up),
    ("超支", Sign::Up),
    ("减少", Sign::Down),
    ("下降", Sign::Down),
    ("减收", Sign::Down),
    ("减支", Sign::Down),
    ("降幅", Sign::Down),
    ("减幅", Sign::Down),
    ("降低", Sign::Down),
    ("下滑", Sign::Down),
    ("回落", Sign::Down),
    ("压减", Sign::Down),
    ("节约", Sign::Down),
    ("节支", Sign::Down),
    ("短收", Sign::Down),
    ("缩减", Sign::Down),
    ("增", Sign::Up),
    ("减", Sign::Down),
    ("多", Sign::Up),
    ("少", Sign::Down),
    ("降", Sign::Down),
];

/// The direction word that `lead` (the text right before a figure) ends with, if any, and the word.
pub fn direction(lead: &str) -> Option<(Sign, &'static str)> {
    if moves_to(lead) {
        return None;
    }
    let lead = trim_tail(lead);
    DIRECTIONS
        .iter()
        .find(|(w, _)| lead.ends_with(w))
        .map(|&(w, s)| (s, w))
        .filter(|(_, w)| {
            // 增 / 减 / 多 / 少 alone only as a verb right before the figure, not inside a noun (增值税)
            w.chars().count() > 1 || !lead.ends_with("的")
        })
}

/// Whether `lead` ends with a direction word and 到 / 至 ("由上年的 A 元增加到 B 元"): B is the new level,
/// not an amount of change.
pub fn moves_to(lead: &str) -> bool {
    let raw = lead.trim_end();
    raw.strip_suffix('到')
        .or_else(|| raw.strip_suffix('至'))
        .is_some_and(|head| {
            DIRECTIONS
                .iter()
                .any(|(w, _)| w.chars().count() > 1 && head.ends_with(w))
        })
}

/// The lead without the filler between a cue and its figure: "增长了 " → "增长了", "为", "约", "达".
pub fn trim_tail(lead: &str) -> &str {
    let mut s = lead.trim_end();
    loop {
        let before = s;
        for w in [
            "为", "达到", "达", "约", "计", "共", "是", "到", "至", "了", " ",
        ] {
            if let Some(rest) = s.strip_suffix(w) {
                // 增长了 keeps its 了: it is part of the direction word list
                if w == "了" && DIRECTIONS.iter().any(|(d, _)| s.ends_with(d)) {
                    continue;
                }
                s = rest.trim_end();
            }
        }
        if s == before {
            return s;
        }
    }
}

/// What a change or rate is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// 上年 (the default of 增长 / 下降).
    Prior,
    /// 年初预算, 预算, 调整预算.
    Budget,
    /// An earlier period of the same year (比前 4 个月, 环比, 比上月): its level is never last year's.
    Period,
}

/// The comparison base a clause names ("比上年", "较年初预算", "同比"), from its words before a figure.
pub fn base(clause: &str) -> Option<Base> {
    let budget = [
        "比年初预算",
        "较年初预算",
        "比预算",
        "较预算",
        "比调整预算",
        "较调整预算",
        "与年初预算相比",
        "与预算相比",
        "较计划",
        "比计划",
        "较采购计划",
        "较采购预算",
    ];
    let prior = [
        "比上年",
        "较上年",
        "同比",
        "比去年",
        "较去年",
        "与上年",
        "比上一年",
        "较上一年",
        "上年同期",
        "同口径",
        "比20",
        "较20",
        "与20",
    ];
    let period = [
        "环比",
        "比上月",
        "较上月",
        "比上季度",
        "较上季度",
        "比前",
        "较前",
    ];
    // One backward pass finds where each kind of comparison is written last: this runs once per figure, and a
    // substring search per word (three dozen of them) was a tenth of a review's time in wasm.
    let starts = |k: usize, words: &[&str]| words.iter().any(|w| clause[k..].starts_with(w));
    let (mut at_budget, mut at_prior, mut at_period) = (None, None, None);
    for (k, c) in clause.char_indices().rev() {
        if !matches!(c, '比' | '较' | '与' | '同' | '上' | '环') {
            continue;
        }
        if at_budget.is_none() && starts(k, &budget) {
            at_budget = Some(k);
        }
        if at_prior.is_none() && starts(k, &prior) {
            at_prior = Some(k);
        }
        if at_period.is_none() && starts(k, &period) {
            at_period = Some(k);
        }
        if at_budget.is_some() && at_prior.is_some() && at_period.is_some() {
            break;
        }
    }
    // "比前 4 个月增加 347.39 亿元，增长 71.2%；较去年同期增加 32.4 亿元": the comparison written last rules
    let at_period = at_period.filter(|&k| {
        let rest = &clause[k..];
        !rest.starts_with("比前") && !rest.starts_with("较前")
            || rest
                .chars()
                .skip(2)
                .take(4)
                .collect::<String>()
                .contains("个月")
    });
    match (at_budget, at_prior, at_period) {
        (b, p, Some(q)) if b.is_none_or(|b| q > b) && p.is_none_or(|p| q > p) => Some(Base::Period),
        (Some(b), Some(p), _) if b > p => Some(Base::Budget),
        (Some(_), None, _) => Some(Base::Budget),
        (_, Some(_), _) => Some(Base::Prior),
        (None, None, _) => None,
    }
}

/// What a level figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// This year's figure as executed (决算, 完成, 实际): the default.
    Current,
    /// A budget (年初预算数, 调整预算, 全年预算数).
    Budget,
    /// Last year's figure (上年, 上年决算).
    Prior,
}

/// Words that make a figure a budget; "一般公共预算" and "预算单位" are names, not measures.
const BUDGET: [&str; 16] = [
    "调整为",
    "调整后为",
    "年初预算",
    "调整预算",
    "预算数",
    "预算为",
    "全年预算",
    "年度预算",
    "预算安排",
    "安排预算",
    "预算金额",
    "预算总额",
    "预算是",
    "预算支出数",
    "采购预算",
    "预算",
];

/// The measure of a level figure from the words of its clause before it.
/// The text without the names that hold the words of a measure without being one (一般公共预算 is a kind of
/// fund, 上年结转 this year's income).
pub(super) fn strip_names(text: &str) -> String {
    let mut c = text.to_string();
    for name in [
        "一般公共预算",
        "政府性基金预算",
        "国有资本经营预算",
        "社会保险基金预算",
        "预算单位",
        "部门预算",
        "预算内",
        "预算稳定调节基金",
        "预算管理",
        "纳入预算",
        "上年结转",
        "上年结余",
        "上年度结转",
        "上年结转结余",
        "以前年度",
        "预算部门",
        "公共预算",
        "预算执行",
    ] {
        c = c.replace(name, "");
    }
    c
}

/// Whether a clause compares with a year it names right before the figure: "较2014年的 5.98 亿元" (the lead
/// after the year token is only "年的").
pub fn names_compared_year(clause: &str, lead: &str) -> bool {
    // "经比较，2020年度“三公”经费 41 万元": 经比较 opens the comparison, it does not name its base
    let clause = clause.replace("经比较", "").replace("经对比", "");
    let compares = ["较20", "比20", "与20", "相比20", "较19", "比19"]
        .iter()
        .any(|w| clause.contains(w));
    // "比2017年度决算总收入 1058.51 万元": the comparison's own figure, named after its year
    let named_after_year = lead.starts_with('年') && lead.chars().count() <= 12;
    compares
        && (["年的", "年度的", "年", "年度", "年为", "年度为"].contains(&lead.trim())
            || named_after_year)
}

/// The year a clause compares with when it names one and no figure of it ("比2019年增长", "与2019年相比，增长"
/// but not "比2019年的 80 万元增长").
fn compared_year(clause: &str) -> Option<u32> {
    let c: Vec<char> = clause.chars().collect();
    let at = (0..c.len().saturating_sub(5)).rev().find(|&i| {
        "比较与同".contains(c[i])
            && c[i + 1..i + 5].iter().all(char::is_ascii_digit)
            && c[i + 5] == '年'
    })?;
    let year: String = c[at + 1..at + 5].iter().collect();
    let after = &c[at + 6..];
    (!after.iter().any(char::is_ascii_digit))
        .then(|| year.parse().ok())
        .flatten()
}

/// The year a statement is of: its first "YYYY年" that no comparison word stands before (None when it names
/// none).
fn statement_year(sentence: &str) -> Option<u32> {
    let c: Vec<char> = sentence.chars().collect();
    (0..c.len().saturating_sub(4)).find_map(|i| {
        let digits = c[i..i + 4].iter().all(char::is_ascii_digit)
            && c[i + 4] == '年'
            && (i == 0 || !c[i - 1].is_ascii_digit());
        let compared = i > 0 && "比较与同至到-—".contains(c[i - 1]);
        (digits && !compared)
            .then(|| c[i..i + 4].iter().collect::<String>().parse().ok())
            .flatten()
    })
}

/// Whether a rate's clause compares with a year it names that is not the year before its statement's (a
/// statement with no year of its own: a year named after a rate of the sentence, "增长 7.2%，比 2019 年同期
/// 增长 6.9%", is not last year's, which that rate was).
pub fn against_other_year(clause: &str, sentence: &str) -> bool {
    compared_year(clause).is_some_and(|y| match statement_year(sentence) {
        Some(own) => own != y + 1,
        None => rate_before(sentence, clause, y),
    })
}

/// Whether the sentence states a rate of change before the clause at its end ("增长 7.2%，比 2019 年…") that
/// is not against the same year `year` (a list "较2020年增长 9.40%；…较2020年增长 32.50%" compares alike).
fn rate_before(sentence: &str, clause: &str, year: u32) -> bool {
    let before = sentence.strip_suffix(clause).unwrap_or(sentence);
    before.contains('%')
        && ["增长", "下降", "同比", "增幅", "降幅"]
            .iter()
            .any(|w| before.contains(w))
        && !before.contains(&format!("{year}年"))
}

pub fn measure(clause: &str) -> Measure {
    let c = strip_names(clause);
    let prior = ["上年", "去年", "上一年"];
    // 上年决算 is last year's figure, though it says 决算
    for w in [
        "上年决算",
        "上年度决算",
        "上年执行",
        "上年完成",
        "上年实际",
        "上年同期",
        "去年同期",
    ] {
        if c.ends_with(w) || c.contains(&format!("{w}数")) || c.ends_with(&format!("{w}为")) {
            return Measure::Prior;
        }
    }
    let last_budget = BUDGET.iter().filter_map(|w| c.rfind(w)).max();
    let last_actual = ["决算", "执行", "实际", "完成"]
        .iter()
        .filter_map(|w| c.rfind(w))
        .max();
    let last_prior = prior.iter().filter_map(|w| c.rfind(w)).max();
    if let Some(p) = last_prior {
        if last_budget.is_none_or(|b| p > b) && last_actual.is_none_or(|a| p > a) {
            return Measure::Prior;
        }
    }
    match (last_budget, last_actual) {
        (Some(b), Some(a)) if b > a => Measure::Budget,
        (Some(_), None) => Measure::Budget,
        _ => Measure::Current,
    }
}

/// Whether a clause states a completion ratio: 完成 … 预算 … 的, 为 … 预算 … 的, 占 … 预算 … 的.
pub fn is_completion(clause: &str) -> bool {
    let clause = strip_names(clause);
    let has_budget = ["预算", "计划", "任务"].iter().any(|w| clause.contains(w));
    has_budget
        && (clause.contains("完成") || clause.contains("占") || clause.contains("为"))
        && !clause.contains("执行率")
}

/// The words that end a statement of a total: 合计, 总计, 共计, 小计.
pub fn is_total_label(label: &str) -> bool {
    ["合计", "总计", "共计", "小计", "总额", "总数"]
        .iter()
        .any(|w| label.contains(w))
}
