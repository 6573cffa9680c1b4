//! Shares whose whole is named in other words and counted lists read from the text: the reading each
//! phrasing class gets, and the wrong readings that must give no ✗.

use juesuan::{review, Preset, Review};

fn check(text: &str) -> Review {
    review(text, &Preset::proportional())
}

/// The claims of `kind` stating `stated`, as (verdict, recomputed).
fn found(r: &Review, kind: &str, stated: &str) -> Vec<(String, Option<String>)> {
    r.claims
        .iter()
        .filter(|c| c.kind.name() == kind && c.stated == stated)
        .map(|c| (c.verdict.name().to_string(), c.recomputed.clone()))
        .collect()
}

fn one(r: &Review, kind: &str, stated: &str) -> (String, Option<String>) {
    let all = found(r, kind, stated);
    assert_eq!(all.len(), 1, "{kind} {stated}: {all:?}");
    all[0].clone()
}

const KUNMING: &str = "四、一般公共预算财政拨款支出决算情况说明\n\
（一）一般公共预算财政拨款支出决算总体情况\n\
2017年度一般公共预算财政拨款支出2339.68万元，与上年对比减少660.26万元。\n\
（二）一般公共预算财政拨款支出决算具体情况\n\
1.基本支出1656.48万元，占一般公共预算财政拨款总支出的{A}%。主要用于人员工资等；\n\
2.项目支出683.20万元，占一般公共预算财政拨款总支出的29.20%，主要用于购买设备等支出。\n";

#[test]
fn a_whole_named_with_zong_is_the_figure_named_without_it() {
    let r = check(&KUNMING.replace("{A}", "70.80"));
    assert_eq!(
        one(&r, "share", "70.80"),
        ("ok".into(), Some("70.80".into()))
    );
    assert_eq!(
        one(&r, "share", "29.20"),
        ("ok".into(), Some("29.20".into()))
    );
    // the same sentence with a wrong share: the whole is bound, so the ✗ is right
    let r = check(&KUNMING.replace("{A}", "71.80"));
    assert_eq!(
        one(&r, "share", "71.80"),
        ("mismatch".into(), Some("70.80".into()))
    );
}

#[test]
fn a_bare_total_word_binds_no_whole() {
    // "总支出" alone could be any 支出: no share, no ✗
    let r = check("基本支出800.00万元，项目支出200.00万元。人员经费600.00万元，占总支出的50.00%。");
    assert!(found(&r, "share", "50.00").is_empty(), "{:?}", r.claims);
    assert_eq!(r.summary.claims.mismatch, 0);
}

#[test]
fn two_rival_wholes_of_the_name_give_no_verdict() {
    // two different 财政拨款支出 in one sentence before the share: which is the whole is not certain
    let r = check(
        "本年财政拨款支出500.00万元，上年财政拨款支出400.00万元。\
         基本支出300.00万元，占财政拨款总支出的75.00%。",
    );
    assert!(
        found(&r, "share", "75.00")
            .iter()
            .all(|(v, _)| v != "mismatch"),
        "{:?}",
        r.claims
    );
    assert_eq!(r.summary.claims.mismatch, 0);
}

#[test]
fn two_names_joined_by_he_are_counted() {
    let r = check("重庆市某某幼儿园共设本部和东城校区2个校区，本部地处某某路74号。");
    assert_eq!(one(&r, "count", "2"), ("ok".into(), Some("2".into())));
    // a count that fits neither reading (one name, or two) is left open, never a ✗
    let r = check("重庆市某某幼儿园共设本部和东城校区3个校区，本部地处某某路74号。");
    assert!(found(&r, "count", "3").is_empty(), "{:?}", r.claims);
    assert_eq!(r.summary.claims.mismatch, 0);
}

#[test]
fn one_unit_listed_after_bao_kuo() {
    let r = check("纳入本套部门决算汇编范围的单位共1个，包括：长均乡中心学校。");
    assert_eq!(one(&r, "count", "1"), ("ok".into(), Some("1".into())));
}

