//! Direction words as data, and their verdict against two figures: 大于 / 小于 / 持平, 增加 / 减少, 突破 ….
//! Where the two figures come from is `directions`; this file only says what a word claims and whether the
//! figures as written (each standing for v ± ½·10⁻ᵈ) allow it.

use crate::error::Result;
use crate::num::figure::Figure;
use crate::num::rates::{add, sub};
use crate::num::verdict::{Check, Verdict};
use crate::report::wording;
use crate::rules::claim::ClaimKind;
use crate::rules::context::Ctx;
use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::sync::OnceLock;

/// What a direction word says of a against b.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Greater,
    Less,
    /// 持平, 一致, 相等: exactly.
    Equal,
    /// 基本持平, 基本一致: roughly; never a ✗.
    AboutEqual,
}

/// A direction word: its text, what it claims, and the words of its kind for a > b, a < b and a = b (so a
/// wrong word can be told which one the figures call for).
#[derive(Debug, Clone, Copy)]
pub struct Word {
    pub text: &'static str,
    pub relation: Relation,
    kind: [&'static str; 3],
}

const COMPARE: [&str; 3] = ["大于", "小于", "等于"];
const LEVEL: [&str; 3] = ["高于", "低于", "持平"];
const CHANGE: [&str; 3] = ["增加", "减少", "持平"];
const GROWTH: [&str; 3] = ["增长", "下降", "持平"];
const RAISE: [&str; 3] = ["提高", "降低", "持平"];
const THRESHOLD: [&str; 3] = ["突破", "未突破", "恰为"];

const fn w(text: &'static str, relation: Relation, kind: [&'static str; 3]) -> Word {
    Word {
        text,
        relation,
        kind,
    }
}

use Relation::{AboutEqual, Equal, Greater, Less};

/// Longest first, so 基本持平 is read before 持平 and 增加了 before 增加. One-char words (多, 少, 高) are left
/// out: after a figure they also mean "more than" (100 万元多).
const WORDS: [Word; 30] = [
    w("基本持平", AboutEqual, CHANGE),
    w("大体持平", AboutEqual, CHANGE),
    w("大致持平", AboutEqual, CHANGE),
    w("基本一致", AboutEqual, COMPARE),
    w("基本相同", AboutEqual, COMPARE),
    w("基本相当", AboutEqual, COMPARE),
    w("没有变化", Equal, CHANGE),
    w("无变化", Equal, CHANGE),
    w("无增减", Equal, CHANGE),
    w("增加了", Greater, CHANGE),
    w("增长了", Greater, GROWTH),
    w("减少了", Less, CHANGE),
    w("下降了", Less, GROWTH),
    w("持平", Equal, CHANGE),
    w("一致", Equal, COMPARE),
    w("相等", Equal, COMPARE),
    w("相同", Equal, COMPARE),
    w("等于", Equal, COMPARE),
    w("大于", Greater, COMPARE),
    w("小于", Less, COMPARE),
    w("高于", Greater, LEVEL),
    w("低于", Less, LEVEL),
    w("超过", Greater, COMPARE),
    w("增加", Greater, CHANGE),
    w("增长", Greater, GROWTH),
    w("上升", Greater, GROWTH),
    w("提高", Greater, RAISE),
    w("减少", Less, CHANGE),
    w("下降", Less, GROWTH),
    w("降低", Less, RAISE),
];

/// A ranked list, from the top (排在前三: each figure at least the next) or from the bottom (最少的前三位).
pub const RANKED_DOWN: Word = w("排序", Greater, LEVEL);
pub const RANKED_UP: Word = w("排序", Less, LEVEL);

/// 突破 X: the threshold word (a figure after it is a bound, not a level).
pub const BREAKS: Word = w("突破", Greater, THRESHOLD);

/// The direction word that starts at cleaned char `at`, if one.
pub fn word_at(chars: &[char], at: usize) -> Option<Word> {
    // called at every char of a disclosure: most chars begin no word, which the set of first chars tells
    // without decoding each word
    static FIRSTS: OnceLock<Vec<char>> = OnceLock::new();
    let first = *chars.get(at)?;
    let firsts =
        FIRSTS.get_or_init(|| WORDS.iter().filter_map(|w| w.text.chars().next()).collect());
    if !firsts.contains(&first) {
        return None;
    }
    WORDS.iter().copied().find(|w| {
        w.text
            .chars()
            .enumerate()
            .all(|(k, c)| chars.get(at + k) == Some(&c))
    })
}

impl Word {
    /// The word's length in chars.
    pub fn width(&self) -> usize {
        self.text.chars().count()
    }

    /// The word of this kind that figures ordered so fit.
    pub fn fitting(&self, order: Ordering) -> &'static str {
        match order {
            Ordering::Greater => self.kind[0],
            Ordering::Less => self.kind[1],
            Ordering::Equal => self.kind[2],
        }
    }
}

