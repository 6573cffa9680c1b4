//! Figures that must agree across the text: 收入总计 = 支出总计, the same figure stated in two places,
//! "A 3 辆，与 B 无差异". (A stated count against the things listed is in `counts`.)

use super::claim::ClaimKind;
use super::context::Ctx;
use crate::document::narrative::UnitClass;
use crate::error::Result;
use crate::num::figure::Figure;
use crate::num::verdict::{check_sum, Check, Verdict};

/// Labels too generic to identify a figure (the 三公 budget lines all say 全年预算数).
const GENERIC: [&str; 12] = [
    "预算数",
    "决算数",
    "执行数",
    "价值",
    "合计",
    "总计",
    "金额",
    "支出",
    "收入",
    "原值",
    "总额",
    "数",
];

/// Two statements of one figure: the same precision must agree exactly (a true value rounds one way);
/// different precisions must overlap as intervals.
pub fn check_same(stated: &Figure, other: &Figure) -> Result<Check> {
    if stated.scale != other.scale || stated.exact != other.exact {
        return check_sum(stated, std::slice::from_ref(other));
    }
    let mut check = check_sum(&stated.clone().into_exact(), &[other.clone().into_exact()])?;
    check.stated = stated.clone();
    if check.verdict == Verdict::Ok {
        check.interval = Some((other.value, other.value));
    }
    Ok(check)
}

pub(crate) fn push_same(
    ctx: &mut Ctx,
    kind: ClaimKind,
    earlier: usize,
    later: usize,
    what: &str,
) -> Result<()> {
    let tl = ctx.tok(later);
    let [fl, fe] = ctx.aligned([later, earlier]);
    let check = check_same(&fl, &fe)?;
    let inputs = vec![ctx.source(later, "后文"), ctx.source(earlier, "前文")];
    // the figures are compared in one unit, so the message shows that unit
    let unit = if fl.unit.is_empty() {
        super::context::unit_of(tl)
    } else {
        fl.unit.clone()
    };
    let te = ctx.tok(earlier);
    let slip = te.figure.value == tl.figure.value && te.figure.unit != tl.figure.unit;
    let span = ctx.text.span(tl.label_start.min(tl.start), tl.end);
    ctx.push(kind, check, span, inputs, &unit);
    if let Some(c) = ctx.claims.last_mut() {
        c.context = Some(what.to_string());
        if slip {
            // "1.58元" for the 1.58万元 stated before: the same digits under another unit
            c.diagnosis = Some(crate::report::wording::unit_slip(
                &crate::num::decimal::text(tl.figure.value),
                &tl.figure.unit,
                &te.figure.unit,
            ));
        }
    }
    Ok(())
}

/// 收入总计 = 支出总计 (and 财政拨款收入总计 = 财政拨款支出总计): each 支出总计 against the 收入总计 with the
/// same prefix stated before it.
pub fn balances(ctx: &mut Ctx) -> Result<()> {
    // the latest 收入总计 per prefix, so each 支出总计 finds its partner without a scan back
    let mut incomes: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut pairs = Vec::new();
    // the 收支总计 stated before a 收入总计 of the same prefix, and the pairs of the two
    let mut both: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut restated = Vec::new();
    // a 部门 or 单位 决算 has 收入总计 = 支出总计 by construction (its 支出总计 holds the 年末结转和结余)
    let department = ["部门决算", "单位决算", "收入支出决算总体情况"]
        .iter()
        .any(|w| !ctx.text.find_all(w, 0, ctx.end).is_empty());
    for i in ctx.indices() {
        let t = ctx.tok(i);
        if !t.is_level_amount() {
            continue;
        }
        // (a label is cut at 、: "收、支总计" is labelled "支总计" with 收、 before it)
        let cut = t.label == "支总计"
            && ctx
                .text
                .slice(t.label_start.saturating_sub(2), t.label_start)
                == "收、";
        if let Some(prefix) = t.label.strip_suffix("收支总计").or(cut.then_some("")) {
            // "收、支总计 2918.96 万元" is the 收入总计 and the 支出总计 at once
            both.insert(prefix.to_string(), i);
            incomes.insert(prefix.to_string(), i);
        } else if let Some(prefix) = t.label.strip_suffix("收入总计") {
            if let Some(b) = both.remove(prefix) {
                if department || ctx.tok(b).figure.value == t.figure.value {
                    restated.push((b, i));
                }
            }
            incomes.insert(prefix.to_string(), i);
        } else if let Some(prefix) = t.label.strip_suffix("支出总计") {
            // 收入总计 = 支出总计 is the 部门决算 identity, whose 支出总计 includes the 年末结转和结余; a
            // government's 决算 report has a balance between them instead
            let start = ctx.text.sentence_start(t.start);
            let statement = ctx.text.slice(start, (t.end + 80).min(ctx.end));
            let identity = [
                "年末结转和结余",
                "结余分配",
                "年末结转结余",
                "收、支总计",
                "收支总计",
            ]
            .iter()
            .any(|w| statement.contains(w));
            // two equal totals agree whatever the report; two different ones are an error only where the
            // identity holds
            let equal = |e: usize| ctx.tok(e).figure.value == t.figure.value;
            // (the 财政拨款 totals are often written for the year's 财政拨款 alone, without the 结转)
            let whole_unit = department && !prefix.contains("财政拨款");
            if let Some(&earlier) = incomes
                .get(prefix)
                .filter(|&&e| identity || whole_unit || equal(e))
            {
                pairs.push((earlier, i));
            }
        }
    }
    for (earlier, later) in restated {
        push_same(
            ctx,
            ClaimKind::SameFigure,
            earlier,
            later,
            "收支总计即收入总计",
        )?;
    }
    for (earlier, later) in pairs {
        push_same(
            ctx,
            ClaimKind::Balance,
            earlier,
            later,
            "收入总计应等于支出总计",
        )?;
    }
    Ok(())
}

