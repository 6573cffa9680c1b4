//! 三公 texts: changes whose levels stand in statements of their own year or budget, each class with a
//! text where the wrong reading must give no ✗.

mod support;
use support::{check, describe, expect, no_mismatch};

/// The one claim of `kind` stating `stated`: its verdict and recomputed value.
fn claim(text: &str, kind: &str, stated: &str) -> Option<(String, Option<String>)> {
    let r = check(text);
    let found: Vec<_> = r
        .claims
        .iter()
        .filter(|c| c.kind.name() == kind && c.stated == stated)
        .collect();
    assert!(found.len() <= 1, "{kind} {stated}\n  {}", describe(&r));
    found
        .first()
        .map(|c| (c.verdict.name().to_string(), c.recomputed.clone()))
}

const TWO_YEARS: &str = "一、2022年“三公”经费预算安排情况\n\
    2022年度“三公”经费预算总计30.5万元，其中：因公出国（境）经费0万元，公务接待12.5万元，公务用车运行费用18万元。\n\
    二、2021年“三公”经费决算情况\n\
    2021年度“三公”经费合计支出28.40万元，其中：因公出国（境）经费0万元，公务接待14.20万元，公务用车运行费用14.20万元。\n\
    2022年度“三公”经费预算较2021年度增加2.10万元，其中公务接待较上年同期减少1.70万元，减少11.97%。\
    公务用车运行费用较上年同期增加3.80万元，增长26.76%。";

#[test]
fn changes_against_the_statements_of_two_years() {
    expect(TWO_YEARS, "difference", "2.10", "ok", "2.10");
    expect(TWO_YEARS, "difference", "1.70", "ok", "1.70");
    expect(TWO_YEARS, "growth", "11.97", "ok", "11.97");
    expect(TWO_YEARS, "difference", "3.80", "ok", "3.80");
    expect(TWO_YEARS, "growth", "26.76", "ok", "26.76");
    let wrong = TWO_YEARS.replace("减少1.70万元", "减少1.90万元");
    expect(&wrong, "difference", "1.90", "mismatch", "1.70");
}

#[test]
fn a_year_with_two_statements_binds_nothing() {
    // 2021's budget and its spending both stated: which one the change compares is not said
    let text = TWO_YEARS.replace(
        "二、2021年",
        "2021年度“三公”经费预算总计26万元，其中：因公出国（境）经费0万元，公务接待13万元，公务用车运行费用13万元。\n二、2021年",
    );
    assert_eq!(claim(&text, "difference", "2.10"), None);
    assert_eq!(claim(&text, "difference", "1.70"), None);
    no_mismatch(&text);
}

#[test]
fn a_change_naming_the_other_measure_binds_nothing() {
    // the change is of the 决算 while this year's statement is a budget
    let text = TWO_YEARS.replace("2022年度“三公”经费预算较", "2022年度“三公”经费决算较");
    assert_eq!(claim(&text, "difference", "2.10"), None);
    no_mismatch(&text);
}

const BUDGET_BEFORE: &str = "2021年我镇“三公”经费预算为20万元，其中：因公出国（境）费0万元，公务接待费9万元，\
    公务用车运行维护费11万元，公务用车购置0万元。\n\
    2021年“三公”经费支出共计9.07万元，较年初预算数减少10.93万元，下降54.65%，较上年支出数减少0.71万元。";

#[test]
fn a_change_against_the_budget_stated_before() {
    expect(BUDGET_BEFORE, "difference", "10.93", "ok", "10.93");
    let wrong = BUDGET_BEFORE.replace("减少10.93万元", "减少11.93万元");
    expect(&wrong, "difference", "11.93", "mismatch", "10.93");
}

#[test]
fn a_budget_of_another_year_is_not_the_budget() {
    let text = BUDGET_BEFORE.replacen("2021年我镇", "2020年我镇", 1);
    assert_eq!(claim(&text, "difference", "10.93"), None);
    no_mismatch(&text);
}

const RATE_ONLY: &str =
    "2018年财政拨款“三公”经费预算总额为2.5万元，其中，因公出国（境）费支出0万元，\
    公务用车购置及运行费支出1.5万元，公务接待费支出1万元。\n\
    2018年“三公”经费预算数比2017年预算数减少1万元，减幅29%。";

