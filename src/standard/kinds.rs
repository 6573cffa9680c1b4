//! The nine tables, their titles as they vary by year and province, and the column vocabulary.

use serde::Serialize;

/// One of the nine standard tables of a 部门决算公开.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum StandardKind {
    /// T1 收入支出决算总表.
    T1,
    /// T2 收入决算表.
    T2,
    /// T3 支出决算表.
    T3,
    /// T4 财政拨款收入支出决算总表.
    T4,
    /// T5 一般公共预算财政拨款支出决算表.
    T5,
    /// T6 一般公共预算财政拨款基本支出决算表.
    T6,
    /// T7 财政拨款“三公”经费支出决算表.
    T7,
    /// T8 政府性基金预算财政拨款收入支出决算表.
    T8,
    /// T9 国有资本经营预算财政拨款收入支出决算表.
    T9,
}

impl StandardKind {
    /// All nine, in the published order.
    pub const ALL: [StandardKind; 9] = [
        StandardKind::T1,
        StandardKind::T2,
        StandardKind::T3,
        StandardKind::T4,
        StandardKind::T5,
        StandardKind::T6,
        StandardKind::T7,
        StandardKind::T8,
        StandardKind::T9,
    ];

    /// 1 … 9, the national order.
    pub fn number(self) -> u8 {
        match self {
            StandardKind::T1 => 1,
            StandardKind::T2 => 2,
            StandardKind::T3 => 3,
            StandardKind::T4 => 4,
            StandardKind::T5 => 5,
            StandardKind::T6 => 6,
            StandardKind::T7 => 7,
            StandardKind::T8 => 8,
            StandardKind::T9 => 9,
        }
    }

    /// "T1" … "T9".
    pub fn id(self) -> &'static str {
        match self {
            StandardKind::T1 => "T1",
            StandardKind::T2 => "T2",
            StandardKind::T3 => "T3",
            StandardKind::T4 => "T4",
            StandardKind::T5 => "T5",
            StandardKind::T6 => "T6",
            StandardKind::T7 => "T7",
            StandardKind::T8 => "T8",
            StandardKind::T9 => "T9",
        }
    }

    /// The usual (上海 2024 template) title.
    pub fn title(self) -> &'static str {
        match self {
            StandardKind::T1 => "收入支出决算总表",
            StandardKind::T2 => "收入决算表",
            StandardKind::T3 => "支出决算表",
            StandardKind::T4 => "财政拨款收入支出决算总表",
            StandardKind::T5 => "一般公共预算财政拨款支出决算表",
            StandardKind::T6 => "一般公共预算财政拨款基本支出决算表",
            StandardKind::T7 => "财政拨款“三公”经费支出决算表",
            StandardKind::T8 => "政府性基金预算财政拨款收入支出决算表",
            StandardKind::T9 => "国有资本经营预算财政拨款收入支出决算表",
        }
    }
}

/// Maps full-width ASCII to ASCII and the ideographic space to a space, one char for one char, so that char
/// offsets stay valid; the dashes people type for minus become '-'.
pub(crate) fn norm_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{A0}' => ' ',
        '−' | '–' => '-',
        _ => c,
    }
}

/// Text for matching: normalised chars, no white space, ASCII brackets and quotes made Chinese.
pub(crate) fn squash(text: &str) -> String {
    text.chars()
        .map(norm_char)
        .filter(|c| !c.is_whitespace() && !is_invisible(*c))
        .map(squash_char)
        .collect()
}

/// One char as `squash` writes it: Chinese brackets and colon, one kind of quote.
pub(crate) fn squash_char(c: char) -> char {
    match norm_char(c) {
        '(' => '（',
        ')' => '）',
        '"' | '\'' | '‘' | '’' | '“' | '”' | '「' | '」' | '〝' | '〞' => '"',
        ':' => '：',
        ',' => '，',
        ';' => '；',
        c => c,
    }
}

