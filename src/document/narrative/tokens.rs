//! The figures of a cleaned text: every number with its unit class, the direction word before it
//! (增加/减少…), the noun phrase that names it (its label), and the sentence it sits in.

use super::clean::CleanText;
use super::digits::{compound_yi, mixed_rest, read_digits};
use crate::num::figure::Figure;
use rust_decimal::Decimal;

/// What a number measures, from the unit written after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitClass {
    /// 元, 万元, 亿元 (the unit is kept in the figure).
    Amount,
    /// A percentage.
    Percent,
    /// A whole count with its unit (人, 辆, 个 …): exact, no rounding tolerance.
    Count(String),
    /// A year, a date, a list number, a phone number: not a checkable figure.
    Other,
}

/// Sign of a change, from the word before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// 增加, 增长, 上升, 提高
    Up,
    /// 减少, 下降, 降低
    Down,
}

impl Direction {
    /// +1 or −1.
    pub fn sign(self) -> Decimal {
        match self {
            Direction::Up => Decimal::ONE,
            Direction::Down => Decimal::NEGATIVE_ONE,
        }
    }
}

/// One number of the text.
#[derive(Debug, Clone)]
pub struct Token {
    /// First cleaned char of the number (its sign, if any).
    pub start: usize,
    /// End of the number and its unit, in cleaned chars.
    pub end: usize,
    /// The figure as written (value, scale, unit).
    pub figure: Figure,
    /// What it measures.
    pub class: UnitClass,
    /// The direction word written right before it, if any.
    pub direction: Option<(Direction, &'static str)>,
    /// The noun phrase before it (`本年收入合计`), cleaned of years and headings.
    pub label: String,
    /// Where the label starts, in cleaned chars.
    pub label_start: usize,
    /// Index of the sentence (split at 。) it sits in.
    pub sentence: usize,
}

impl Token {
    /// Whether this is a money amount that is not a change (`增加 3.52 万元` is a change).
    pub fn is_level_amount(&self) -> bool {
        self.class == UnitClass::Amount && self.direction.is_none()
    }
}

/// Why a number in the text was not read as a figure (reported, never read as a wrong number).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unread {
    /// More digits than exact decimals hold.
    TooManyDigits,
    /// 亿 followed by a part in other words ("25亿8千万元").
    MixedNumerals,
}

const UP: [&str; 5] = ["增加", "增长", "上升", "提高", "多"];
const DOWN: [&str; 4] = ["减少", "下降", "降低", "少"];
const COUNT_UNITS: [&str; 31] = [
    "人次",
    "批次",
    "平方米",
    "小时",
    "万条",
    "万人",
    "人",
    "辆",
    "个",
    "次",
    "台",
    "套",
    "批",
    "项",
    "家",
    "件",
    "份",
    "条",
    "张",
    "篇",
    "部",
    "株",
    "期",
    "天",
    "户",
    "所",
    "名",
    "位",
    "处",
    "间",
    "支",
];
/// Words that start with a one-character count unit but are not one ("资金 10 支持…", "3 期末…", "2 所属单位"):
/// the figure has no unit. Only words that never follow a count are listed (项目 is not: "10 项目标任务").
const WORDS_NOT_UNITS: [&str; 16] = [
    "支持", "支出", "支付", "期末", "期初", "期间", "所有", "所属", "条件", "条例", "部门", "名称",
    "位于", "处理", "处置", "批复",
];
/// Chars that end a label when scanning back from a number.
const LABEL_STOPS: &str = "，,。；;：:、）)（( %";

/// The year at cleaned char `i` when a PDF copy ran it into the amount after it (`run_in::year_run_in`): a
/// figure of no unit, which the roles read as a year. `chars` are the cleaned chars read (up to the end).
fn run_in_year(text: &CleanText, chars: &[char], i: usize, sentence: usize) -> Option<Token> {
    let n = super::run_in::year_run_in(chars, i)?;
    let digits: String = chars.get(i..i + n)?.iter().collect();
    let value = Decimal::from_str_exact(&digits).ok()?;
    let (label, label_start) = label_before(text, i);
    Some(Token {
        start: i,
        end: i + n,
        figure: Figure {
            value,
            scale: 0,
            unit: String::new(),
            comparator: None,
            exact: false,
        },
        class: UnitClass::Other,
        direction: None,
        label,
        label_start,
        sentence,
    })
}

