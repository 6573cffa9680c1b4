//! Unit and department accounts, procurement and education-funding phrasings: last year's levels of a
//! list's total and items, a bare amount right before its change, a list opened by "N中", a share of a whole
//! named by another word for the total, the counts of a count's kinds, and a cost review (送审/审定/审减).
//! Each class with a sentence that must not be read the wrong way.

mod support;
use support::{check, describe, expect, no_mismatch};

/// No claim of `kind` states `stated`, and nothing is a ✗.
fn unjudged(text: &str, kind: &str, stated: &str) {
    let r = check(text);
    assert!(
        !r.claims
            .iter()
            .any(|c| c.kind.name() == kind && c.stated == stated),
        "{text}\n  {}",
        describe(&r)
    );
    assert_eq!(r.summary.claims.mismatch, 0, "{text}\n  {}", describe(&r));
}

// ---- last year's levels of a list

const PRIORS: &str = "2022年，全区地方教育经费总收入300.00万元，比上年280.50万元增加19.50万元。\
（一）国家财政性教育经费总收入200.00万元，比上年190.20万元增加9.80万元。\
（二）事业收入80.00万元，比上年70.10万元增加9.90万元。\
（三）其他教育经费20.00万元，比上年20.20万元减少0.20万元。";

#[test]
fn prior_levels_of_a_list_add_up() {
    expect(PRIORS, "sum", "300.00", "ok", "300.00");
    expect(PRIORS, "sum", "280.50", "ok", "280.50");
}

#[test]
fn prior_levels_that_fall_short_are_a_notice() {
    // last year may have had an item that is nil this year: a 提示, never a ✗
    let t = PRIORS.replace(
        "比上年280.50万元增加19.50万元",
        "比上年290.50万元增加9.50万元",
    );
    expect(&t, "sum", "290.50", "notice", "280.50");
    no_mismatch(&t);
}

#[test]
fn prior_levels_of_a_list_that_does_not_hold_are_not_summed() {
    let t = PRIORS.replace(
        "其他教育经费20.00万元，比上年20.20万元减少0.20万元",
        "其他教育经费25.00万元，比上年20.20万元增加4.80万元",
    );
    unjudged(&t, "sum", "280.50");
}

// ---- a bare amount before its change

const BARE: &str = "二、收入决算情况说明\n2017年总收入6628.72万元，其中：财政补助收入2339.68万元，\
事业收入4289.04万元。\n相比2016年的总收入6871.82减少243.10万元，下降3.54%。";

#[test]
fn bare_prior_takes_the_change_unit_and_this_years_level() {
    expect(BARE, "difference", "243.10", "ok", "243.10");
    expect(BARE, "growth", "3.54", "ok", "3.54");
}

#[test]
fn bare_prior_with_a_wrong_change_is_a_mismatch() {
    let t = BARE.replace("减少243.10万元", "减少234.10万元");
    expect(&t, "difference", "234.10", "mismatch", "243.10");
}

#[test]
fn bare_prior_of_another_name_is_not_compared() {
    // 总收入 here, but only 总支出 is stated this year
    let t = BARE.replace("2017年总收入", "2017年总支出");
    unjudged(&t, "difference", "243.10");
    unjudged(&t, "growth", "3.54");
}

// ---- a list opened by "N中"

#[test]
fn parts_named_after_n_zhong_split_n() {
    let t = "2017年总支出7778.55万元，其中项目支出683.20万元，基本支出7095.35万元。\
基本支出中医疗业务支出5868.43万元，管理费用1111.10万元，其他支出115.82万元。";
    expect(t, "sum", "7095.35", "ok", "7095.35");
    let short = t.replace("管理费用1111.10万元，", "");
    no_mismatch(&short);
}

#[test]
fn n_zhong_of_a_name_not_stated_before_is_no_list() {
    let t = "2017年总支出7778.55万元。\
基本支出中医疗业务支出5868.43万元，管理费用1111.10万元，其他支出115.82万元。";
    unjudged(t, "sum", "7778.55");
    no_mismatch(t);
}

// ---- a whole named by another word for the total

