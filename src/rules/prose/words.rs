//! The small readings the direction and completion rules share: which measure a phrase names (决算数,
//! 年初预算, 上年), where a clause begins, the year a figure is of, and whether two names are one subject.

use super::entities::Entity;
use super::families;
use super::frames::{Frame, Role};
use crate::document::narrative::{Token, UnitClass};
use crate::rules::context::Ctx;
use rust_decimal::Decimal;

/// A measure a phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum M {
    /// 决算数, 实际支出, 执行数.
    Actual,
    /// 预算数, 年初预算, 调整预算.
    Budget,
    /// 上年, 去年, 上年决算数.
    Prior,
}

impl M {
    /// The measure's name in a report.
    pub fn name(self) -> &'static str {
        match self {
            M::Actual => "决算数",
            M::Budget => "预算数",
            M::Prior => "上年数",
        }
    }
}

/// Measure words, longest first within each family that shares an ending.
const MEASURES: [(&str, M); 27] = [
    ("上年度决算数", M::Prior),
    ("上年决算数", M::Prior),
    ("上年决算", M::Prior),
    ("上年同期", M::Prior),
    ("上一年度", M::Prior),
    ("上一年", M::Prior),
    ("上年度", M::Prior),
    ("上年数", M::Prior),
    ("上年", M::Prior),
    ("去年", M::Prior),
    ("支出决算数", M::Actual),
    ("决算支出数", M::Actual),
    ("实际支出数", M::Actual),
    ("支出决算", M::Actual),
    ("实际支出", M::Actual),
    ("决算数", M::Actual),
    ("执行数", M::Actual),
    ("实际数", M::Actual),
    ("决算", M::Actual),
    ("年初预算数", M::Budget),
    ("调整预算数", M::Budget),
    ("全年预算数", M::Budget),
    ("年初预算", M::Budget),
    ("调整预算", M::Budget),
    ("预算数", M::Budget),
    ("计划数", M::Budget),
    ("预算", M::Budget),
];

/// Names of funds that hold 预算 without being a budget.
const FUNDS: [&str; 4] = [
    "一般公共预算",
    "政府性基金预算",
    "国有资本经营预算",
    "社会保险基金预算",
];

/// The text without fund names (一般公共预算支出 is a 决算 figure).
pub fn strip_funds(s: &str) -> String {
    FUNDS.iter().fold(s.to_string(), |s, f| s.replace(f, ""))
}

/// The longest measure word `s` ends with (not the end of a fund's name).
pub fn measure_suffix(s: &str) -> Option<(M, &'static str)> {
    let s = s.trim_end();
    if FUNDS.iter().any(|f| s.ends_with(f)) {
        return None;
    }
    MEASURES
        .iter()
        .filter(|(w, _)| s.ends_with(w))
        .max_by_key(|(w, _)| w.len())
        .map(|&(w, m)| (m, w))
}

/// The longest measure word `s` starts with.
pub fn measure_prefix(s: &str) -> Option<(M, &'static str)> {
    let s = s.trim_start();
    if FUNDS.iter().any(|f| s.starts_with(f)) {
        return None;
    }
    MEASURES
        .iter()
        .filter(|(w, _)| s.starts_with(w))
        .max_by_key(|(w, _)| w.len())
        .map(|&(w, m)| (m, w))
}

/// A comparison in a clause before its direction word: the char index of its 与 / 较 / 比 (同比) and what it
/// compares with, without 相比 ("与年初预算相比" → "年初预算").
pub fn comparison(left: &str) -> Option<(usize, String)> {
    let chars: Vec<char> = left.chars().collect();
    let at = (0..chars.len()).rev().find(|&k| match chars[k] {
        '与' | '较' => true,
        // 比 of 相比 / 对比 / 占比 is not the comparison; 同比 is (with last year)
        '比' => k == 0 || !"相对占之".contains(chars[k - 1]),
        _ => false,
    })?;
    let at = if at > 0 && chars[at] == '比' && chars[at - 1] == '同' {
        at - 1
    } else {
        at
    };
    let mut base: String = chars[at..].iter().collect();
    for w in ["相比较", "相比", "相较", "比较", "而言"] {
        if let Some(b) = base.strip_suffix(w) {
            base = b.to_string();
        }
    }
    Some((at, base.trim().to_string()))
}

/// What a comparison's base is: a budget (与年初预算), last year (比上年, 与 2015 年度决算, 同比), else None.
pub fn base_measure(base: &str) -> Option<M> {
    let b = strip_funds(base);
    if b.contains("预算") || b.contains("计划") {
        return Some(M::Budget);
    }
    let prior = ["上年", "去年", "上一年", "同期", "同比", "前一年"];
    (prior.iter().any(|w| b.contains(w)) || b.chars().any(|c| c.is_ascii_digit()))
        .then_some(M::Prior)
}

