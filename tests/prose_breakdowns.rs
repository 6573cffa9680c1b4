//! A revenue total broken down along a named dimension in the statements after it (budget-execution
//! reports): 按构成 (税收 + 非税), 按级次 (上划 + 地方), 按部门 (税务 + 财政), 中央级 + 省级 + 市地方, 分级次
//! (市级 + 县), each its own sum, with the items' budgets and changes; 当月 and 累计 figures paired by their
//! period word. Parts found across statements give a 提示 when they do not add up, never a ✗, and a reading
//! that is not certain (another total between, another scope) gives no sum.

mod support;
use juesuan::{Review, Verdict};
use support::{check, describe};

/// The verdict and recomputed value of the sum stating `stated` whose parts are `parts` (in any order).
fn sum_with(r: &Review, stated: &str, parts: &[&str]) -> Option<(Verdict, Option<String>)> {
    let mut want: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
    want.sort();
    r.claims
        .iter()
        .find(|c| {
            let mut got: Vec<String> = c
                .sources
                .iter()
                .skip(1)
                .map(|s| s.value.0.abs().normalize().to_string())
                .collect();
            got.sort();
            c.kind.name() == "sum" && c.stated == stated && got == want
        })
        .map(|c| (c.verdict, c.recomputed.clone()))
}

fn mismatches(r: &Review) -> usize {
    r.claims
        .iter()
        .filter(|c| c.verdict == Verdict::Mismatch)
        .count()
}

const TWO_WAYS: &str = "1-5月，全县完成财政总收入5000万元，占年初预算12000万元的41.7%，同比下降6.5%。其中：税收收入4000万元，占年初预算9000万元的44.4%；非税收入1000万元，占年初预算3000万元的33.3%。按级次分：上划中省收入3000万元，占年初预算7000万元的42.9%。完成地方一般公共预算收入2000万元，占年初预算5000万元的40.0%。地方收入按部门分：税务部门完成1500万元，占年初预算3500万元的42.9%；财政部门完成500万元，占年初预算1500万元的33.3%。";

#[test]
fn one_total_decomposed_by_level_and_by_collector_with_budgets() {
    let r = check(TWO_WAYS);
    let ok = |v: &str| Some((Verdict::Ok, Some(v.to_string())));
    assert_eq!(
        sum_with(&r, "5000", &["3000", "2000"]),
        ok("5000"),
        "{}",
        describe(&r)
    );
    assert_eq!(
        sum_with(&r, "12000", &["7000", "5000"]),
        ok("12000"),
        "{}",
        describe(&r)
    );
    assert_eq!(
        sum_with(&r, "2000", &["1500", "500"]),
        ok("2000"),
        "{}",
        describe(&r)
    );
    assert_eq!(
        sum_with(&r, "5000", &["4000", "1000"]),
        ok("5000"),
        "{}",
        describe(&r)
    );
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
}

#[test]
fn a_part_that_does_not_add_up_is_a_notice_not_a_mismatch() {
    let r = check(&TWO_WAYS.replace(
        "上划中省收入3000万元，占年初预算7000万元的42.9%",
        "上划中省收入3100万元，占年初预算7000万元的44.3%",
    ));
    assert_eq!(
        sum_with(&r, "5000", &["3100", "2000"]),
        Some((Verdict::Notice, Some("5100".into()))),
        "{}",
        describe(&r)
    );
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
}

#[test]
fn month_and_year_to_date_parts_pair_by_their_period_word() {
    let text = "来自本市的一般公共预算收入当月完成25.2亿元，下降43.8%；累计完成427.4亿元，增长34.6%。中央级一般公共预算收入当月完成5亿元，下降68.8%，累计完成188亿元，增长32.8%。省级一般公共预算收入当月完成7.1亿元，下降20.4%；累计完成80.6亿元，增长47.8%。我市地方一般公共预算收入当月完成13.1亿元，下降34.4%；累计完成158.9亿元，增长30.8%。";
    let r = check(text);
    assert_eq!(
        sum_with(&r, "25.2", &["5", "7.1", "13.1"]),
        Some((Verdict::Ok, Some("25.2".into()))),
        "{}",
        describe(&r)
    );
    // 188 + 80.6 + 158.9 = 427.5: the last digit of a rounded total
    assert_eq!(
        sum_with(&r, "427.4", &["188", "80.6", "158.9"]),
        Some((Verdict::Rounding, Some("427.5".into()))),
        "{}",
        describe(&r)
    );
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
    // a wrong 当月 total is told (a 提示): the 累计 figure beside it is the other period's, not another
    // level the parts might make
    let wrong = check(&text.replace("当月完成25.2亿元", "当月完成26.2亿元"));
    assert_eq!(
        sum_with(&wrong, "26.2", &["5", "7.1", "13.1"]),
        Some((Verdict::Notice, Some("25.2".into()))),
        "{}",
        describe(&wrong)
    );
}