#[test]
fn a_rate_against_this_years_statement_and_the_change() {
    // 2.5 against 3.5 (2.5 + 1): a fall of 28.57%, written as 29%
    expect(RATE_ONLY, "growth", "29", "ok", "29");
    let wrong = RATE_ONLY.replace("减幅29%", "减幅0.29%");
    expect(&wrong, "growth", "0.29", "mismatch", "28.57");
}

#[test]
fn a_rate_without_this_years_statement_is_not_bound() {
    // the statement before is of 2017, the year compared with: 2018's level is not written
    let text = RATE_ONLY.replacen("2018年财政拨款", "2017年财政拨款", 1);
    assert_eq!(
        claim(&text, "growth", "29"),
        None,
        "{}",
        describe(&check(&text))
    );
    no_mismatch(&text);
}

const CAR_PARTS: &str = "2.公务用车购置及运行维护费4.50万元。其中：\n\
    2018年公务用车购置经费预算数1.20万元，与上年预算数相比无变化；公务用车运行维护费3.30万元，与上年预算数相比持平。";

#[test]
fn the_car_item_and_its_parts_after_qizhong() {
    expect(CAR_PARTS, "sum", "4.50", "ok", "4.50");
    let wrong = CAR_PARTS.replace("3.30万元", "3.40万元");
    expect(&wrong, "sum", "4.50", "mismatch", "4.60");
}

#[test]
fn one_car_part_confirms_only_a_sum_that_holds() {
    let one = "1.公务用车购置及运行维护费1.5万元。其中：\n公务用车运行维护费1.5万元，与上年预算数相比无变化。";
    expect(one, "sum", "1.5", "ok", "1.5");
    // 购置费 may be the 0.3 left out
    let short = one.replace("运行维护费1.5万元，", "运行维护费1.2万元，");
    assert_eq!(claim(&short, "sum", "1.5"), None);
    no_mismatch(&short);
}

#[test]
fn car_parts_of_another_year_are_not_the_items() {
    let text =
        CAR_PARTS
            .replace("\n2018年", "\n2017年")
            .replacen("2.公务用车", "2018年公务用车", 1);
    let text = text.replace("3.30万元", "3.40万元");
    assert_eq!(
        claim(&text, "sum", "4.50"),
        None,
        "{}",
        describe(&check(&text))
    );
    no_mismatch(&text);
}

const TWO_BUDGETS: &str = "2016年三公经费预算拨入33万元，2015年三公经费预算拨入57.55万元，与上年对比减少24.55万元。\
    主要原因是厉行节约。其中：1、公务接待费2016年预算8.00万元，2015年预算12.35万元；对比减少4.35万元；减少率35.22%。\
    2、公务车辆运行2016年预算25万元，2015年预算45.2万元；对比减少20.20万元；减少率44.69%。";

#[test]
fn an_items_two_years_then_their_comparison() {
    expect(TWO_BUDGETS, "difference", "4.35", "ok", "4.35");
    expect(TWO_BUDGETS, "growth", "35.22", "ok", "35.22");
    let wrong = TWO_BUDGETS.replace("减少4.35万元", "减少4.53万元");
    expect(&wrong, "difference", "4.53", "mismatch", "4.35");
}

#[test]
fn a_comparison_after_a_list_whose_total_has_none_stays_open() {
    // the total's change is not stated: 对比减少 may be the total's
    let text = TWO_BUDGETS.replace("，与上年对比减少24.55万元", "");
    assert_eq!(
        claim(&text, "difference", "4.35"),
        None,
        "{}",
        describe(&check(&text))
    );
    no_mismatch(&text);
}

#[test]
fn a_rate_named_increase_rate_has_its_direction() {
    // 增加率 where the level fell: the direction word is wrong
    let text = TWO_BUDGETS.replace("减少率44.69%", "增加率44.69%");
    expect(&text, "growth", "44.69", "mismatch", "-44.69");
}

#[test]
fn a_year_run_into_an_amount_is_split_when_the_sentence_names_the_next() {
    let text = "2015年区直文化系统“三公”经费394.85万元2014247.15万元相比较增长147.70万元。";
    expect(text, "difference", "147.70", "ok", "147.70");
    let wrong = text.replace("增长147.70", "增长147.90");
    expect(&wrong, "difference", "147.90", "mismatch", "147.70");
}

#[test]
fn a_long_amount_without_the_next_year_is_not_split() {
    // no 2015 in the sentence: 2014247.15 may be an amount as written
    let text = "区直文化系统“三公”经费394.85万元2014247.15万元相比较增长147.70万元。";
    assert_eq!(
        claim(text, "difference", "147.70"),
        None,
        "{}",
        describe(&check(text))
    );
    no_mismatch(text);
}