/// Whether a figure is written right after cleaned index `at` (after 了 / 为 / 达 and spaces).
pub fn figure_follows(ctx: &Ctx, at: usize) -> bool {
    let chars = &ctx.text.chars;
    let mut k = at;
    while chars.get(k).is_some_and(|c| "了为达到 ".contains(*c)) {
        k += 1;
    }
    chars
        .get(k)
        .is_some_and(|c| c.is_ascii_digit() || *c == '-' || *c == '+')
}

/// Where the clause holding cleaned index `at` begins: after ，；：。 (not a comma inside a number), at most
/// `LONGEST_CLAUSE` chars back (text with no punctuation is no clause these rules read).
pub fn clause_start(ctx: &Ctx, at: usize) -> usize {
    let chars = &ctx.text.chars;
    let ss = ctx
        .text
        .sentence_start(at)
        .max(at.saturating_sub(LONGEST_CLAUSE));
    let digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
    (ss..at.min(chars.len()))
        .rev()
        .find(|&k| {
            "，,；;：:。！？!?".contains(chars[k])
                && !(chars[k] == ',' && k > 0 && digit(k - 1) && digit(k + 1))
        })
        .map_or(ss, |k| k + 1)
}

const LONGEST_CLAUSE: usize = 200;

/// How far back (chars) a statement's year or a phrase's subjects are looked for: a statement longer than
/// this is no sentence these rules read (and the rules stay linear on pastes of any length).
pub const WINDOW: usize = 1000;

/// Whether a token is a year ("2023年").
pub fn is_year(t: &Token) -> bool {
    t.class == UnitClass::Other
        && t.figure.unit.is_empty()
        && t.figure.scale == 0
        && (1990..=2100).contains(&t.figure.value.mantissa())
}

/// The narrative's tokens that start within cleaned chars [from, to), found by binary search (the rules run on
/// pastes of any length, so nothing here walks all tokens).
fn tokens_in(ctx: &Ctx, from: usize, to: usize) -> std::ops::Range<usize> {
    let to = to.min(ctx.end);
    let first = ctx.tokens.partition_point(|t| t.start < from);
    let last = ctx.tokens.partition_point(|t| t.start < to);
    first..last.max(first)
}

/// The last figure (not a year or date) within cleaned chars [from, to), walking back from `to`.
pub fn last_figure_in(ctx: &Ctx, from: usize, to: usize) -> Option<usize> {
    tokens_in(ctx, from, to)
        .rev()
        .find(|&i| ctx.tok(i).end <= to && ctx.tok(i).class != UnitClass::Other)
}

/// The years written within cleaned chars [from, to), in order.
fn years_in(ctx: &Ctx, from: usize, to: usize) -> Vec<usize> {
    tokens_in(ctx, from, to)
        .filter(|&i| ctx.tok(i).end <= to && is_year(ctx.tok(i)))
        .collect()
}

/// The last year written within cleaned chars [from, to).
pub fn year_in(ctx: &Ctx, from: usize, to: usize) -> Option<Decimal> {
    years_in(ctx, from, to)
        .last()
        .map(|&i| ctx.tok(i).figure.value)
}

/// The year a figure is of: one written in its clause before it, else the first of its statement.
pub fn year_near(ctx: &Ctx, tok: usize) -> Option<Decimal> {
    let t = ctx.tok(tok);
    year_in(ctx, clause_start(ctx, t.start), t.start).or_else(|| {
        let ss = ctx
            .text
            .sentence_start(t.start)
            .max(t.start.saturating_sub(WINDOW));
        years_in(ctx, ss, t.start)
            .first()
            .map(|&i| ctx.tok(i).figure.value)
    })
}

/// A name reduced to its subject: without years, measures, fund names and fillers ("2020年度“三公”经费支出
/// 决算数" → "三公经费支出", "全县支出调整预算" → "全县支出").
pub fn norm(s: &str) -> String {
    let mut t: String = strip_funds(s)
        .chars()
        .filter(|c| !c.is_ascii() && !"“”‘’\"《》（）()，、：；。 ".contains(*c))
        .collect();
    for w in [
        "调整后为",
        "调整为",
        "调整",
        "年初",
        "预算",
        "决算",
        "实际",
        "执行",
        "完成",
        "年度",
        "本年",
        "全年",
        "当年",
        "上年",
        "去年",
        "同期",
        "年",
        "度",
        "数",
        "为",
        "的",
        "是",
        "计",
        "达",
        "共",
    ] {
        t = t.replace(w, "");
    }
    t
}

/// Whether a phrase before a measure names a subject (more than a year or 本年度).
pub fn names_something(s: &str) -> bool {
    norm(s).chars().count() >= 2
}