#[test]
fn a_change_is_the_sum_of_the_items_changes_one_of_them_down() {
    let text = "1-5月份，全省一般公共预算收入完成1509.3亿元，比上年增长36.6%，增收404.5亿元。税收收入完成1237.5亿元，增长50.1%，增收412.8亿元；非税收入完成271.8亿元，下降3%，减收8.3亿元。";
    let r = check(text);
    assert_eq!(
        sum_with(&r, "1509.3", &["1237.5", "271.8"]),
        Some((Verdict::Ok, Some("1509.3".into()))),
        "{}",
        describe(&r)
    );
    assert_eq!(
        sum_with(&r, "404.5", &["412.8", "8.3"]),
        Some((Verdict::Ok, Some("404.5".into()))),
        "{}",
        describe(&r)
    );
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
}

#[test]
fn a_total_by_tier_is_the_city_level_and_the_counties() {
    let text = "2024年，全市一般公共预算收入284.1亿元，同比减收5.9亿元。分级次看，市级（市本级、“三区”）一般公共预算收入49.5亿元，同比增长7%，县（市、区）一般公共预算收入234.6亿元。";
    let r = check(text);
    assert_eq!(
        sum_with(&r, "284.1", &["49.5", "234.6"]),
        Some((Verdict::Ok, Some("284.1".into()))),
        "{}",
        describe(&r)
    );
}

#[test]
fn parts_of_another_scope_are_not_the_totals() {
    // the 旗级 total is followed by the 全盟 revenue's structure: no sum of 旗级 = 税收 + 非税
    let text = "在全盟一般公共预算收入中，盟本级一般公共预算收入累计完成4万元；旗级一般公共预算收入累计完成27万元。从收入结构看，全盟一般公共预算收入中，税收收入累计完成21万元；非税收入累计完成10万元。";
    let r = check(text);
    assert_eq!(sum_with(&r, "27", &["21", "10"]), None, "{}", describe(&r));
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
}

#[test]
fn another_total_between_ends_the_search() {
    let text = "全省一般公共预算收入完成500亿元，增长20%。在41个县收支完成情况上，一般公共预算收入完成150亿元，增长16%。其中：税收收入完成95亿元；非税收入完成55亿元。";
    let r = check(text);
    assert_eq!(sum_with(&r, "500", &["95", "55"]), None, "{}", describe(&r));
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
}

#[test]
fn parts_far_from_their_total_are_told_only_when_they_add_up() {
    // other figures stand between the total and the items: 300 + 200 ≠ 1000 gives no claim at all …
    let text = "全县财政总收入为1000万元。财政支出800万元，上解支出50万元。税收收入完成300万元；非税收入完成200万元。";
    let r = check(text);
    assert_eq!(
        sum_with(&r, "1000", &["300", "200"]),
        None,
        "{}",
        describe(&r)
    );
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
    // … and a sum that holds is confirmed
    let r = check(&text.replace("200万元", "700万元"));
    assert_eq!(
        sum_with(&r, "1000", &["300", "700"]),
        Some((Verdict::Ok, Some("1000".into()))),
        "{}",
        describe(&r)
    );
}

#[test]
fn another_level_in_the_totals_statement_may_be_the_one_the_parts_make() {
    let text = "2021年一般公共预算收入为355000万元，2021年一般公共预算收入调整为368000万元，实际收入377841万元，比2020年增加57452万元。1.税收收入322551万元，较2020年增长14.58%。2.非税收入55290万元。";
    let r = check(text);
    assert_eq!(
        sum_with(&r, "377841", &["322551", "55290"]),
        Some((Verdict::Ok, Some("377841".into()))),
        "{}",
        describe(&r)
    );
    assert_eq!(
        sum_with(&r, "355000", &["322551", "55290"]),
        None,
        "{}",
        describe(&r)
    );
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
}

