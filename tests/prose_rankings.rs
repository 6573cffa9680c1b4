//! Ranked lists: a rank from the top (排在前三) or the bottom (最少的前三位) says how the listed figures are
//! ordered; each neighbouring pair is judged. The readings that must give nothing: a list of another length,
//! a list of changes or ratios, a list that runs on.

mod support;
use support::{check, describe};

/// The verdicts of the ranked-list claims, in order.
fn ranked(text: &str) -> Vec<String> {
    let r = check(text);
    let all: Vec<String> = r
        .claims
        .iter()
        .filter(|c| c.message.starts_with("排序"))
        .map(|c| format!("{} {}", c.verdict.name(), c.message))
        .collect();
    eprintln!("{}", describe(&r));
    all
}

const TOP: &str =
    "排在前三的是北京市公安局、市交管局和市教委，分别计划支出{A}、8441万元和7655万元。";

#[test]
fn a_rank_from_the_top_falls() {
    assert_eq!(
        ranked(&TOP.replace("{A}", "1亿元")),
        [
            "ok 排序：文中称“排在前三”，所列数应从大到小排列；第1位 1 不小于 第2位 0.8441，一致",
            "ok 排序：文中称“排在前三”，所列数应从大到小排列；第2位 8441 不小于 第3位 7655，一致",
        ]
    );
}

#[test]
fn a_figure_out_of_order_is_a_mismatch() {
    assert_eq!(
        ranked(&TOP.replace("{A}", "8000万元")),
        [
            "mismatch 排序：文中称“排在前三”，所列数应从大到小排列，但 第1位 8000 小于 第2位 8441，次序不符",
            "ok 排序：文中称“排在前三”，所列数应从大到小排列；第2位 8441 不小于 第3位 7655，一致",
        ]
    );
}

#[test]
fn a_rank_from_the_bottom_rises_and_names_come_first() {
    let text = "支出最少的前三位分别是总工会、农村建设办公室和市物资公司，支出额度分别是5.5万元、9.18万元和9.13万元。";
    assert_eq!(
        ranked(text),
        [
            "ok 排序：文中称“最少的前三”，所列数应从小到大排列；第1位 5.5 不大于 第2位 9.18，一致",
            "mismatch 排序：文中称“最少的前三”，所列数应从小到大排列，但 第2位 9.18 大于 第3位 9.13，次序不符",
        ]
    );
}

#[test]
fn lists_that_are_not_the_ranked_levels_give_nothing() {
    // two figures for a rank of three
    assert!(ranked("排在前三的是甲、乙和丙，分别支出9万元、10万元。").is_empty());
    // growth rates of the ranked units: ordered by something else
    assert!(ranked("排在前三的是甲、乙和丙，分别增长3%、9%和5%。").is_empty());
    assert!(ranked("排在前三的是甲、乙和丙，分别增加3万元、9万元和5万元。").is_empty());
    // the list runs on past the rank's count
    assert!(ranked("排名前三的是甲、乙和丙，分别为3万元、9万元、5万元和1万元。").is_empty());
    // ranked by a rate or a change, the levels listed need not fall
    assert!(ranked("全省收入增速排名前三的是甲、乙和丙，分别为3亿元、9亿元和5亿元。").is_empty());
    assert!(ranked("支出增加最多的前三位是甲、乙和丙，分别支出3万元、9万元和5万元。").is_empty());
    // no 分别 in the sentence
    assert!(ranked("排在前三的是甲、乙和丙。甲支出3万元、乙9万元和丙5万元。").is_empty());
}
