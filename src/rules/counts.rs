//! A stated count against the things listed beside it ("下设 9 个处室，分别是：…", "共有 3 所学校：A、B 和 C").

use super::claim::{ClaimKind, Source};
use super::context::Ctx;
use crate::document::narrative::UnitClass;
use crate::error::Result;
use crate::num::figure::Figure;
use crate::num::verdict::check_sum;
use rust_decimal::Decimal;

/// The items a counted list names, read every way its text allows: to the sentence end or to the first
/// line break (a web page's paragraph, or a PDF's soft break), with "和 / 及" inside an item as a separator
/// or as part of the name ("招生和技术装备中心"). The reading whose count is the stated one wins; when none
/// is and the readings disagree, there is no one reading (None).
fn counted_items(
    ctx: &Ctx,
    from: usize,
    stop: usize,
    stated: Decimal,
) -> Option<(Vec<String>, usize)> {
    // the breaks are in text order: the first after `from` is found by halving, not by a walk over all
    let breaks = &ctx.text.breaks;
    let at_break = breaks
        .get(breaks.partition_point(|&b| b <= from))
        .copied()
        .filter(|&b| b < stop);
    let mut readings: Vec<(Vec<String>, usize)> = Vec::new();
    for end in [Some(stop), at_break].into_iter().flatten() {
        let text = ctx.text.slice(from, end);
        let plain: Vec<String> = text
            .split('、')
            .map(str::to_string)
            .filter(|s| !s.is_empty())
            .collect();
        let split: Vec<String> = text
            .split(['、', '和', '及'])
            .map(str::to_string)
            .filter(|s| !s.is_empty())
            .collect();
        readings.push((plain, end));
        readings.push((split, end));
    }
    if let Some(hit) = readings
        .iter()
        .find(|(items, _)| Decimal::from(items.len()) == stated)
    {
        return Some(hit.clone());
    }
    let first = readings.first()?.0.len();
    readings
        .iter()
        .all(|(items, _)| items.len() == first)
        .then(|| readings.swap_remove(0))
}

/// "下设 9 个处室，分别是：A、B、…。", "内设机构 12 个：A、B、…", "设立了 A、B 2 个内设机构": the stated count
/// against the items listed after it or before it.
pub fn counted_lists(ctx: &mut Ctx) -> Result<()> {
    super::count_kinds::count_kinds(ctx)?;
    let idx: Vec<usize> = ctx.indices().collect();
    for i in idx {
        let t = ctx.tok(i);
        if !matches!(t.class, UnitClass::Count(_)) || t.figure.scale != 0 {
            continue;
        }
        let Some((from, stop)) = list_after(ctx, i).or_else(|| list_before(ctx, i)) else {
            continue;
        };
        let Some((items, stop)) = counted_items(ctx, from, stop, t.figure.value) else {
            ctx.unchecked(i, "有多种读法：所列各项的个数依断句不同而不同");
            continue;
        };
        // one item is a list only when one is stated and it is a name ("单位共 1 个，包括：长均乡中心学校"),
        // not a phrase with figures of its own
        let one_name = t.figure.value == Decimal::ONE
            && items
                .iter()
                .all(|s| !s.contains(['，', ',']) && !s.chars().any(|c| c.is_ascii_digit()));
        if items.len() < 2 && !(items.len() == 1 && one_name) {
            continue;
        }
        let stated = t.figure.clone().into_exact();
        let ones: Vec<Figure> = items
            .iter()
            .map(|_| Figure::from_decimal(Decimal::ONE).into_exact())
            .collect();
        let check = check_sum(&stated, &ones)?;
        let mut inputs = vec![ctx.source(i, "个数")];
        inputs.extend(items.iter().map(|s| Source {
            name: s.clone(),
            value: Decimal::ONE,
            span: None,
        }));
        let span = ctx
            .text
            .span(from.min(t.label_start.min(t.start)), stop.max(t.end));
        let unit = t.figure.unit.clone();
        ctx.push(ClaimKind::Count, check, span, inputs, &unit);
        if let Some(c) = ctx.claims.last_mut() {
            c.context = Some(format!("列出 {} 项", items.len()));
        }
    }
    Ok(())
}

