//! The whole a share names, in its own words or in others. The level amounts it can name are indexed once
//! per text by the ends of their names: finding "占一般公共预算收入的 P%"'s whole is then a look-up, not a
//! walk back over every figure before the share (which made a long paste quadratic).

use super::claims::normalize;
use crate::rules::context::Ctx;
use std::collections::HashMap;

/// Level amounts (token indices, in text order) by what their normalized names end with.
pub struct Wholes {
    /// Every ending of two chars or more of a name → the figures whose name ends so.
    by_ending: HashMap<String, Vec<usize>>,
    /// A whole name → the figures of exactly that name.
    by_name: HashMap<String, Vec<usize>>,
}

impl Wholes {
    /// The index of every labelled level amount of the text.
    pub fn new(ctx: &Ctx) -> Wholes {
        let mut by_ending: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, t) in ctx.tokens.iter().enumerate() {
            if !t.is_level_amount() || t.label.is_empty() {
                continue;
            }
            let l = normalize(&t.label);
            for (at, _) in l.char_indices() {
                let ending = &l[at..];
                if ending.chars().nth(1).is_some() {
                    by_ending.entry(ending.to_string()).or_default().push(i);
                }
            }
            by_name.entry(l).or_default().push(i);
        }
        Wholes { by_ending, by_name }
    }

    /// The figures before token `part` and in its disclosure that `name` (normalized, two chars or more)
    /// can call its whole: a name that ends with it, or a name of four chars or more that it ends with —
    /// nearest first. Each list is in text order, so only the figures of the part's disclosure are read.
    pub fn named_before(&self, ctx: &Ctx, name: &str, part: usize) -> Vec<usize> {
        let mut lists: Vec<&Vec<usize>> = self.by_ending.get(name).into_iter().collect();
        for (at, _) in name.char_indices() {
            let ending = &name[at..];
            if ending.chars().nth(3).is_some() {
                lists.extend(self.by_name.get(ending));
            }
        }
        let mut found: Vec<usize> = Vec::new();
        for list in lists {
            let before = &list[..list.partition_point(|&i| i < part)];
            found.extend(
                before
                    .iter()
                    .rev()
                    .take_while(|&&i| ctx.same_document(i, part)),
            );
        }
        found.sort_unstable_by(|a, b| b.cmp(a));
        found.dedup();
        found
    }
}

/// A whole named with 总 before its measure ("一般公共预算财政拨款总支出") said as its figures are named
/// ("一般公共预算财政拨款支出"), when what it is the total of is named too (four chars or more are left:
/// "总支出" alone could be any 支出).
pub fn without_total_word(name: &str) -> Option<String> {
    let name = normalize(name);
    let bare = ["支出", "收入"].iter().find_map(|m| {
        name.strip_suffix(&format!("总{m}"))
            .map(|head| format!("{head}{m}"))
    })?;
    (bare.chars().count() >= 4).then_some(bare)
}

/// "其中，市本级……实际采购金额 10.31 亿元，占全市的 62.6%": a whole named only by its area (全市, 全省 …) is
/// the figure of the part's own name stated for that area in a statement before ("全市……实际采购金额 16.47
/// 亿元"), the nearest of that name. One in the part's own statement is another part, not the area's.
pub fn area_whole(ctx: &Ctx, name: &str, part: usize) -> Option<usize> {
    let area = normalize(name);
    let mut chars = area.chars();
    let is_area = chars.next() == Some('全')
        && chars.next().is_some_and(|c| "省市区县州盟旗".contains(c))
        && chars.next().is_none();
    let label = normalize(&ctx.tok(part).label);
    if !is_area || label.chars().count() < 2 {
        return None;
    }
    let sentence = ctx.tok(part).sentence;
    let whole = (0..part)
        .rev()
        .take_while(|&i| ctx.tok(i).sentence + 3 >= sentence && ctx.same_document(i, part))
        .find(|&i| ctx.tok(i).is_level_amount() && normalize(&ctx.tok(i).label) == label)?;
    let t = ctx.tok(whole);
    let opening = ctx.text.slice(ctx.text.sentence_start(t.start), t.start);
    (t.sentence != sentence && opening.contains(area.as_str())).then_some(whole)
}

/// A whole named by a word for the total that the figure was not given ("占本年支出合计的 30.08%" of "总支出
/// 7778.55 万元"; "占采购总金额的 76.60%" of "完成政府采购 6779.35 万元", the total its 货物/工程/服务 add up
/// to): the nearest such figure before the part, not one compared against, in the eight statements before
/// it, when every such figure there has one value.
pub fn total_named_otherwise(ctx: &Ctx, name: &str, part: usize) -> Option<usize> {
    let name = normalize(name);
    let fits: fn(&Ctx, usize, &str) -> bool = match name.as_str() {
        "支出合计" | "支出总计" => |_, _, l| l == "总支出",
        "收入合计" | "收入总计" => |_, _, l| l == "总收入",
        "采购总金额" | "采购总额" | "政府采购总金额" | "政府采购总额" => {
            |ctx, i, l| l.ends_with("政府采购") && ctx.is_list_total(i)
        }
        _ => return None,
    };
    let sentence = ctx.tok(part).sentence;
    let found: Vec<usize> = (0..part)
        .rev()
        .take_while(|&i| ctx.same_document(i, part) && ctx.tok(i).sentence + 8 >= sentence)
        .filter(|&i| {
            let t = ctx.tok(i);
            // not a level compared against ("相比 2016 年的总支出 7171.97"): last year's
            let compared = ctx
                .text
                .slice(ctx.text.sentence_start(t.start), t.start)
                .contains(['比', '较']);
            t.is_level_amount()
                && !compared
                && t.class == ctx.tok(part).class
                && fits(ctx, i, &normalize(&t.label))
        })
        .collect();
    let first = *found.first()?;
    found
        .iter()
        .all(|&i| ctx.tok(i).figure.value == ctx.tok(first).figure.value)
        .then_some(first)
}

/// Whether a share's whole, named in other words, is the total `label` names: what the name says beside
/// the words of size (规模, 总额, 金额 …) stands in the label.
pub(super) fn names_alike(name: &str, label: &str) -> bool {
    let mut core = normalize(name);
    for w in [
        "总规模",
        "规模",
        "总金额",
        "总额",
        "金额",
        "总量",
        "合计",
        "总计",
        "全部",
        "总",
    ] {
        core = core.replace(w, "");
    }
    core.chars().count() >= 2 && label.contains(&core)
}