#[test]
fn counts_listed_after_bao_kuo_are_not_names() {
    // "，包括：" followed by parts with figures of their own is not a list of names to count
    let r = check("本部门共有在职人员50人，包括：行政人员30人、事业人员20人。");
    assert!(
        found(&r, "count", "50")
            .iter()
            .all(|(v, _)| v != "mismatch"),
        "{:?}",
        r.claims
    );
    assert_eq!(r.summary.claims.mismatch, 0);
    // one item is a list only when one is stated
    let r = check("纳入本套部门决算汇编范围的单位共2个，包括：长均乡中心学校。");
    assert!(found(&r, "count", "2").is_empty(), "{:?}", r.claims);
}

#[test]
fn a_long_paste_binds_each_share_to_its_own_whole() {
    // the index that keeps a long paste linear finds the same whole as the walk back did: the nearest
    // one, so each copy's shares are bound in that copy
    let text = KUNMING.replace("{A}", "70.80");
    let many = check(&vec![text.as_str(); 100].join("\n"));
    assert_eq!(found(&many, "share", "70.80").len(), 100);
    assert!(found(&many, "share", "70.80")
        .iter()
        .all(|(v, r)| v == "ok" && r.as_deref() == Some("70.80")));
    assert_eq!(many.summary.claims.mismatch, 0);
}

const YICHUN: &str = "2024年，全市一般公共预算收入284.1亿元，同比下降2%。\
分级次看，市级（市本级、“三区”）一般公共预算收入49.5亿元，同比增长7%，\
县（市、区）一般公共预算收入234.6亿元，同比下降3.7%。\
中心城区（市级、袁州区）一般公共预算收入78.9亿元，同比增长17.9%，占全市一般公共预算收入比重为{P}%。";

#[test]
fn a_whole_of_the_whole_area_is_the_figure_named_so() {
    // 全市 names the whole: the levels' figures named only by the measure are its parts, not rivals
    let r = check(&YICHUN.replace("{P}", "27.8"));
    assert_eq!(one(&r, "share", "27.8"), ("ok".into(), Some("27.8".into())));
    let r = check(&YICHUN.replace("{P}", "28.8"));
    assert_eq!(
        one(&r, "share", "28.8"),
        ("mismatch".into(), Some("27.8".into()))
    );
}

#[test]
fn without_the_whole_area_figure_the_levels_stay_rivals() {
    // no figure named 全市一般公共预算收入: two different 一般公共预算收入 before the share leave it open
    let text = YICHUN
        .replace("{P}", "28.8")
        .replace("全市一般公共预算收入284.1亿元", "全市财政总收入284.1亿元");
    let r = check(&text);
    assert!(found(&r, "share", "28.8").is_empty(), "{:?}", r.claims);
    assert_eq!(r.summary.claims.mismatch, 0);
}

const XIAMEN: &str =
    "上半年全市政府采购情况：完成政府采购预算19.40亿元，实际采购金额16.47亿元，节约资金2.93亿元。\n\
其中，市本级完成政府采购预算12.2亿元，实际采购金额10.31亿元，占全市的{P}%，节约资金1.89亿元。";

#[test]
fn a_whole_named_by_its_area_is_the_areas_figure_of_the_parts_name() {
    let r = check(&XIAMEN.replace("{P}", "62.6"));
    assert_eq!(one(&r, "share", "62.6"), ("ok".into(), Some("62.6".into())));
    let r = check(&XIAMEN.replace("{P}", "63.6"));
    assert_eq!(
        one(&r, "share", "63.6"),
        ("mismatch".into(), Some("62.6".into()))
    );
}

#[test]
fn an_area_whole_is_not_another_part_nor_a_figure_of_no_area() {
    // the nearest figure of the part's name is another level's part in the same statement: no whole
    let r = check(
        "全市实际采购金额16.47亿元。区级实际采购金额6.16亿元，占全市的37.4%，\
         市本级实际采购金额10.31亿元，占全市的60.6%。",
    );
    assert!(found(&r, "share", "60.6").is_empty(), "{:?}", r.claims);
    assert_eq!(r.summary.claims.mismatch, 0);
    // the statement before does not say it is the area's figure
    let r = check(
        &XIAMEN
            .replace("{P}", "63.6")
            .replace("全市政府", "区级政府"),
    );
    assert!(found(&r, "share", "63.6").is_empty(), "{:?}", r.claims);
    assert_eq!(r.summary.claims.mismatch, 0);
}