/// Zero-width and direction marks that copied text picks up.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Which of the nine tables a title line names, whatever its prefix ("表1", "公开01表", "XX局2024年度")
/// and wording of the year and province. A line that is not a title (a sentence, a table of contents entry
/// with a page number, a header row) gives None.
///
/// # Example
/// ```
/// use juesuan::standard::{table_kind, StandardKind};
/// assert_eq!(table_kind("表5 一般公共预算支出决算表"), Some(StandardKind::T5));
/// assert_eq!(table_kind("部门收支决算总表"), Some(StandardKind::T1));
/// assert_eq!(table_kind("详见收入决算表。"), None);
/// ```
pub fn table_kind(title_line: &str) -> Option<StandardKind> {
    let mut t = squash(title_line);
    if t.chars().count() > 60 || t.contains('。') || t.contains('，') || t.contains('；') {
        return None;
    }
    for tail in ["（续表）", "（续）", "续表", "（公开表）"] {
        if let Some(s) = t.strip_suffix(tail) {
            t = s.to_string();
        }
    }
    if !t.ends_with('表') {
        return None;
    }
    let has = |w: &str| t.contains(w);
    let kind = if has("三公") || has("相关经费支出决算表") {
        StandardKind::T7
    } else if has("政府性基金") && has("决算") {
        StandardKind::T8
    } else if has("国有资本经营") && has("决算") {
        StandardKind::T9
    } else if has("基本支出") && has("决算") {
        StandardKind::T6
    } else if (has("收入支出决算总表") || has("收支决算总表")) && has("财政拨款")
    {
        StandardKind::T4
    } else if has("收入支出决算总表") || has("收支决算总表") {
        StandardKind::T1
    } else if has("一般公共预算") && has("支出决算") {
        StandardKind::T5
    } else if has("收入决算表") || has("收入决算总表") {
        StandardKind::T2
    } else if (has("支出决算表") || has("支出决算总表") || t.ends_with("出决算表")) && !has("明细")
    {
        StandardKind::T3
    } else {
        return None;
    };
    Some(kind)
}

/// The 三公 items of T7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum SgItem {
    /// 合计.
    Total,
    /// 因公出国（境）费.
    Abroad,
    /// 公务用车购置及运行维护费 小计.
    CarSubtotal,
    /// 公务用车购置费.
    CarPurchase,
    /// 公务用车运行维护费.
    CarRunning,
    /// 公务接待费.
    Reception,
}

impl SgItem {
    /// Every item in the table's column order.
    pub const ALL: [SgItem; 6] = [
        SgItem::Total,
        SgItem::Abroad,
        SgItem::CarSubtotal,
        SgItem::CarPurchase,
        SgItem::CarRunning,
        SgItem::Reception,
    ];

    /// The item's name.
    pub fn title(self) -> &'static str {
        match self {
            SgItem::Total => "合计",
            SgItem::Abroad => "因公出国（境）费",
            SgItem::CarSubtotal => "公务用车小计",
            SgItem::CarPurchase => "公务用车购置费",
            SgItem::CarRunning => "公务用车运行维护费",
            SgItem::Reception => "公务接待费",
        }
    }
}

/// A value column of one of the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Col {
    /// 决算数 (T1, T4 income side, T6).
    Amount,
    /// 本年收入合计.
    IncomeTotal,
    /// 财政拨款收入.
    Appropriation,
    /// 上级补助收入.
    Superior,
    /// 事业收入.
    Business,
    /// 经营收入.
    Operating,
    /// 附属单位上缴收入.
    Affiliated,
    /// 其他收入.
    OtherIncome,
    /// 本年支出合计.
    ExpenseTotal,
    /// 基本支出.
    Basic,
    /// 项目支出.
    Project,
    /// 上缴上级支出.
    RemitSuperior,
    /// 经营支出.
    OperatingExpense,
    /// 对附属单位补助支出.
    SubsidyAffiliated,
    /// 合计 (T4 expense side, T5).
    Total,
    /// 一般公共预算财政拨款.
    GeneralBudget,
    /// 政府性基金预算财政拨款.
    GovFund,
    /// 国有资本经营预算财政拨款.
    StateCapital,
    /// 年初结转和结余 (T8, T9).
    Opening,
    /// 本年收入 (T8, T9).
    Income,
    /// 本年支出 合计/小计 (T8, T9).
    ExpenseSubtotal,
    /// 年末结转和结余 (T8, T9).
    Closing,
    /// 预算数 (true) or 决算数 (false) of a 三公 item.
    Sg(SgItem, bool),
    /// 机关运行经费决算数 (older T7 layouts).
    OfficeRunning,
}