/// Whether two names are one subject: the same item or total of a standard family (“三公”经费 and “三公”经费
/// 财政拨款支出), else the same words once years, measures and fund names are gone (or, between two plain
/// names, one the other's end, 4 chars or more), of one scope (全县 is not 本级).
pub fn same_subject(x: &str, y: &str) -> bool {
    // 财政拨款 says how a 三公 spending was funded; left in, it would read as the 财政拨款收入 item
    let (x, y) = (&x.replace("财政拨款", ""), &y.replace("财政拨款", ""));
    let (cx, cy) = (families::canonical(x), families::canonical(y));
    if cx.starts_with('#') && cy.starts_with('#') {
        return cx == cy;
    }
    let (nx, ny) = (norm(x), norm(y));
    // a family name against a plain one ("一般公共预算收入调整" and "实际收入"): the same words only
    if cx.starts_with('#') || cy.starts_with('#') {
        return nx.chars().count() >= 2 && nx == ny && families::same_scope(x, y);
    }
    let (short, long) = if nx.len() <= ny.len() {
        (&nx, &ny)
    } else {
        (&ny, &nx)
    };
    short.chars().count() >= 2
        && (short == long || (short.chars().count() >= 4 && long.ends_with(short.as_str())))
        && families::same_scope(x, y)
}

/// Which budget a phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 年初预算
    Initial,
    /// 调整预算, 调整为
    Adjusted,
    /// 预算 alone
    Any,
}

/// The budget a phrase names.
pub fn kind_of(text: &str) -> Kind {
    if text.contains("调整") {
        Kind::Adjusted
    } else if text.contains("年初") {
        Kind::Initial
    } else {
        Kind::Any
    }
}

/// Whether a budget of kind `stated` can be the one a phrase of kind `asked` names: 预算 alone is taken for
/// 年初预算, never for 调整预算.
pub fn fits(asked: Kind, stated: Kind) -> bool {
    asked == Kind::Any || asked == stated || (asked == Kind::Initial && stated == Kind::Any)
}

/// The frames and entities looked up by token, in constant or logarithmic time.
pub struct Index<'a> {
    pub frames: &'a [Frame],
    pub entities: &'a [Entity],
    /// For each token, the first entity that holds it (as a level, change, rate or ratio).
    entity: Vec<Option<usize>>,
}

impl<'a> Index<'a> {
    pub fn new(frames: &'a [Frame], entities: &'a [Entity], tokens: usize) -> Index<'a> {
        let mut entity = vec![None; tokens];
        for (ei, e) in entities.iter().enumerate() {
            let ratios = e
                .ratios
                .iter()
                .filter_map(|&fi| frames.get(fi).map(|f| f.tok));
            let held = [e.current, e.budget, e.prior]
                .into_iter()
                .flatten()
                .chain(e.changes.iter().map(|c| c.0))
                .chain(e.rates.iter().map(|c| c.0))
                .chain(ratios);
            for t in held {
                if let Some(slot) = entity.get_mut(t) {
                    slot.get_or_insert(ei);
                }
            }
        }
        Index {
            frames,
            entities,
            entity,
        }
    }

    /// The frame of a token (frames are in token order).
    pub fn frame(&self, tok: usize) -> Option<&'a Frame> {
        let frames: &'a [Frame] = self.frames;
        frames
            .binary_search_by_key(&tok, |f| f.tok)
            .ok()
            .and_then(|i| frames.get(i))
    }

    /// The role of a token's frame.
    pub fn role(&self, tok: usize) -> Option<&'a Role> {
        self.frame(tok).map(|f| &f.role)
    }

    /// The words before a token in its clause.
    pub fn lead(&self, tok: usize) -> &'a str {
        self.frame(tok).map_or("", |f| f.lead.as_str())
    }

    /// The entity a token belongs to.
    pub fn entity(&self, tok: usize) -> Option<&'a Entity> {
        let entities: &'a [Entity] = self.entities;
        self.entity
            .get(tok)
            .copied()
            .flatten()
            .and_then(|e| entities.get(e))
    }

    /// The entities holding a figure within cleaned chars [from, to), each once, in order.
    pub fn entities_in(&self, ctx: &Ctx, from: usize, to: usize) -> Vec<&'a Entity> {
        let from = from.max(to.saturating_sub(WINDOW));
        let mut seen: Vec<usize> = tokens_in(ctx, from, to)
            .filter_map(|t| self.entity.get(t).copied().flatten())
            .collect();
        seen.sort_unstable();
        seen.dedup();
        let entities: &'a [Entity] = self.entities;
        seen.into_iter().filter_map(|e| entities.get(e)).collect()
    }
}
