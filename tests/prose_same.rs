//! A 三公 item stated again in other words (restated figures): the reading of its year, its heading and its
//! scope, each with a case where the wrong reading must give no ✗.

use juesuan::{review, Preset, Review};

fn same_figures(text: &str) -> Vec<(String, String)> {
    let r: Review = review(text, &Preset::proportional());
    r.claims
        .iter()
        .filter(|c| c.kind.name() == "same-figure")
        .map(|c| (c.verdict.name().to_string(), c.stated.clone()))
        .collect()
}

fn has(text: &str, verdict: &str, stated: &str) -> bool {
    same_figures(text)
        .iter()
        .any(|(v, s)| v == verdict && s == stated)
}

#[test]
fn a_year_after_a_comparison_is_not_the_figures_year() {
    let text = "宁国市城管局2016年度“三公”经费财政拨款支出决算为68.30万元。其中：因公出国（境）费支出决算为0万元；\
                公务接待费支出决算为26.40万元；公务车购置及运行维护费支出决算为41.90万元。具体情况如下：\n\
                （二）公务接待经费支出26.50万元，与2015年度决算相比，减少9.60万元。";
    assert!(has(text, "mismatch", "26.50"), "{:?}", same_figures(text));
    let right = text.replace("26.50", "26.40");
    assert!(has(&right, "ok", "26.40"), "{:?}", same_figures(&right));
}

#[test]
fn a_level_after_a_compared_year_is_that_years() {
    // 16.08 is the 2014 total: no pair with the 2015 one
    let text = "2015年部门决算公开“三公”经费合计31.23万元，其中：公务接待费1.58万元，车辆运行费29.65万元。\
                较2014年度部门决算公开“三公”经费合计16.08万元增加15.15万元。";
    assert!(same_figures(text).is_empty(), "{:?}", same_figures(text));
}

#[test]
fn a_bare_measure_under_a_heading_is_the_headings_item() {
    let text = "2022年，某馆三公经费支出预算4.30万元，比2021年预算减少6.80万元。其中因公出国（境）费0万元，\
                公务接待费1.90万元，公务用车购置及运行费2.40万元。具体情况如下：\n\
                （三）公务用车购置及运行费。支出预算2.50万元，比2021年预算减少6.80万元。";
    assert!(has(text, "mismatch", "2.50"), "{:?}", same_figures(text));
}

#[test]
fn a_heading_under_another_fund_scope_is_not_bound() {
    // the 全口径 and the 一般公共预算 sections may hold different figures for one item
    let text = "一、全口径预算安排2017年三公经费预算总计21.56万元。\n\
                （二）2017年公务接待费预算1.61万元，同比减少0.10万元。\n\
                二、一般公共预算安排2017年三公经费预算总计20.00万元。\n\
                （二）2017年公务接待费预算1.50万元，同比减少0.10万元。";
    assert!(
        !same_figures(text).iter().any(|(v, _)| v == "mismatch"),
        "{:?}",
        same_figures(text)
    );
}

#[test]
fn a_mention_naming_no_scope_takes_the_one_its_text_names() {
    let text = "区直文化系统厅本级和11家直属单位2015年共计支出“三公经费”394.85万元，其中：因公出国（境）支出\
                186.42万元，公务接待费支出15.71万元，公务用车购置及运行维护费支出192.72万元。\n\
                因公出国（境）支出186.24万元。主要是临时出访任务。";
    assert!(has(text, "mismatch", "186.24"), "{:?}", same_figures(text));
}

#[test]
fn a_name_saying_budget_is_not_the_spending() {
    let text = "2015年区直文化系统“三公”经费支出394.85万元，其中：因公出国（境）支出186.42万元。\n\
                主要原因为2015年我厅系统“三公经费”部门预算451.62万元，比2014年增加164.45万元。";
    assert!(
        !same_figures(text).iter().any(|(v, _)| v == "mismatch"),
        "{:?}",
        same_figures(text)
    );
}

#[test]
fn an_items_change_restated_under_its_level() {
    let text = "2015年部门决算公开“三公”经费合计30.49万元，其中：公务接待费1.58万元，车辆运行费28.91万元。\
                较2014年度部门决算公开“三公”经费合计15.96万元增加14.53万元。其中：公务接待费减少0.26万元，\
                公务用车运行维护费增加14.79万元。\n2、公车运行费\n2015年度单位公务用车保有量为2辆。\
                公务用车运行维护费28.91万元，较2014年度增加14.97万元。";
    assert!(has(text, "mismatch", "14.97"), "{:?}", same_figures(text));
    // against the year's budget, the change is another quantity
    let budget = text.replace("较2014年度增加14.97万元", "较年初预算增加14.97万元");
    assert!(
        !same_figures(&budget).iter().any(|(v, _)| v == "mismatch"),
        "{:?}",
        same_figures(&budget)
    );
}