/// Finds every number in the cleaned text before `end`. A number too long to hold exactly is not read
/// (never a wrong number): its cleaned span goes into `unread` with why.
pub fn scan(text: &CleanText, end: usize, unread: &mut Vec<(usize, usize, Unread)>) -> Vec<Token> {
    let chars = text
        .chars
        .get(..end.min(text.chars.len()))
        .unwrap_or_default();
    let mut tokens = Vec::new();
    let mut sentence = 0;
    let mut i = 0;
    // where the amount after a run-in year starts (its digits follow the year's)
    let mut resume = None;
    while i < chars.len() {
        let c = chars[i];
        if c == '。' || text.is_head(i) {
            sentence += 1;
        }
        if !c.is_ascii_digit()
            || (resume != Some(i)
                && chars
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| p.is_ascii_digit() || *p == '.'))
        {
            i += 1;
            continue;
        }
        // "394.85万元2014247.15万元": a year run into the amount after it is a token of its own
        if let Some(year) = run_in_year(text, chars, i, sentence).filter(|_| resume != Some(i)) {
            (i, resume) = (year.end, Some(year.end));
            tokens.push(year);
            continue;
        }
        let negative = i > 0
            && chars.get(i - 1) == Some(&'-')
            && !chars
                .get(i.wrapping_sub(2))
                .is_some_and(char::is_ascii_digit);
        let (digits, scale, after) = read_digits(chars, i);
        // digits run together with Latin letters are a code or a misread glyph ("34L5亿元", "5G", "1e3"), not
        // an amount; a name in letters before a figure ("A 6.00 万元", "GDP 5000 亿元") is a label
        let letter = |j: usize| chars.get(j).is_some_and(|c| c.is_ascii_alphabetic());
        let letters_before = (0..i).rev().take_while(|&j| letter(j)).count();
        let glyph_before = letters_before > 0
            && i.checked_sub(letters_before + 1)
                .and_then(|j| chars.get(j))
                .is_some_and(char::is_ascii_digit);
        if glyph_before || letter(after) {
            i = after.max(i + 1);
            continue;
        }
        let start = if negative { i - 1 } else { i };
        let compound = compound_yi(chars, &digits, scale, after);
        let (digits, scale, after) = compound
            .as_ref()
            .map_or((digits, scale, after), |c| (c.0.clone(), c.1, c.2));
        let (class, unit, unit_end) = match compound {
            Some((_, _, _, end)) => (UnitClass::Amount, "亿元".to_string(), end),
            // "25亿8千万元": a second part in another form; its value is not read, so no amount either, and
            // the words are reported as unread
            None if scale == 0 && chars.get(after) == Some(&'亿') => {
                match mixed_rest(chars, after + 1) {
                    Some(to) => {
                        unread.push((start, to, Unread::MixedNumerals));
                        (UnitClass::Other, String::new(), to)
                    }
                    None => read_unit(text, after),
                }
            }
            None => read_unit(text, after),
        };
        let mut spelled = String::with_capacity(digits.len() + 1);
        if negative {
            spelled.push('-');
        }
        spelled.push_str(&digits);
        let parsed = Decimal::from_str_exact(&spelled);
        if parsed.is_err() {
            unread.push((start, after, Unread::TooManyDigits));
        }
        if let Ok(value) = parsed {
            let figure = Figure {
                value,
                scale,
                unit,
                comparator: None,
                exact: matches!(class, UnitClass::Count(_)) && scale == 0,
            };
            let direction = direction_before(text, start);
            let (label, label_start) = label_before(text, start);
            tokens.push(Token {
                start,
                end: unit_end,
                figure,
                class,
                direction,
                label,
                label_start,
                sentence,
            });
        }
        i = after.max(i + 1);
    }
    borrow_units(text, &mut tokens);
    tokens
}

/// "总收入 6871.82 减少 243.10 万元": an amount with decimals written without a unit right before the change
/// of it (only the direction word between) is in the change's unit — a comparison never mixes units.
fn borrow_units(text: &CleanText, tokens: &mut [Token]) {
    for k in 1..tokens.len() {
        let (before, after) = tokens.split_at_mut(k);
        let (Some(t), Some(n)) = (before.last_mut(), after.first()) else {
            continue;
        };
        let bare = t.class == UnitClass::Other && t.figure.unit.is_empty() && t.figure.scale > 0;
        let Some((_, word)) = n.direction else {
            continue;
        };
        if bare
            && n.class == UnitClass::Amount
            && n.sentence == t.sentence
            && text.slice(t.end, n.start) == word
        {
            t.class = UnitClass::Amount;
            t.figure.unit = n.figure.unit.clone();
        }
    }
}