/// One figure named the same way twice ("公用经费 63.87 万元" in 六 and in 十), and "A n，与 B 无差异".
///
/// Two mentions are one quantity only when nothing could tell them apart: the same full subject (the
/// whole clause before the figure names it, at least four chars, not a bare measure word), a level (not a
/// change, not 上年, not a budget), and the same scope words around it (本级 / 全县 / 上年 …). A third
/// mention pairs with the second.
pub fn same_figures(ctx: &mut Ctx) -> Result<()> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut pairs = Vec::new();
    for later in ctx.indices() {
        let Some(key) = identity(ctx, later) else {
            continue;
        };
        if let Some(&earlier) = seen.get(&key) {
            let (te, tl) = (ctx.tok(earlier), ctx.tok(later));
            if te.class == tl.class
                && te.sentence != tl.sentence
                && ctx.same_document(earlier, later)
            {
                pairs.push((earlier, later));
            }
        }
        seen.insert(key, later);
    }
    for (earlier, later) in pairs {
        push_same(
            ctx,
            ClaimKind::SameFigure,
            earlier,
            later,
            "同一数字前后出现",
        )?;
    }
    // "固定资产车辆 3 辆，与公务用车保有量差异原因是：…无差异"
    let idx: Vec<usize> = ctx.indices().collect();
    for &later in &idx {
        let t = ctx.tok(later);
        if !matches!(t.class, UnitClass::Amount | UnitClass::Count(_))
            || !ctx.text.starts_with_at(t.end, "，与")
        {
            continue;
        }
        let from = t.end + 2;
        let Some(stop) = (from..(from + 20).min(ctx.end)).find(|&j| {
            ctx.text.starts_with_at(j, "差异")
                || ctx.text.starts_with_at(j, "一致")
                || ctx.text.starts_with_at(j, "相符")
        }) else {
            continue;
        };
        let name = ctx.text.slice(from, stop);
        let name = name.trim_end_matches("无").trim_end_matches("的");
        if name.chars().count() < 2 {
            continue;
        }
        // within the last few sentences: "与 X 差异" names a figure stated just before
        let earlier = (0..later)
            .rev()
            .take_while(|&i| ctx.tok(i).sentence + 3 >= t.sentence)
            .find(|&i| ctx.tok(i).label.ends_with(name) && ctx.tok(i).class == t.class);
        if let Some(earlier) = earlier {
            push_same(ctx, ClaimKind::SameFigure, earlier, later, "与前文应一致")?;
            let span = ctx.span_of(earlier, later);
            if let Some(claim) = ctx.claims.last_mut() {
                claim.span = span;
            }
        }
    }
    Ok(())
}

