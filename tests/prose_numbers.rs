//! Amounts written in two parts: "405亿9,629万元" is one amount (405.9629 亿元), not 405 亿元 and a second
//! figure; "25亿8千万元" cannot be read digit by digit, so it is reported and never used.

mod support;
use support::{check, describe};

/// The sum claims of a review: verdict, stated and recomputed value.
fn sums(text: &str) -> Vec<String> {
    let r = check(text);
    eprintln!("{}", describe(&r));
    r.claims
        .iter()
        .filter(|c| c.kind.name() == "sum")
        .map(|c| {
            let recomputed = c.recomputed.as_deref().unwrap_or("-");
            format!("{} {} {recomputed}", c.verdict.name(), c.stated)
        })
        .collect()
}

#[test]
fn an_amount_in_yi_and_wan_is_one_figure() {
    assert_eq!(
        sums("收入合计3亿2000万元，其中：财政拨款收入2亿元，其他收入1亿2000万元。"),
        ["ok 3.2000 3.2000"]
    );
}

#[test]
fn a_wrong_part_in_yi_and_wan_is_a_mismatch() {
    // 1亿500万 is 1.0500 亿: the 万 part keeps its four places
    assert_eq!(
        sums("收入合计3亿2000万元，其中：财政拨款收入2亿1000万元，其他收入1亿500万元。"),
        ["mismatch 3.2000 3.1500"]
    );
}

#[test]
fn an_amount_with_qian_after_yi_is_reported_not_read() {
    let r = check("收入合计25亿8千万元，其中：财政拨款收入20亿元，其他收入5亿元。");
    assert!(
        r.claims.iter().all(|c| c.verdict.name() != "mismatch"),
        "{}",
        describe(&r)
    );
    let problems: Vec<_> = r.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        problems,
        ["数字写法无法读出：“25亿8千万元”（亿后又用千、百等字写出余数），未核对"]
    );
}

#[test]
fn yi_followed_by_a_date_is_still_an_amount() {
    // a title run into its date: 1.2 亿 and the year are two things, nothing is reported as unread
    let r = check("今年北京“三公”预算压缩1.2亿2015-04-29\n收入合计2905亿2021年增长。");
    assert!(r.problems.is_empty(), "{}", describe(&r));
    assert!(
        r.unchecked
            .iter()
            .any(|u| u.value.0.to_string() == "1.2" && u.unit == "亿元"),
        "{}",
        describe(&r)
    );
}

#[test]
fn a_bracketed_short_name_is_left_out_of_the_label() {
    // "（以下简称财政收入）" names what follows; the figure is still the 全区一般公共预算收入's
    let text = "1月份，全区一般公共预算收入（以下简称财政收入）完成366.2亿元，其中：税收收入253.6亿元，非税收入112.6亿元。";
    let r = check(text);
    let sum = r.claims.iter().find(|c| c.kind.name() == "sum");
    assert_eq!(
        sum.map(|c| c.sources[0].name.as_str()),
        Some("全区一般公共预算收入完成"),
        "{}",
        describe(&r)
    );
    // a bracket that is not such an aside still ends the label
    let other = check("全区一般公共预算收入（不含基金）完成366.2亿元，其中：税收收入253.6亿元，非税收入112.6亿元。");
    let sum = other.claims.iter().find(|c| c.kind.name() == "sum");
    assert_eq!(
        sum.map(|c| c.sources[0].name.as_str()),
        Some("完成"),
        "{}",
        describe(&other)
    );
}