/// A change that names its budget ("2018年“三公”经费预算数比2017年预算数减少…") compares budgets: it binds the
/// budget total stated before it, never a spending.
const BUDGET_CHANGE: &str =
    "2018年财政拨款“三公”经费预算总额为 2.5万元,其中,因公出国(境)费支出 0 万元,\
    公务用车购置及运行费支出 1.5 万元,公务接待费支出 1 万元。\
    2018年“三公”经费预算数比2017年预算数减少1 万元,减幅 28.57%。";

#[test]
fn a_budget_change_binds_the_budget_stated_before() {
    expect(BUDGET_CHANGE, "growth", "28.57", "ok", "28.57");
    let wrong = BUDGET_CHANGE.replace("减幅 28.57%", "减幅 5%");
    expect(&wrong, "growth", "5", "mismatch", "29");
}

#[test]
fn a_budget_change_never_binds_a_spending() {
    // only the spending is stated: the budget the change is of is not, so the rate stays unchecked
    let text = "一、2018年“三公”经费决算情况\n\
        2018年“三公”经费支出总额2.5万元，其中：公务接待费1.5万元，公务用车运行维护费1万元。\
        2018年“三公”经费预算数比2017年预算数减少1万元，减幅20%。";
    no_mismatch(text);
    assert_eq!(claim(text, "growth", "20"), None);
}

/// Items parted by ； each with its own changes, one run on to the figure before it with no mark ("…的
/// 98.74%公务用车运行维护费支出…"): the list goes on to its last item, and a figure of the total's own family
/// after it (州本级“三公经费”) is another total, not a part.
const RUN_ON_ITEM: &str = "2021年全州“三公经费”财政拨款支出4,855万元,比上年减支433万元,降低8.19%。\
    其中:公车购置支出470万元,比上年减支1122万元,降低70.48%,为年初预算数476万元的98.74%\
    公务用车运行维护费支出3758万元,比上年增支816万元,增长27.74%,为年初预算数4688万元的80.16%;\
    公务接待费支出627万元,比上年减支125万元,降低16.62%,为年初预算数1035万元的60.58%;\
    因公出国费支出0万元,比上年减支2万元,为年初预算数1万元的0%\
    州本级“三公经费”财政拨款支出1127万元,比上年减支73万元,下降6.08%。";

#[test]
fn a_list_parted_by_semicolons_goes_on_past_a_run_on_item() {
    expect(RUN_ON_ITEM, "sum", "4855", "ok", "4855");
    let wrong = RUN_ON_ITEM.replace("公务接待费支出627万元", "公务接待费支出637万元");
    expect(&wrong, "sum", "4855", "mismatch", "4865");
}

#[test]
fn a_total_of_the_same_family_is_no_part() {
    // the 州本级 total after the items must not be added to the 全州 total
    no_mismatch(RUN_ON_ITEM);
    let r = support::check(RUN_ON_ITEM);
    assert!(
        !r.claims
            .iter()
            .any(|c| c.kind.name() == "sum"
                && c.inputs.0.iter().any(|(_, v)| v.to_string() == "1127")),
        "{}",
        support::describe(&r)
    );
}

/// A text that never says 决算 is read as a budget text, where "公务接待费支出 0.36 万元" is the budget; a
/// figure whose sentence says 支出 that differs from one written otherwise may still be the spending.
#[test]
fn a_spending_word_in_a_budget_text_is_not_judged_against_the_budget() {
    let text = "2018年“三公”经费预算数为2.5万元，其中：公务接待费2.5万元。2018年“三公”经费支出总额2.2万元，其中公务接待费2.2万元。本单位预算按规定编制，预算公开。";
    no_mismatch(text);
    let r = check(text);
    assert!(
        r.unchecked
            .iter()
            .any(|u| u.value.0.to_string() == "2.2"
                && u.reason.contains("可能一为预算数、一为支出数")),
        "{}",
        describe(&r)
    );
    // the same figure written both ways agrees
    let same = "2020年“三公”经费支出预算为0.36万元，其中：公务接待费支出预算为0.36万元。(一)公务接待费支出0.36万元，比2019年预算减少0.02万元。预算公开。";
    expect(same, "same-figure", "0.36", "ok", "0.36");
}
