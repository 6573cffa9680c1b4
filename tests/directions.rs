//! Direction words (大于 / 小于 / 持平, 增加 / 减少, 突破) and completion ratios whose budget is not beside the
//! actual: small exact cases with the verdict and the recomputed value (its scale as shown), and sentences
//! that must give no ✗ because they can be read two ways.

mod support;
use juesuan::Review;
use support::{check, describe};

/// The one claim of `kind` stated as `stated`: its verdict and recomputed value.
fn claim<'r>(r: &'r Review, kind: &str, stated: &str) -> &'r juesuan::report::ClaimReport {
    let found: Vec<_> = r
        .claims
        .iter()
        .filter(|c| c.kind.name() == kind && c.stated == stated)
        .collect();
    assert_eq!(found.len(), 1, "{kind} {stated} among\n  {}", describe(r));
    found[0]
}

fn expect(text: &str, kind: &str, stated: &str, verdict: &str, recomputed: &str) {
    let r = check(text);
    let c = claim(&r, kind, stated);
    assert_eq!(
        (c.verdict.name(), c.recomputed.as_deref()),
        (verdict, Some(recomputed)),
        "{text}\n  {}",
        describe(&r)
    );
}

fn no_direction(text: &str) {
    let r = check(text);
    assert!(
        !r.claims.iter().any(|c| c.kind.name() == "direction"),
        "{text}\n  {}",
        describe(&r)
    );
    assert_eq!(r.summary.claims.mismatch, 0, "{text}\n  {}", describe(&r));
}

// ---- 决算数 against 预算数, with no figure in the phrase

#[test]
fn smaller_than_budget_in_the_next_statement() {
    let t = "“三公”经费支出年初预算3.05万元，支出决算1.75万元，完成年初预算的57.38%。决算数小于年初预算数的主要原因是厉行节约。";
    expect(t, "direction", "小于", "ok", "小于");
    expect(t, "completion", "57.38", "ok", "57.38");
    let r = check(t);
    let c = claim(&r, "direction", "小于");
    let values: Vec<String> = c.sources.iter().map(|s| s.value.0.to_string()).collect();
    assert_eq!(values, ["1.75", "3.05"]);
}

#[test]
fn a_wrong_comparison_word_says_which_is_right() {
    let t = "单位“三公”经费支出预算为5.5万元，支出决算为8.99万元，完成预算的163.45%，决算数小于预算数的主要原因是出国任务增加。";
    expect(t, "direction", "小于", "mismatch", "大于");
    let r = check(t);
    let c = claim(&r, "direction", "小于");
    assert!(
        c.diagnosis.as_deref().is_some_and(|d| d.contains("大于")),
        "{:?}",
        c.diagnosis
    );
    assert!(c.message.contains("应为“大于”"), "{}", c.message);
}

#[test]
fn equal_figures_under_a_strict_word_are_rounding() {
    // 3.05 and 3.05 may stand for 3.046 and 3.054
    let t = "公务接待费支出预算为3.05万元，支出决算为3.05万元，决算数小于预算数。";
    expect(t, "direction", "小于", "rounding", "等于");
}

#[test]
fn subject_named_in_the_phrase() {
    let t = "“三公”经费财政拨款支出年初预算为683.51万元，支出决算为358.18万元，完成预算的52.4%，其中：公务接待费支出决算为41.61万元。2020年度“三公”经费支出决算数小于预算数的主要原因是厉行节约。";
    expect(t, "direction", "小于", "ok", "小于");
}

// ---- 持平 / 基本持平

#[test]
fn level_with_the_budget() {
    let t = "公务接待费年初预算5.00万元，支出决算5.00万元，与年初预算持平。";
    expect(t, "direction", "持平", "ok", "持平");
    let t = "公务接待费年初预算5.00万元，支出决算5.20万元，与年初预算持平。";
    expect(t, "direction", "持平", "mismatch", "增加");
    // 5.0 stands for 4.95 to 5.05: it may equal 5.04
    let t = "公务接待费年初预算5.0万元，支出决算5.04万元，与年初预算持平。";
    expect(t, "direction", "持平", "rounding", "增加");
}

#[test]
fn roughly_level_is_never_a_mismatch() {
    let t = "公务接待费年初预算100.00万元，支出决算98.00万元，与年初预算基本持平。";
    expect(t, "direction", "基本持平", "notice", "减少");
    let t = "公务接待费年初预算100.00万元，支出决算60.00万元，与年初预算基本持平。";
    expect(t, "direction", "基本持平", "notice", "减少");
    let t = "公务接待费年初预算100.00万元，支出决算100.00万元，与年初预算基本持平。";
    expect(t, "direction", "基本持平", "ok", "基本持平");
}

// ---- two written levels: "a 比 b 增加"

#[test]
fn increase_between_two_written_totals() {
    let t = "2018年度决算总收入1244.27万元，比2017年度决算总收入1058.51万元增加了185.76万元。";
    // the 增减额 claim carries the direction: no second claim on the same two levels
    expect(t, "difference", "185.76", "ok", "185.76");
    assert!(!check(t).claims.iter().any(|c| c.kind.name() == "direction"));
}

#[test]
fn decrease_written_for_an_increase() {
    let t = "2018年度总支出1095.67万元比2017年度总支出1060.87万元减少34.80万元。";
    // the 增减额 claim carries the wrong direction (a signed −34.80 for a stated decrease of 34.80)
    expect(t, "difference", "34.80", "mismatch", "-34.80");
    assert!(!check(t).claims.iter().any(|c| c.kind.name() == "direction"));
}

#[test]
fn level_with_a_written_prior() {
    let t = "2020年公务用车运行费支出3.00万元，与2019年公务用车运行费3.00万元持平。";
    expect(t, "direction", "持平", "ok", "持平");
}

