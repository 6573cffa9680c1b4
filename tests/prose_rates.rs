//! Growth and 增减额 in real-narrative phrasings: 同口径 comparisons, "上年 a，本年 b", a rate named as its own
//! subject (减少率), last year's spending beside this year's budget, and a change against an earlier period of
//! the year beside one against last year. Each class with a sentence that must not be read the wrong way.

mod support;
use support::{check, describe, expect};

/// No claim states `stated`, and nothing is a ✗.
fn unjudged(text: &str, stated: &str) {
    let r = check(text);
    assert!(
        !r.claims.iter().any(|c| c.stated == stated),
        "{text}\n  {}",
        describe(&r)
    );
    assert_eq!(r.summary.claims.mismatch, 0, "{text}\n  {}", describe(&r));
}

// ---- 同口径

#[test]
fn same_basis_against_a_written_prior() {
    let t = "2021年全县一般公共预算教育经费为64469万元，与上年的73991万元同口径相比增12.05%。";
    expect(t, "growth", "12.05", "mismatch", "-12.87");
}

#[test]
fn same_basis_change_and_rate() {
    let t = "2017年青岛市政府采购金额为326.14亿元，比2016年同口径增加16.27亿元，增长5.25%。";
    expect(t, "growth", "5.25", "ok", "5.25");
}

#[test]
fn same_basis_after_a_factor_taken_out_is_not_judged() {
    // the rate is on a base with the refunds added back: neither the change nor the levels are its base
    let t = "全省一般公共预算收入完成1509.3亿元，增收404.5亿元，扣除留抵退税（196.6亿元）因素后，比上年同口径增长52.4%。";
    unjudged(t, "52.4");
}

// ---- 上年 a，本年 b

#[test]
fn last_year_then_this_year() {
    let t = "普通小学上年10321.31元，本年10359.52元，同口径比上年增长20.97%。";
    expect(t, "growth", "20.97", "mismatch", "0.37");
    let t = "普通初中上年14383.56元，本年11662.98元，比上年下降18.91%。";
    expect(t, "growth", "18.91", "ok", "18.91");
}

// ---- a rate named as its own subject

#[test]
fn reduction_rate_is_of_the_statement_subject() {
    let t = "公务车辆运行2016年预算25万元，2015年预算45.2万元；对比减少20.20万元，减少率44.69%。";
    expect(t, "growth", "44.69", "ok", "44.69");
}

// ---- last year's spending beside this year's budget

#[test]
fn prior_year_spending_beside_this_year_budget() {
    let t = "公务用车购置及运行费2015年年末支出3.42万元，2016年预算为4万元，增加16.96%。";
    expect(t, "growth", "16.96", "ok", "16.96");
}

#[test]
fn same_year_spending_and_budget_are_no_growth() {
    // 决算 and 预算 of one year: the rate is no growth on the spending
    let t = "公务用车购置及运行费2016年支出3.42万元，2016年预算为4万元，增加16.96%。";
    let r = check(t);
    assert!(
        !r.claims
            .iter()
            .any(|c| c.kind.name() == "growth" && c.stated == "16.96"),
        "{}",
        describe(&r)
    );
    assert_eq!(r.summary.claims.mismatch, 0, "{}", describe(&r));
}

// ---- an earlier period of the year, and last year, in one statement

#[test]
fn earlier_period_and_last_year_each_with_their_own_change() {
    let t = "1-5月，全省政府采购规模达835.49亿元，比前4个月增加347.39亿元，增长71.2%；较去年同期增加32.4亿元，增长4%。";
    expect(t, "growth", "71.2", "ok", "71.2");
    expect(t, "growth", "4", "ok", "4");
}

#[test]
fn earlier_period_rate_never_against_last_year_level() {
    // last year's level is stated too: the rate against the four months is not judged on it
    let t = "1-5月，全省政府采购规模达835.49亿元，上年同期803.09亿元，比前4个月增长71.2%。";
    unjudged(t, "71.2");
}

// ---- a rate against a year named that is not last year

#[test]
fn a_rate_against_two_years_back_is_not_judged_against_last_year() {
    // in a 2021 statement, 比2019年 is two years back: last year's 90 or the change 10 is not its base
    unjudged(
        "2021年一般公共预算收入完成100万元，上年完成90万元，比2019年增长25.0%。",
        "25.0",
    );
    unjudged(
        "2021年一般公共预算收入完成100万元，比上年增加10万元，比2019年增长25.0%。",
        "25.0",
    );
    // a year named after the sentence's own growth is another year's comparison
    unjudged(
        "全省财政总收入5192亿元，增长7.2%，比2019年同期增长6.9%，两年平均增长3.4%。",
        "6.9",
    );
    let r = check("2021年一般公共预算收入完成100万元，上年完成90万元，比2019年增长25.0%。");
    assert!(
        r.unchecked
            .iter()
            .any(|u| u.value.0.to_string() == "25.0" && u.reason.contains("不是上年")),
        "{}",
        describe(&r)
    );
}

#[test]
fn a_rate_against_the_year_before_or_its_own_figure_is_judged() {
    // 2020 is the year before 2021: the change stated is its base
    expect(
        "2021年一般公共预算收入完成100万元，比2020年增加10万元，增长11.1%。",
        "growth",
        "11.1",
        "ok",
        "11.1",
    );
    // the compared year's own figure in the clause is the base
    expect(
        "2021年一般公共预算收入完成100.00万元，比2019年的80.00万元增长25.5%。",
        "growth",
        "25.5",
        "mismatch",
        "25.0",
    );
    // a list of items each against the same year compares alike
    expect(
        "非税收入55290万元，较2020年增长42.20%。其中，专项收入26541万元，较2020年增加3700万元，增长16.20%；罚没收入6058万元，较2020年增加2136万元，增长54.46%。",
        "growth",
        "54.46",
        "ok",
        "54.46",
    );
}