impl Col {
    /// The column's name as the tables print it.
    pub fn title(self) -> String {
        let s = match self {
            Col::Amount => "决算数",
            Col::IncomeTotal => "本年收入合计",
            Col::Appropriation => "财政拨款收入",
            Col::Superior => "上级补助收入",
            Col::Business => "事业收入",
            Col::Operating => "经营收入",
            Col::Affiliated => "附属单位上缴收入",
            Col::OtherIncome => "其他收入",
            Col::ExpenseTotal => "本年支出合计",
            Col::Basic => "基本支出",
            Col::Project => "项目支出",
            Col::RemitSuperior => "上缴上级支出",
            Col::OperatingExpense => "经营支出",
            Col::SubsidyAffiliated => "对附属单位补助支出",
            Col::Total => "合计",
            Col::GeneralBudget => "一般公共预算财政拨款",
            Col::GovFund => "政府性基金预算财政拨款",
            Col::StateCapital => "国有资本经营预算财政拨款",
            Col::Opening => "年初结转和结余",
            Col::Income => "本年收入",
            Col::ExpenseSubtotal => "本年支出合计",
            Col::Closing => "年末结转和结余",
            Col::OfficeRunning => "机关运行经费决算数",
            Col::Sg(item, budget) => {
                return format!(
                    "{}·{}",
                    item.title(),
                    if budget { "预算数" } else { "决算数" }
                )
            }
        };
        s.to_string()
    }
}

/// The value columns a table kind can have, in print order, each with the header words that name it.
pub(crate) fn column_vocabulary(kind: StandardKind) -> Vec<(Col, &'static [&'static str])> {
    match kind {
        StandardKind::T2 => vec![
            (Col::IncomeTotal, &["本年收入合计", "收入合计", "合计"][..]),
            (
                Col::Appropriation,
                &["财政拨款收入", "财政补助收入", "财政拨款"],
            ),
            (Col::Superior, &["上级补助收入", "上级补助"]),
            (Col::Business, &["事业收入"]),
            (Col::Operating, &["经营收入"]),
            (Col::Affiliated, &["附属单位上缴收入", "附属单位缴款"]),
            (Col::OtherIncome, &["其他收入"]),
        ],
        StandardKind::T3 => vec![
            (Col::ExpenseTotal, &["本年支出合计", "支出合计", "合计"][..]),
            (Col::Basic, &["基本支出"]),
            (Col::Project, &["项目支出"]),
            (Col::RemitSuperior, &["上缴上级支出"]),
            (Col::OperatingExpense, &["经营支出"]),
            (Col::SubsidyAffiliated, &["对附属单位补助支出"]),
        ],
        StandardKind::T5 => vec![
            (Col::Total, &["合计", "小计"][..]),
            (Col::Basic, &["基本支出"]),
            (Col::Project, &["项目支出"]),
        ],
        StandardKind::T8 | StandardKind::T9 => vec![
            (Col::Opening, &["年初结转和结余", "年初结转结余"][..]),
            (Col::Income, &["本年收入"]),
            (Col::ExpenseSubtotal, &["小计", "合计", "本年支出"]),
            (Col::Basic, &["基本支出"]),
            (Col::Project, &["项目支出"]),
            (Col::Closing, &["年末结转和结余", "年末结转结余"]),
        ],
        StandardKind::T4 => vec![
            (Col::Total, &["合计"][..]),
            (Col::GeneralBudget, &["一般公共预算"]),
            (Col::GovFund, &["政府性基金"]),
            (Col::StateCapital, &["国有资本经营"]),
        ],
        StandardKind::T1 | StandardKind::T6 => vec![(Col::Amount, &["决算数", "金额"][..])],
        StandardKind::T7 => Vec::new(),
    }
}

/// The value columns named in a (joined, squashed) header, in print order; the full set when the header
/// names fewer than two of them.
pub(crate) fn columns_from_header(kind: StandardKind, header: &str) -> Vec<Col> {
    let vocab = column_vocabulary(kind);
    let found: Vec<Col> = vocab
        .iter()
        .filter(|(_, words)| words.iter().any(|w| header.contains(w)))
        .map(|(c, _)| *c)
        .collect();
    if found.len() >= 2 {
        found
    } else {
        vocab.into_iter().map(|(c, _)| c).collect()
    }
}