#[test]
fn every_item_level_with_last_year() {
    let t = "因公出国（境）费0.34亿元，上年0.34亿元；公务用车购置及运行维护费4.23亿元，上年4.20亿元，均与去年持平。";
    let r = check(t);
    let got: Vec<(&str, Option<&str>)> = r
        .claims
        .iter()
        .filter(|c| c.kind.name() == "direction")
        .map(|c| (c.verdict.name(), c.recomputed.as_deref()))
        .collect();
    assert_eq!(
        got,
        [("ok", Some("持平")), ("mismatch", Some("增加"))],
        "{}",
        describe(&r)
    );
}

#[test]
fn two_subjects_joined_by_yu_are_not_compared() {
    // 与 joins two items here; neither is compared with the other
    no_direction("因公出国（境）费3万元与公务接待费3万元均较上年减少。");
    no_direction("公务接待费3万元与公务用车运行费5万元增加较多。");
}

// ---- 突破 a round number

#[test]
fn a_threshold_passed_in_the_year_of_the_figure() {
    let t = "2023年，全区一般公共预算收入3083.4亿元，比上年增加259亿元。全区收入规模继2019年突破2000亿元后，2023年首次突破3000亿元。";
    expect(t, "direction", "突破", "ok", "突破");
    let t = "2023年，全区一般公共预算收入2983.4亿元，比上年增加259亿元。全区收入规模继2019年突破2000亿元后，2023年首次突破3000亿元。";
    expect(t, "direction", "突破", "mismatch", "未突破");
}

#[test]
fn a_threshold_of_another_quantity_is_not_judged() {
    // 财政总收入 is not the 一般公共预算收入 stated
    no_direction("2023年，全区一般公共预算收入2983.4亿元。全区财政总收入2023年首次突破3000亿元。");
    // the threshold of another year
    no_direction("2023年，全区一般公共预算收入2983.4亿元。全区收入规模2019年突破3000亿元。");
}

// ---- readings in doubt: no ✗

#[test]
fn two_possible_subjects() {
    no_direction("公务接待费预算5万元，决算6万元；公务用车运行费预算8万元，决算7万元。决算数小于预算数的主要原因是厉行节约。");
}

#[test]
fn figures_of_another_year() {
    no_direction("2019年决算数为15万元，2020年预算数为12万元。决算数小于预算数。");
}

#[test]
fn a_direction_word_about_something_not_stated() {
    // no budget of 公务接待费 is stated
    no_direction("公务接待费支出决算6万元。决算数小于预算数。");
    // the phrase names 公务接待费; only the 三公 total has both figures
    no_direction("“三公”经费预算10万元，决算8万元。公务接待费决算数大于预算数。");
    // 持平 with last year, whose figure is not stated
    no_direction("因公出国（境）费支出0万元，与2015年度决算支出持平。");
    no_direction(
        "因公出国（境）经费与公务用车购置及运行维护费分别为0.34亿元和4.23亿元，均与去年持平。",
    );
}

#[test]
fn a_budget_of_another_kind() {
    // the phrase names the 年初预算; the budget beside the 决算 is the 调整预算
    no_direction("公务接待费年初预算10万元，调整预算12万元，决算11万元，决算数大于年初预算数。");
}

#[test]
fn an_item_of_a_list_compared_with_last_year() {
    // "比上年 80 万元" may be of the total, not of 项目支出
    no_direction("本年支出90万元，其中：基本支出50万元，项目支出40万元，比上年80万元增加。");
}

#[test]
fn a_change_after_the_word_is_left_to_the_growth_rules() {
    let r = check("公务接待费支出决算6万元，较上年减少1万元。");
    assert!(
        !r.claims.iter().any(|c| c.kind.name() == "direction"),
        "{}",
        describe(&r)
    );
}

// ---- completion ratios with the budget away from the actual

#[test]
fn completion_from_the_change_against_the_budget() {
    let t = "公务接待费支出2267.61万元，完成年初预算49.5%，比年初预算减少2312.99万元。";
    expect(t, "completion", "49.5", "ok", "49.5");
    let t = "公务接待费支出2267.61万元，完成年初预算59.5%，比年初预算减少2312.99万元。";
    expect(t, "completion", "59.5", "mismatch", "49.5");
}

#[test]
fn completion_of_a_budget_stated_before() {
    let t = "全县支出调整预算为97842万元。全县一般公共预算支出91759万元，完成调整预算的93.8%。";
    expect(t, "completion", "93.8", "ok", "93.8");
    let t = "2021年一般公共预算收入调整为368000万元，实际收入377841万元，完成调整预算的102.67%。";
    expect(t, "completion", "102.67", "ok", "102.67");
}

#[test]
fn completion_with_two_possible_budgets_is_unchecked() {
    let t = "全县支出年初预算为90000万元，调整预算为97842万元。全县一般公共预算支出91759万元，完成预算的93.8%。";
    let r = check(t);
    assert!(
        !r.claims.iter().any(|c| c.kind.name() == "completion"),
        "{}",
        describe(&r)
    );
    let u = r
        .unchecked
        .iter()
        .find(|u| u.value.0.to_string() == "93.8")
        .expect("93.8 unchecked");
    assert!(u.reason.contains("有多种读法"), "{}", u.reason);
}

#[test]
fn completion_of_another_subjects_budget_is_not_bound() {
    let r =
        check("公务接待费调整预算为50万元。全县一般公共预算支出91759万元，完成调整预算的93.8%。");
    assert!(
        !r.claims.iter().any(|c| c.kind.name() == "completion"),
        "{}",
        describe(&r)
    );
}