fn read_unit(text: &CleanText, at: usize) -> (UnitClass, String, usize) {
    let chars = &text.chars;
    if chars.get(at) == Some(&'%') {
        return (UnitClass::Percent, "%".into(), at + 1);
    }
    for unit in ["万元", "亿元", "元"] {
        if text.starts_with_at(at, unit) {
            let end = at + unit.chars().count();
            if chars.get(end) == Some(&'/') {
                return (UnitClass::Other, unit.into(), end);
            }
            return (UnitClass::Amount, unit.into(), end);
        }
    }
    if ["年", "月", "日", "号", "时", "."]
        .iter()
        .any(|u| text.starts_with_at(at, u))
    {
        return (UnitClass::Other, String::new(), at);
    }
    if WORDS_NOT_UNITS.iter().any(|w| text.starts_with_at(at, w)) {
        return (UnitClass::Other, String::new(), at);
    }
    // "高 4.76 个百分点": percentage points, not a count of 个
    for unit in ["个百分点", "百分点"] {
        if text.starts_with_at(at, unit) {
            return (UnitClass::Other, unit.into(), at + unit.chars().count());
        }
    }
    for unit in COUNT_UNITS {
        if text.starts_with_at(at, unit) {
            return (
                UnitClass::Count(unit.into()),
                unit.into(),
                at + unit.chars().count(),
            );
        }
    }
    // 万 / 亿 written without 元 ("增收 4,376 万", "3.92 亿"): money, unless a count follows (万人 is above)
    for (short, unit) in [("万", "万元"), ("亿", "亿元")] {
        if text.starts_with_at(at, short)
            && !chars
                .get(at + 1)
                .is_some_and(|c| "人户条次件吨亩平辆台套个家所名位株头只本册张".contains(*c))
        {
            return (UnitClass::Amount, unit.into(), at + 1);
        }
    }
    (UnitClass::Other, String::new(), at)
}

fn direction_before(text: &CleanText, at: usize) -> Option<(Direction, &'static str)> {
    // every direction word ends in one of these: skip the word comparisons for all other numbers
    let last = text.chars.get(at.checked_sub(1)?)?;
    if !"加长升高多少降低".contains(*last) {
        return None;
    }
    UP.iter()
        .map(|w| (Direction::Up, *w))
        .chain(DOWN.iter().map(|w| (Direction::Down, *w)))
        .find(|(_, w)| text.ends_with_at(at, w))
}

/// Where the bracket that closes at `close` opens, when it holds an aside naming a short name ("以下简称…",
/// "简称…", "下称…") and nothing else.
fn aside_open(text: &CleanText, close: usize) -> Option<usize> {
    let open = (close.saturating_sub(20)..close)
        .rev()
        .find(|&j| "（(".contains(text.chars[j]))?;
    let inner = text.slice(open + 1, close);
    ["以下简称", "简称", "下称"]
        .iter()
        .any(|w| inner.starts_with(w))
        .then_some(open)
}

/// The noun phrase right before a number, without a leading year (`2023年度`), heading (`…情况说明`),
/// `其中`, or a trailing `为`/`是`.
fn label_before(text: &CleanText, at: usize) -> (String, usize) {
    let mut start = at;
    // a bracketed aside that names what follows ("一般公共预算收入（以下简称财政收入）完成"): the label goes on
    // before it and leaves it out
    let mut aside: Option<(usize, usize)> = None;
    while start > 0 {
        let c = text.chars[start - 1];
        if aside.is_none() && "）)".contains(c) {
            if let Some(open) = aside_open(text, start - 1) {
                aside = Some((open, start));
                start = open;
                continue;
            }
        }
        // "因公出国（境）费": the bracket is part of the name, not the end of it
        if start >= 3
            && "）)".contains(c)
            && text.chars[start - 2] == '境'
            && "（(".contains(text.chars[start - 3])
        {
            start -= 3;
            continue;
        }
        if LABEL_STOPS.contains(c) || c.is_ascii_digit() || c == '-' || c == ' ' {
            break;
        }
        start -= 1;
        if at - start > 40 {
            break;
        }
    }
    let mut label = text.slice(start, at);
    for heading_end in ["说明", "情况"] {
        if let Some(p) = label.rfind(heading_end) {
            let rest = &label[p + heading_end.len()..];
            if !rest.is_empty() {
                start += label[..p + heading_end.len()].chars().count();
                label = rest.to_string();
            }
        }
    }
    for prefix in ["年度", "年", "其中"] {
        // "年初结转和结余" and "年末…" name a figure; only a year's 年 is dropped
        if prefix == "年"
            && ["年初", "年末", "年终", "年底", "年中"]
                .iter()
                .any(|w| label.starts_with(w))
        {
            continue;
        }
        if let Some(rest) = label.strip_prefix(prefix) {
            start += prefix.chars().count();
            label = rest.to_string();
        }
    }
    for suffix in ["为", "是", "达"] {
        if let Some(rest) = label.strip_suffix(suffix) {
            label = rest.to_string();
        }
    }
    if let Some((open, close)) = aside.filter(|&(open, _)| open >= start) {
        label = label.replacen(&text.slice(open, close), "", 1);
    }
    (label, start)
}
