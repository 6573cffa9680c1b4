//! Rosters: numbered members each with its amount in a bracket ("1.甲市(50.5亿元 增长3.0%)、2.乙市(…)"),
//! told again later by name and compared two by two. A later figure that does not agree is a 提示 (the
//! roster names no measure), and a figure of another measure, a change or a gap is no restatement.

mod support;
use support::{check, describe};

/// The roster claims (kind, verdict, message), in order.
fn roster(text: &str) -> Vec<String> {
    let r = check(text);
    eprintln!("{}", describe(&r));
    r.claims
        .iter()
        .filter(|c| c.message.contains("列表中"))
        .map(|c| format!("{} {} {}", c.kind.name(), c.verdict.name(), c.message))
        .collect()
}

const LIST: &str = "各市完成情况如下：1.甲州市(50.50亿元 12.5%)、2.乙山市(30.25亿元 3.1%)、3.丙河市(20.00亿元 -2.0%)、4.丁岭市(数据暂缺)。";

#[test]
fn a_member_told_again_by_name_agrees() {
    let text =
        format!("{LIST}从总量来看，甲州市财政收入达到50.50亿元，居首位。丙河市仅完成20.00亿元。");
    assert_eq!(
        roster(&text),
        [
            "same-figure ok 甲州市：后文写 50.50亿元，与前面列表中的 50.50亿元 一致",
            "same-figure ok 丙河市：后文写 20.00亿元，与前面列表中的 20.00亿元 一致",
        ]
    );
}

#[test]
fn a_member_told_again_differently_is_a_notice_not_a_mismatch() {
    let text = format!("{LIST}乙山市实现财政收入32.25亿元。");
    assert_eq!(
        roster(&text),
        ["same-figure notice 乙山市：后文写 32.25亿元，前面列表中为 30.25亿元，两处不同。列表未写明口径，若为同一数则有一处有误，请核对"]
    );
}

#[test]
fn gaps_between_two_members() {
    let text = format!(
        "{LIST}甲州市高出乙山市20.25亿元。乙山市领先丙河市，优势为10.52亿元。丙河市完成20.00亿元，以30.50亿元的差距位列甲州市之后。"
    );
    assert_eq!(
        roster(&text),
        [
            "sum ok 甲州市与乙山市之差：填报 20.25亿元，按列表中的数重算 20.25亿元，一致",
            "sum notice 乙山市与丙河市之差：填报 10.52亿元，按列表中的数重算 10.25亿元，两者不同。列表未写明口径，若为同一口径则差额或列表有误，请核对",
            "same-figure ok 丙河市：后文写 20.00亿元，与前面列表中的 20.00亿元 一致",
            "sum ok 甲州市与丙河市之差：填报 30.50亿元，按列表中的数重算 30.50亿元，一致",
        ]
    );
}

#[test]
fn another_measure_a_change_or_a_gap_is_no_restatement() {
    let text = format!(
        "{LIST}甲州市税收收入完成40.00亿元。乙山市比上年增收2.00亿元。丙河市预算为25.00亿元。甲州市全年目标80.00亿元。"
    );
    assert_eq!(roster(&text), Vec::<String>::new());
}

#[test]
fn brackets_without_list_numbers_are_no_roster() {
    let text = "工资福利支出(50.50万元)、商品和服务支出(30.25万元)、对个人和家庭的补助(20.00万元)。工资福利支出为60.50万元。";
    assert_eq!(roster(text), Vec::<String>::new());
}

#[test]
fn two_members_are_no_roster() {
    let text = "1.甲州市(50.50亿元)、2.乙山市(30.25亿元)。甲州市完成51.50亿元。";
    assert_eq!(roster(text), Vec::<String>::new());
}

#[test]
fn a_share_of_the_region_stated_before_the_roster() {
    let head = "全省一般公共预算收入完成202.00亿元。";
    let text = format!("{head}{LIST}甲州市完成50.50亿元，占全省收入的25.0%。");
    let r = check(&text);
    let shares: Vec<String> = r
        .claims
        .iter()
        .filter(|c| c.kind.name() == "share")
        .map(|c| {
            format!(
                "{} {} {:?} {}",
                c.verdict.name(),
                c.stated,
                c.recomputed,
                c.formula
            )
        })
        .collect();
    assert_eq!(
        shares,
        ["ok 25.0 Some(\"25.0\") 占全省的比重：50.50 ÷ 202.00 × 100%"],
        "{}",
        describe(&r)
    );
    let wrong = check(&text.replace("25.0%", "52.0%"));
    let verdicts: Vec<&str> = wrong
        .claims
        .iter()
        .filter(|c| c.kind.name() == "share")
        .map(|c| c.verdict.name())
        .collect();
    assert_eq!(verdicts, ["notice"], "{}", describe(&wrong));
}
