//! Ranked lists: "排在前三的是北京市公安局、市交管局和市教委，分别计划支出 1 亿元、8441 万元和 7655 万元" says
//! its figures fall in that order, each at least the next; "支出最少的前三位分别是…，支出额度分别是 5.5 万元、
//! 8.18 万元和 9.13 万元" says they rise. Each neighbouring pair is judged as a direction. Read only when the
//! list after 分别 holds exactly as many amounts as the rank names (前三: three), with nothing but 、/和/及
//! between them, and no change or ratio word names them: a list of growth rates after a ranking by amount
//! would be ordered by something else.

use super::relation::{self, Pair, Relation};
use crate::document::narrative::UnitClass;
use crate::error::Result;
use crate::report::wording;
use crate::rules::context::Ctx;

/// Words that rank from the top (each figure at least the next) or from the bottom, written right before
/// 前 + a numeral.
const CUES: [(&str, Relation); 10] = [
    ("排在", Relation::Greater),
    ("排名", Relation::Greater),
    ("位列", Relation::Greater),
    ("位居", Relation::Greater),
    ("最多的", Relation::Greater),
    ("最高的", Relation::Greater),
    ("最大的", Relation::Greater),
    ("最少的", Relation::Less),
    ("最低的", Relation::Less),
    ("最小的", Relation::Less),
];

/// Words before a rank that make it a ranking by a rate or a change, not by the levels listed.
const RATE_WORDS: [&str; 9] = [
    "增速", "增幅", "降幅", "增长", "下降", "增加", "减少", "占比", "比重",
];

/// Words that make the listed figures changes or ratios, not the levels ranked.
const NOT_LEVELS: [&str; 8] = ["增长", "增加", "下降", "减少", "增幅", "降幅", "占", "比"];

/// Every ranked list of the narrative, its neighbouring figures judged in order.
pub fn rankings(ctx: &mut Ctx) -> Result<()> {
    let chars = &ctx.text.chars;
    let end = ctx.end.min(chars.len());
    let mut found = Vec::new();
    for at in 0..end {
        if chars[at] != '前' {
            continue;
        }
        let Some(n) = chars.get(at + 1).and_then(|&c| numeral(c)) else {
            continue;
        };
        let Some((cue, relation)) = CUES.iter().find(|(w, _)| ends_at(chars, at, w)) else {
            continue;
        };
        let cue_at = at - cue.chars().count();
        // "增速排名前三的是…，分别为 10 亿元、…": ranked by a rate, the amounts listed need not fall
        let window = &chars[cue_at.saturating_sub(8)..cue_at];
        let clause_start = window
            .iter()
            .rposition(|c| matches!(c, '，' | ',' | '。' | '；' | ';'))
            .map_or(0, |p| p + 1);
        let before: String = window[clause_start..].iter().collect();
        if RATE_WORDS.iter().any(|w| before.contains(w)) {
            continue;
        }
        found.push((cue_at, at + 2, n, *relation));
    }
    for (cue_at, after, n, relation) in found {
        let Some(list) = listed(ctx, after, n) else {
            continue;
        };
        let word = if relation == Relation::Greater {
            relation::RANKED_DOWN
        } else {
            relation::RANKED_UP
        };
        let marker: String = ctx.text.slice(cue_at, after);
        for (k, pair) in list.windows(2).enumerate() {
            let names = (ordinal(k + 1), ordinal(k + 2));
            let p = Pair {
                a: pair[0],
                b: pair[1],
                names: (&names.0, &names.1),
                b_exact: false,
            };
            let falls = relation == Relation::Greater;
            let message = |verdict, a, b| {
                wording::ranked(&marker, falls, verdict, (&names.0, a), (&names.1, b))
            };
            let said = relation::Said {
                context: format!("“{marker}”"),
                message: &message,
            };
            relation::push_said(ctx, &word, cue_at, &p, Some(said))?;
        }
    }
    Ok(())
}

/// Whether `word` is written right before cleaned char `at`.
fn ends_at(chars: &[char], at: usize, word: &str) -> bool {
    let n = word.chars().count();
    at >= n && chars[at - n..at].iter().copied().eq(word.chars())
}

/// The count a rank names (前三 → 3); ten at most, as such lists go.
fn numeral(c: char) -> Option<usize> {
    let n = "一二三四五六七八九十"
        .chars()
        .position(|d| d == c)
        .map(|p| p + 1);
    n.or(match c {
        '两' => Some(2),
        '2'..='9' => c.to_digit(10).map(|d| d as usize),
        _ => None,
    })
    .filter(|&n| n >= 2)
}

/// The `n` figures listed after a 分别 that follows the rank in its sentence ("分别是 A、B 和 C，支出额度分别是
/// a、b 和 c": the first 分别 lists names): amounts or counts of one kind, nothing but 、/和/及/与 between them.
fn listed(ctx: &Ctx, after: usize, n: usize) -> Option<Vec<usize>> {
    let chars = &ctx.text.chars;
    let mut k = after;
    while k + 1 < chars.len().min(ctx.end) {
        if matches!(chars[k], '。' | '；' | ';') {
            return None;
        }
        if chars[k] == '分' && chars[k + 1] == '别' {
            if let Some(list) = list_at(ctx, after, k + 2, n) {
                return Some(list);
            }
        }
        k += 1;
    }
    None
}

/// The list right after the 分别 that ends at `from`, if its first figure follows within a few words.
fn list_at(ctx: &Ctx, after: usize, from: usize, n: usize) -> Option<Vec<usize>> {
    let chars = &ctx.text.chars;
    let sentence = ctx.tok(ctx.first_at(after)?).sentence;
    let i = ctx.first_at(from)?;
    let t = ctx.tok(i);
    let lead = ctx.text.slice(from, t.start);
    if t.sentence != sentence
        || lead.chars().count() > 8
        || lead.contains(['，', ',', '。', '；'])
        || NOT_LEVELS.iter().any(|w| lead.contains(w))
    {
        return None;
    }
    let mut list = vec![i];
    while list.len() < n {
        let last = *list.last()?;
        let j = last + 1;
        let next = ctx.tokens.get(j).filter(|u| u.start < ctx.end)?;
        let between = ctx.text.slice(ctx.tok(last).end, next.start);
        if !matches!(between.trim(), "、" | "和" | "及" | "与") || next.class != t.class {
            return None;
        }
        list.push(j);
    }
    // the list ends there: a further figure joined to it would make the count wrong
    let last = ctx.tok(*list.last()?);
    let tail = ctx.text.slice(last.end, (last.end + 1).min(chars.len()));
    let levels = matches!(t.class, UnitClass::Amount | UnitClass::Count(_))
        && list.iter().all(|&j| ctx.tok(j).direction.is_none());
    (levels && !matches!(tail.as_str(), "、" | "和" | "及")).then_some(list)
}

fn ordinal(k: usize) -> String {
    format!("第{k}位")
}

#[cfg(test)]
mod tests {
    use super::numeral;

    #[test]
    fn numerals() {
        assert_eq!(numeral('三'), Some(3));
        assert_eq!(numeral('十'), Some(10));
        assert_eq!(numeral('5'), Some(5));
        assert_eq!(numeral('一'), None);
        assert_eq!(numeral('列'), None);
    }
}