#[test]
fn share_of_this_years_spending_total() {
    let t = "2017年总支出7778.55万元。\n2017年度一般公共预算财政拨款支出2339.68万元，占本年支出合计的30.08%。";
    expect(t, "share", "30.08", "ok", "30.08");
}

#[test]
fn share_of_spending_total_never_takes_last_years() {
    let t = "相比2016年的总支出7171.97增加606.58万元。\n2017年度一般公共预算财政拨款支出2339.68万元，占本年支出合计的30.08%。";
    unjudged(t, "share", "30.08");
}

#[test]
fn share_of_the_procurement_total() {
    let t =
        "二季度共完成政府采购6779.35万元，其中，完成货物采购3514.44万元，完成工程采购3068.21万元，\
完成服务采购196.70万元。公开招标等采购金额5192.71万元，占采购总金额的76.60%。";
    expect(t, "share", "76.60", "ok", "76.60");
}

#[test]
fn procurement_total_that_is_no_checked_list_is_not_the_whole() {
    let t =
        "二季度共完成政府采购6779.35万元。公开招标等采购金额5192.71万元，占采购总金额的76.60%。";
    unjudged(t, "share", "76.60");
}

// ---- the counts of a count's kinds

#[test]
fn count_over_its_kinds() {
    let t = "内设教管中心，分管所辖17个单位。主要包括中学2所、小学10所、幼儿园5所。";
    expect(t, "count", "17", "ok", "17");
}

#[test]
fn count_over_some_of_its_kinds_is_a_notice() {
    let t = "内设教管中心，分管所辖18个单位。主要包括中学2所、小学10所、幼儿园5所。";
    expect(t, "count", "18", "notice", "17");
    no_mismatch(t);
}

#[test]
fn people_are_not_counted_by_kinds_of_places() {
    let t = "在职人员17人。主要包括中学2所、小学10所、幼儿园5所。";
    unjudged(t, "count", "17");
}

// ---- a cost review

const REVIEW: &str =
    "全县共完成财政投资项目评审162个，送审金额115991万元，审定金额97219万元，审减金额18772万元，审减率16.18%。";

#[test]
fn cost_review_adds_up() {
    expect(REVIEW, "sum", "18772", "ok", "18772");
    expect(REVIEW, "share", "16.18", "ok", "16.18");
}

#[test]
fn cost_review_with_a_wrong_cut_is_a_mismatch() {
    let t = REVIEW.replace("审减金额18772万元", "审减金额18906万元");
    expect(&t, "sum", "18906", "mismatch", "18772");
}

#[test]
fn cut_without_both_review_figures_is_not_checked() {
    let t = "送审金额115991万元，审减金额18772万元。审定金额97219万元。";
    unjudged(t, "sum", "18772");
}

// ---- a saving rate with no budget stated

const SAVING: &str =
    "全市政府采购规模为32.72亿元，较采购计划节约资金5.51亿元，资金节约率达14.41%。";

#[test]
fn saving_rate_over_bought_plus_saved() {
    expect(SAVING, "share", "14.41", "ok", "14.41");
}

#[test]
fn saving_rate_after_a_level_written_with_da() {
    // "规模达 X" opens the saving's clause as an entity of its own: the amount bought is the level before it
    let t = "2025年，全市政府采购规模达36.21亿元，较采购计划节约资金6.30亿元，资金节约率达14.82%，创历史新高。";
    expect(t, "share", "14.82", "ok", "14.82");
    expect(
        &t.replace("14.82%", "14.28%"),
        "share",
        "14.28",
        "notice",
        "14.82",
    );
}

#[test]
fn saving_rate_of_another_reading_is_a_notice() {
    // 5.51 ÷ 32.72 = 16.84%: taken over what was bought, not a ✗
    let t = SAVING.replace("14.41%", "16.84%");
    expect(&t, "share", "16.84", "notice", "14.41");
    no_mismatch(&t);
}

// ---- a list of shares after 分别: paired item by item with the parts listed, or not at all

const SHARE_LIST: &str =
    "2024年，全市政府采购规模为32.72亿元。从结构上看，全市货物、工程、服务政府采购规模\
分别为14.71亿元、5.65亿元和12.36亿元，占全市政府采购规模比例为44.96%、17.27%和37.77%。";