/// The verdict on `word` for a against b, with the order of the values as written. A figure written with d
/// decimals stands for [v − h, v + h): a strict word fails for certain only when the intervals cannot be
/// ordered its way; 持平 only when they cannot meet.
pub fn judge(word: &Word, a: &Figure, b: &Figure) -> Result<(Verdict, Ordering)> {
    let order = a.value.cmp(&b.value);
    let (a_lo, a_hi) = (sub(a.value, a.half_width())?, add(a.value, a.half_width())?);
    let (b_lo, b_hi) = (sub(b.value, b.half_width())?, add(b.value, b.half_width())?);
    let verdict = match word.relation {
        Relation::Greater if order == Ordering::Greater => Verdict::Ok,
        Relation::Less if order == Ordering::Less => Verdict::Ok,
        Relation::Equal | Relation::AboutEqual if order == Ordering::Equal => Verdict::Ok,
        Relation::Greater if a_hi > b_lo => Verdict::Rounding,
        Relation::Less if a_lo < b_hi => Verdict::Rounding,
        Relation::Equal if a_lo < b_hi && b_lo < a_hi => Verdict::Rounding,
        // 基本持平 says only "about": a gap is a wording question, never an error
        Relation::AboutEqual => Verdict::Notice,
        _ => Verdict::Mismatch,
    };
    Ok((verdict, order))
}

/// The sign a word states, as the claim's stated value (+1 a > b, −1 a < b, 0 a = b).
fn sign(order: Ordering) -> Decimal {
    match order {
        Ordering::Greater => Decimal::ONE,
        Ordering::Less => Decimal::NEGATIVE_ONE,
        Ordering::Equal => Decimal::ZERO,
    }
}

/// Two figures a direction word relates, with their names in the report.
pub struct Pair<'n> {
    pub a: usize,
    pub b: usize,
    pub names: (&'n str, &'n str),
    /// b is a bound written as a round number (突破 3000 亿元): exact, no rounding tolerance.
    pub b_exact: bool,
}

/// Adds a direction claim: `word` at cleaned chars [at, at + len) relates the pair.
pub fn push(ctx: &mut Ctx, word: &Word, at: usize, pair: &Pair) -> Result<()> {
    push_said(ctx, word, at, pair, None)
}

/// How a claim of its own kind of wording says its verdict (a ranked list's "排序：…"): its context, and
/// its message from the verdict and the two figures as compared.
pub struct Said<'s> {
    pub context: String,
    pub message: &'s dyn Fn(Verdict, Decimal, Decimal) -> String,
}

/// [`push`], said in `said`'s words when given (no diagnosis then: the message names what is out of order).
pub fn push_said(
    ctx: &mut Ctx,
    word: &Word,
    at: usize,
    pair: &Pair,
    said: Option<Said>,
) -> Result<()> {
    let [fa, mut fb] = ctx.aligned([pair.a, pair.b]);
    if pair.b_exact {
        fb.exact = true;
    }
    let (verdict, order) = judge(word, &fa, &fb)?;
    let stated_order = match word.relation {
        Relation::Greater => Ordering::Greater,
        Relation::Less => Ordering::Less,
        Relation::Equal | Relation::AboutEqual => Ordering::Equal,
    };
    // a word that holds is its own fit (一致, not 等于)
    let fits = if verdict == Verdict::Ok {
        word.text
    } else {
        word.fitting(order)
    };
    let check = Check {
        verdict,
        stated: Figure::from_decimal(sign(stated_order)),
        recomputed: Some(sign(order)),
        // the gap between the two figures, which is what a reader of 差额 wants here
        difference: Some(sub(fa.value, fb.value)?),
        interval: None,
        label: None,
    };
    let inputs = vec![
        ctx.source(pair.a, pair.names.0),
        ctx.source(pair.b, pair.names.1),
    ];
    let (ta, tb) = (ctx.tok(pair.a), ctx.tok(pair.b));
    let from = ta.label_start.min(ta.start).min(tb.start).min(at);
    let to = ta.end.max(tb.end).max(at + word.width());
    let span = ctx.text.span(from, to);
    let unit = ta.figure.unit.clone();
    ctx.push(ClaimKind::Direction, check, span, inputs, &unit);
    let word_span = ctx.text.span(at, at + word.width());
    if let Some(c) = ctx.claims.last_mut() {
        c.stated_span = Some(word_span);
        c.words = Some((word.text, fits));
        match said {
            Some(said) => {
                c.message = Some((said.message)(verdict, fa.value, fb.value));
                c.context = Some(said.context);
            }
            None => {
                c.message = Some(wording::direction_check(
                    word.text,
                    verdict,
                    (pair.names.0, fa.value),
                    (pair.names.1, fb.value),
                    order,
                    fits,
                ));
                if verdict == Verdict::Mismatch {
                    c.diagnosis = Some(wording::direction_should_be(word.text, fits));
                }
                c.context = Some(format!("“{}”", word.text));
            }
        }
    }
    Ok(())
}