/// What identifies a level figure without doubt: its scope words and its full subject, or None when the
/// figure is not a plain level or its subject is not specific enough.
pub(crate) fn identity(ctx: &Ctx, i: usize) -> Option<String> {
    if !is_named_level(ctx, i) {
        return None;
    }
    let t = ctx.tok(i);
    // what stands in the clause before the subject may only name whose it is ("2023 年度某中心（事业单位）
    // 公用经费"): a comparison, a list or a budget there makes it another quantity
    let start = ctx.text.sentence_start(t.start);
    let before = ctx.text.slice(start, t.label_start);
    let prefix = before
        .rsplit(['，', ',', '；', ';', '：', ':', '。'])
        .next()
        .unwrap_or("");
    let other = [
        "比", "较", "其中", "包括", "完成", "占", "增", "减", "上年", "预算", "分别", "为", "、",
    ];
    if prefix.chars().count() > 40 || other.iter().any(|w| prefix.contains(w)) {
        return None;
    }
    // a part of a 其中 list is a part of its statement's total, which may be another total's elsewhere
    // ("在41个县…其中：税收收入完成 95.1 亿元" and "在59个区…其中：税收收入完成 299.5 亿元")
    if before.contains("其中") || statement_opens_list(ctx, start) {
        return None;
    }
    let sentence = ctx.text.slice(ctx.text.sentence_start(t.start), t.start);
    let scopes: Vec<&str> = SCOPES
        .iter()
        .copied()
        .filter(|w| sentence.contains(w))
        .collect();
    if scopes
        .iter()
        .any(|w| ["上年", "预算", "比", "较"].contains(w))
    {
        return None;
    }
    Some(format!(
        "{}|{}|{}",
        scopes.join(","),
        t.label,
        t.figure.unit
    ))
}

/// Whether the statement at `start` (or the one before it, when it opens with 其中) lists parts.
fn statement_opens_list(ctx: &Ctx, start: usize) -> bool {
    ctx.text.starts_with_at(start, "其中")
}

/// What a figure's name must hold to name one quantity of a disclosure: a thing money or people are
/// (经费, 收入, 支出, 资产, 车辆 …). "全区普通初中 7316.71 元" names a school type, whose figure differs by the
/// heading it stands under.
const QUANTITY_NOUNS: [&str; 16] = [
    "经费", "费", "收入", "支出", "资金", "资产", "拨款", "结余", "结转", "车", "人员", "采购",
    "合同", "债务", "基金", "总计",
];

/// Words that set a figure's scope apart from another of the same name.
const SCOPES: [&str; 19] = [
    "本级",
    "全县",
    "全市",
    "全区",
    "全省",
    "县级",
    "市级",
    "区级",
    "镇本级",
    "乡本级",
    "上年",
    "预算",
    "比",
    "较",
    "同口径",
    "剔除",
    "当月",
    "累计",
    "本月",
];

/// A level figure whose label can identify it (long enough, not a generic measure word).
fn is_named_level(ctx: &Ctx, i: usize) -> bool {
    let t = ctx.tok(i);
    // a label of only verbs and measure words names nothing ("累计完成", "当月完成")
    let mut subject = t.label.clone();
    for w in [
        "累计", "当月", "本月", "完成", "实现", "共计", "合计", "达到", "达", "为", "支出", "收入",
        "金额", "总额", "决算", "预算",
    ] {
        subject = subject.replace(w, "");
    }
    if subject.chars().count() < 2 || !QUANTITY_NOUNS.iter().any(|w| t.label.contains(w)) {
        return false;
    }
    // a plan or a share's whole is another quantity than what was done ("占年计划 85000 万元")
    if t.label.starts_with('占') || t.label.contains("计划") {
        return false;
    }
    // a government's 决算 states 收入合计 / 支出合计 / 年终结余 once per fund: the name alone does not say which
    let bare = t
        .label
        .trim_start_matches("上述收支相抵")
        .trim_start_matches("收支相抵");
    if ["年终结余", "结余", "收入合计", "支出合计", "年终滚存结余"].contains(&bare)
    {
        return false;
    }
    let n = t.label.chars().count();
    matches!(t.class, UnitClass::Amount | UnitClass::Count(_))
        && t.direction.is_none()
        && n >= 4
        && !GENERIC
            .iter()
            .any(|g| t.label.ends_with(g) && n <= g.chars().count() + 2)
        && !t.label.ends_with("预算数")
        && !t.label.ends_with("决算数")
        && !t.label.ends_with("决算数为")
        && !t.label.contains("比上年")
}