#[test]
fn a_share_list_pairs_with_its_parts_in_order() {
    expect(SHARE_LIST, "share", "44.96", "ok", "44.96");
    expect(SHARE_LIST, "share", "17.27", "ok", "17.27");
}

#[test]
fn a_share_list_with_a_part_missing_pairs_with_none() {
    // three shares, two parts: no share falls back to the last part's figure
    let text = SHARE_LIST.replace("5.65亿元和12.36亿元", "5.65亿元");
    unjudged(&text, "share", "44.96");
    unjudged(&text, "share", "37.77");
    unjudged(&text, "share", "17.27");
}

// ---- items named before 分别 with fewer figures than names

#[test]
fn items_named_with_a_figure_missing_are_a_notice() {
    let text = "2024年，全市政府采购规模为32.72亿元。全市货物、工程、服务政府采购规模分别为14.71亿元、5.65亿元。";
    expect(text, "sum", "32.72", "notice", "20.36");
}

#[test]
fn items_named_with_every_figure_add_up() {
    let text =
        "2024年，全市政府采购规模为32.72亿元。全市货物、工程、服务政府采购规模分别为14.71亿元、\
5.65亿元和12.36亿元。";
    expect(text, "sum", "32.72", "ok", "32.72");
}

// ---- a share naming its part by the tail of the part's label, 总 before a word of size adding nothing

#[test]
fn a_share_names_its_part_by_the_labels_tail() {
    let text =
        "2025年一季度全市政府采购规模为1.32亿元。全市政府采购授予中小企业合同金额为1.3亿元，\
授予中小企业合同总金额占全市政府采购规模的98.43%。";
    expect(text, "share", "98.43", "rounding", "98.48");
}

#[test]
fn a_share_naming_another_part_is_not_read_as_this_one() {
    let text =
        "2025年一季度全市政府采购规模为1.32亿元。全市政府采购授予中小企业合同金额为1.3亿元，\
授予小微企业合同总金额占全市政府采购规模的68.18%。";
    unjudged(text, "share", "68.18");
}

#[test]
fn items_named_short_are_not_held_against_another_scopes_total() {
    // the 市本级 figure is not the total of the 全市 items
    let text = "全市政府采购规模为32.72亿元。市本级政府采购规模为10.29亿元。\
全市货物、工程、服务政府采购规模分别为14.71亿元、5.65亿元。";
    unjudged(text, "sum", "10.29");
}

/// "工程类项目采购 X 亿元……；工程类项目占比达到 p%": a share naming its part before 占比, in the next ；-part of
/// the part's statement, is of the total the part is listed under.
const NAMED_SHARE: &str = "2020年全省共完成政府采购额2905.8亿元，比上年增加292.66亿元。全年完成工程类项目采购1131.93亿元，比上年多298.22亿元；工程类项目占比达到{P}%。此外，全省货物类、服务类项目采购分别完成471.79亿元、1302.08亿元。";

#[test]
fn a_share_naming_its_part_in_the_next_part_of_the_statement() {
    expect(
        &NAMED_SHARE.replace("{P}", "38.95"),
        "share",
        "38.95",
        "ok",
        "38.95",
    );
    expect(
        &NAMED_SHARE.replace("{P}", "39.85"),
        "share",
        "39.85",
        "mismatch",
        "38.95",
    );
    // a share naming something else is not this part's
    unjudged(
        &NAMED_SHARE.replace("工程类项目占比达到{P}%", "服务类项目占比达到44.81%"),
        "share",
        "44.81",
    );
}

/// "收、支总计 X 万元" is the 收入总计 and the 支出总计 at once: the 收入总计 stated after it must be X.
#[test]
fn the_income_and_spending_total_is_the_income_total() {
    let text = "二、收入支出决算总体情况说明\n2020年度收、支总计2918.96万元，比上年2665.56万元增加253.4万元。\n(一)收入决算说明\n2020年度收入总计{X}万元，其中财政拨款收入2918.96万元。";
    expect(
        &text.replace("{X}", "2918.96"),
        "same-figure",
        "2918.96",
        "ok",
        "2918.96",
    );
    expect(
        &text.replace("{X}", "2981.96"),
        "same-figure",
        "2981.96",
        "mismatch",
        "2918.96",
    );
}