/// The list after a count: "9 个处室，分别是：…", "内设机构 12 个：…", "2 个校区，具体为…" — up to the end of the
/// sentence (cleaned indices [from, stop)).
fn list_after(ctx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let t = ctx.tok(i);
    // "，包括：" goes on to the list too, but only to names: "共 50 人，包括：行政人员 30 人…" lists counts
    let mut via_include = false;
    let window = (t.end..(t.end + 14).min(ctx.end)).take_while(|&j| {
        let comma = matches!(ctx.text.chars.get(j), Some('，' | ','));
        let include = comma
            && ctx.text.starts_with_at(j + 1, "包括")
            && matches!(ctx.text.chars.get(j + 3), Some('：' | ':'));
        via_include |= include;
        !matches!(ctx.text.chars.get(j), Some('。' | '；' | ';' | '，' | ','))
            || ctx.text.starts_with_at(j + 1, "分别")
            || ctx.text.starts_with_at(j + 1, "具体")
            || include
    });
    let mut from = None;
    for j in window {
        for cue in ["分别是", "分别为", "具体为", "具体是", "包括", "：", ":"] {
            if ctx.text.starts_with_at(j, cue) {
                from = Some(j + cue.chars().count());
                break;
            }
        }
        if from.is_some() {
            break;
        }
    }
    let mut from = from?;
    while matches!(ctx.text.chars.get(from), Some('：' | ':' | ' ')) {
        from += 1;
    }
    let stop =
        (from..ctx.end).find(|&j| matches!(ctx.text.chars.get(j), Some('。' | '；' | ';')))?;
    if via_include
        && ctx
            .text
            .slice(from, stop)
            .chars()
            .any(|c| c.is_ascii_digit())
    {
        return None;
    }
    Some((from, stop))
}

/// The list before a count: "设立了保教处、综合办 2 个内设机构", "设内科、外科…6 个临床科室" — from the verb that
/// introduces it, in the same clause.
fn list_before(ctx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let t = ctx.tok(i);
    // the count must name what is counted right after it ("个内设机构", "个校区"), not end the clause
    let after = ctx.text.slice(t.end, (t.end + 2).min(ctx.end));
    if after.is_empty() || after.starts_with(['，', ',', '。', '；', ';']) {
        return None;
    }
    let floor = ctx.text.sentence_start(t.start);
    let clause_start = (floor..t.start)
        .rev()
        .take_while(|&j| {
            !matches!(
                ctx.text.chars.get(j),
                Some('。' | '；' | ';' | '，' | ',' | '：' | ':')
            )
        })
        .last()?;
    let before = ctx.text.slice(clause_start, t.start);
    // the items are names: a figure among them ("主要包括中学2所、小学10所") makes them counts of their own;
    // "和 / 及" alone can part two names ("共设本部和中骏璟颂校区 2 个校区"): read with and without the split,
    // the two readings differ, so a count that fits neither is left unchecked, never a ✗
    if !before.contains(['、', '和', '及']) || before.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let cue = [
        "下设",
        "设立了",
        "设立",
        "设有",
        "共设",
        "内设",
        "设",
        "包括",
    ]
    .iter()
    .filter_map(|w| before.find(w).map(|at| (at, w)))
    // 设 as a verb, not in 设置 / 设施 / 设备 / 设计
    .filter(|(at, w)| {
        **w != "设"
            || !["置", "施", "备", "计"]
                .iter()
                .any(|n| before[at + w.len()..].starts_with(n))
    })
    .min_by_key(|(at, _)| *at)?;
    let from = clause_start + before[..cue.0].chars().count() + cue.1.chars().count();
    Some((from, t.start))
}