#[test]
fn a_regions_total_is_the_sum_of_its_sub_regions_sections() {
    let text = "1-3月，全省100个县区（含41个县和县级市、59个区，下同）一般公共预算收入完成503.7亿元，比上年同期增加85.8亿元，增长20.5%。一般公共预算支出完成634.5亿元，同比增加107.8亿元。\n在41个县收支完成情况上，一般公共预算收入完成151亿元，同比增加21亿元。一般公共预算支出完成306.5亿元，同比增加32.6亿元。\n在59个区收支完成情况上，一般公共预算收入完成352.7亿元，同比增加64.8亿元。一般公共预算支出完成328亿元，同比增加75.2亿元。";
    let r = check(text);
    let ok = |v: &str| Some((Verdict::Ok, Some(v.to_string())));
    assert_eq!(
        sum_with(&r, "503.7", &["151", "352.7"]),
        ok("503.7"),
        "{}",
        describe(&r)
    );
    assert_eq!(
        sum_with(&r, "85.8", &["21", "64.8"]),
        ok("85.8"),
        "{}",
        describe(&r)
    );
    assert_eq!(
        sum_with(&r, "634.5", &["306.5", "328"]),
        ok("634.5"),
        "{}",
        describe(&r)
    );
    assert_eq!(
        sum_with(&r, "107.8", &["32.6", "75.2"]),
        ok("107.8"),
        "{}",
        describe(&r)
    );
    // a sub-region with no section of its own: no sum
    let r = check(&text.replace("在59个区收支完成情况上，", "另外，"));
    assert_eq!(
        sum_with(&r, "503.7", &["151", "352.7"]),
        None,
        "{}",
        describe(&r)
    );
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
}

/// The claims of a review that `keep` selects: (verdict, stated, recomputed, formula).
fn claims_where(r: &Review, keep: impl Fn(&juesuan::report::ClaimReport) -> bool) -> Vec<String> {
    r.claims
        .iter()
        .filter(|c| keep(c))
        .map(|c| {
            format!(
                "{} {} {} {}",
                c.verdict.name(),
                c.stated,
                c.recomputed.as_deref().unwrap_or("-"),
                c.formula
            )
        })
        .collect()
}

fn shares(r: &Review) -> Vec<String> {
    claims_where(r, |c| c.kind.name() == "share")
}

const BARE_SHARES: &str = "我市地方一般公共预算收入当月完成13.1亿元；累计完成158.9亿元，增长30.8%。从收入结构看，地方税收收入当月完成11.1亿元；累计完成137.4亿元，增长42.6%，占比{A}%。非税收入当月完成2.1亿元；累计完成21.4亿元，下降14.6%，占比13.5%。";

#[test]
fn a_bare_share_of_an_item_is_of_the_total_it_makes_up() {
    let r = check(&BARE_SHARES.replace("{A}", "86.5"));
    assert_eq!(
        shares(&r),
        [
            "ok 86.5 86.5 137.4 ÷ 158.9 × 100%",
            "ok 13.5 13.5 21.4 ÷ 158.9 × 100%"
        ],
        "{}",
        describe(&r)
    );
    let wrong = check(&BARE_SHARES.replace("{A}", "68.5"));
    assert_eq!(
        shares(&wrong),
        [
            "mismatch 68.5 86.5 137.4 ÷ 158.9 × 100%",
            "ok 13.5 13.5 21.4 ÷ 158.9 × 100%"
        ],
        "{}",
        describe(&wrong)
    );
}

#[test]
fn no_bare_share_when_the_items_do_not_make_up_the_total() {
    let text = BARE_SHARES
        .replace("{A}", "86.5")
        .replace("累计完成21.4亿元", "累计完成31.4亿元");
    let r = check(&text);
    assert_eq!(shares(&r), Vec::<String>::new(), "{}", describe(&r));
}

const ITEM_CHANGES: &str = "2021年1—11月，昭化区地方一般公共预算收入完成25707万元，同比增长{R}%。其中：税收收入完成10340万元，同比增加909万元，增长9.6%；非税收入完成15367万元，同比增加1910万元，增长14.2%。";

/// The growth claims whose change is the items' changes added up.
fn growths(r: &Review) -> Vec<String> {
    claims_where(r, |c| {
        c.kind.name() == "growth" && c.formula.starts_with("增减额由各分项")
    })
}

#[test]
fn a_total_growth_from_its_items_changes() {
    let r = check(&ITEM_CHANGES.replace("{R}", "12.3"));
    assert_eq!(
        growths(&r),
        ["ok 12.3 12.3 增减额由各分项增减额相加：2819 ÷ (25707 − 2819) × 100%"],
        "{}",
        describe(&r)
    );
    // the sum of rounded changes is not a written figure: a rate that does not fit is a 提示
    let r = check(&ITEM_CHANGES.replace("{R}", "13.2"));
    assert_eq!(
        growths(&r),
        ["notice 13.2 12.3 增减额由各分项增减额相加：2819 ÷ (25707 − 2819) × 100%"],
        "{}",
        describe(&r)
    );
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
}

#[test]
fn no_growth_from_items_when_they_do_not_make_up_the_total_or_the_rate_is_an_average() {
    let short = ITEM_CHANGES
        .replace("{R}", "12.3")
        .replace("15367万元", "16367万元");
    assert_eq!(growths(&check(&short)), Vec::<String>::new());
    let average = ITEM_CHANGES.replace("同比增长{R}%", "两年平均增长19%");
    assert_eq!(growths(&check(&average)), Vec::<String>::new());
}
