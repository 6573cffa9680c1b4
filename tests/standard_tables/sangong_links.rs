//! N-10: the 说明's “三公” amounts against T7, whatever the phrasing. Only an amount whose item, measure and
//! year are bound is a cell; changes, other years and rates are not. An 错误 only when every remaining
//! reading of the table disagrees.

use super::sangong::{t7, BUDGET_COLUMNS, ROWS_BY_FUND, ROWS_WITH_EMPTY_CELLS};
use juesuan::standard::*;

/// The N-10 findings of `narrative` against `table`: (stated, severity, expected), in 说明 order.
fn n10(table: &str, narrative: &str) -> Vec<(String, Severity, String)> {
    let tables = vec![t7(table)];
    let mut f: Vec<TableFinding> = check_text_against_tables(narrative, 0, &tables)
        .into_iter()
        .filter(|f| f.rule == "N-10")
        .collect();
    f.sort_by_key(|f| f.span);
    f.into_iter()
        .map(|f| (f.stated, f.severity, f.expected))
        .collect()
}

fn ok(stated: &str, expected: &str) -> (String, Severity, String) {
    (stated.into(), Severity::Ok, expected.into())
}

fn err(stated: &str, expected: &str) -> (String, Severity, String) {
    (stated.into(), Severity::Error, expected.into())
}

#[test]
fn every_phrasing_of_an_item_amount_is_compared_with_its_cell() {
    let narrative = "寿县某局2022年一般公共预算“三公”经费支出预算为12.36万元，比上年预算减少1.64万元，下降11.71%。\
        其中：因公出国（境）费支出预算为0万元，公务接待费支出预算为4.36万元，公务用车购置及运行费支出预算为8.00万元。\
        （二）公务接待费支出预算4.36万元，比2021年预算减少0.5万元。\
        （三）公务用车购置及运行费。支出预算8.00万元。其中：公务用车运行费5.00万元，公务用车购置费3.00万元。";
    assert_eq!(
        n10(BUDGET_COLUMNS, narrative),
        vec![
            ok("12.36", "12.36"),
            ok("0", "0.00"),
            ok("4.36", "4.36"),
            ok("8.00", "8.00"),
            ok("4.36", "4.36"),
            ok("8.00", "8.00"),
            // the table has 购置费 5.00 and 运行费 3.00: the 说明 swaps them
            err("5.00", "3.00"),
            err("3.00", "5.00"),
        ]
    );
}

#[test]
fn changes_other_years_and_rates_are_not_cells() {
    let narrative = "2022年“三公”经费支出预算比上年减少1.64万元，下降11.71%。\
        2021年“三公”经费预算为14.00万元。上年公务接待费预算为4.86万元。\
        公务接待费较上年减少0.50万元。公务用车购置及运行费按全市综合定额全年4万元/辆。\
        公务接待费和公务用车运行费支出9.36万元。其中：国内公务接待费3.00万元。";
    assert_eq!(n10(BUDGET_COLUMNS, narrative), vec![]);
}

#[test]
fn the_other_measure_after_a_comma_and_amounts_without_a_measure_word() {
    let narrative = "某中心2023年度一般公共预算财政拨款“三公”经费支出预算为3万元，支出决算为1.71万元，完成预算的57%。\
        公务接待费支出决算0.53万元，占31%；公务用车购置及运行维护费支出决算1.18万元。\
        1.公务接待费预算为1万元，支出决算为0.53万元。\
        2.公务接待费支出0.53万元。3.公务接待费支出0.60万元。";
    assert_eq!(
        n10(ROWS_WITH_EMPTY_CELLS, narrative),
        vec![
            ok("3", "3.00"),
            ok("1.71", "1.71"),
            ok("0.53", "0.53"),
            ok("1.18", "1.18"),
            ok("1", "1.00"),
            ok("0.53", "0.53"),
            // no measure word: 0.53 is the 决算数
            ok("0.53", "0.53"),
            // no measure word, and neither 1 nor 0.53: not a 错误, not checked
            ("".into(), Severity::NotChecked, "".into()),
        ]
    );
}

#[test]
fn a_fund_the_table_splits_off_is_not_its_total() {
    // the table's 公务接待费 预算数 is 1.15 in all, 0.95 of it 一般公共预算
    let narrative = "2021年度一般公共预算及政府性基金财政拨款“三公”经费支出年初预算3.25万元，支出决算1.75万元。\
        2021年度一般公共预算财政拨款公务接待费支出预算0.95万元。\
        公务接待费支出决算0.39万元，占22.29%。";
    assert_eq!(
        n10(ROWS_BY_FUND, narrative),
        vec![ok("3.25", "3.25"), ok("1.75", "1.75"), ok("0.39", "0.39")]
    );
}

#[test]
fn an_error_only_when_every_reading_of_a_short_data_line_disagrees() {
    // "0.95 0.95" under twelve columns: 合计 and one item, 预算数 or 决算数, are all still possible
    let table = "财政拨款“三公”经费支出决算表\n单位：万元\n合计 因公出国（境）费 公务用车购置及运行费 公务接待费\n\
        小计 公务用车购置费 公务用车运行费\n预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数\n0.95 0.95";
    let f = n10(
        table,
        "“三公”经费财政拨款支出年初预算为0.95万元。公务接待费支出决算为0.95万元。公务接待费支出决算为0.50万元。",
    );
    assert_eq!(f.len(), 3, "{f:?}");
    assert_ne!(f[0].1, Severity::Error, "{f:?}");
    // 公务接待费·决算数 is 0.95 under some readings, blank under others: never 0.95 = ✗
    assert_ne!(f[1].1, Severity::Error, "{f:?}");
    // 0.50 is neither 0.95 nor blank: wrong under every reading
    assert_eq!(f[2].1, Severity::Error, "{f:?}");
}

#[test]
fn a_table_without_its_unit_gives_no_error() {
    let table = "财政拨款“三公”经费支出决算表\n项目 | 决算数 |\n合计 | 5.50 |\n公务接待费 | 4.00 |\n公务用车购置及运行维护费 | 1.50 |";
    let f = n10(
        table,
        "“三公”经费支出决算为5.50万元，其中：公务接待费支出决算为4.50万元。",
    );
    assert_eq!(f[0], ok("5.50", "5.50"));
    assert_eq!(f[1].1, Severity::NotChecked, "{f:?}");
}

#[test]
fn the_review_links_the_narrative_figure_and_the_cell_once() {
    let text = format!(
        "{BUDGET_COLUMNS}\n二、2022年一般公共预算“三公”经费支出预算情况说明\n\
         某局2022年一般公共预算“三公”经费支出预算为12.36万元，比上年预算减少1.64万元，下降11.71%。\
         其中：公务接待费支出预算为4.36万元。"
    );
    let r = juesuan::review(&text, &juesuan::Preset::proportional());
    let chars: Vec<char> = text.chars().collect();
    let at = |s: [usize; 2]| chars[s[0]..s[1]].iter().collect::<String>();
    let links: Vec<_> = r
        .claims
        .iter()
        .filter(|c| c.rule.as_deref() == Some("N-10"))
        .collect();
    assert_eq!(links.len(), 2, "{links:#?}");
    let total = links[0];
    assert_eq!(total.stated, "12.36");
    assert_eq!(total.verdict, juesuan::Verdict::Ok);
    // the 说明's figure and the table's cell are both sources, each at its own place in the paste
    let spans: Vec<String> = total
        .sources
        .iter()
        .filter_map(|s| s.span.map(at))
        .collect();
    assert_eq!(spans, vec!["12.36", "12.36"]);
    assert_ne!(total.sources[0].span, total.sources[1].span);
    // a figure compared with the table is not listed as unchecked
    assert!(
        r.unchecked.iter().all(|u| !at(u.span).starts_with("4.36")),
        "{:?}",
        r.unchecked
    );
    // the 下降率 is the narrative rules' claim; N-13 does not repeat it
    assert!(r
        .claims
        .iter()
        .any(|c| c.stated == "11.71" && c.rule.is_none()));
    assert!(!r.claims.iter().any(|c| c.rule.as_deref() == Some("N-13")));
}

#[test]
fn an_amount_the_table_cannot_settle_is_listed_with_its_reason() {
    let text = format!(
        "{ROWS_WITH_EMPTY_CELLS}\n二、2023年度“三公”经费支出情况说明\n公务接待费支出0.60万元，主要用于业务接待。"
    );
    let r = juesuan::review(&text, &juesuan::Preset::proportional());
    let chars: Vec<char> = text.chars().collect();
    let u = r
        .unchecked
        .iter()
        .find(|u| {
            chars[u.span[0]..u.span[1]]
                .iter()
                .collect::<String>()
                .starts_with("0.60")
        })
        .expect("0.60 listed as unchecked");
    assert!(
        u.reason.starts_with("N-10") && u.reason.contains("预算数还是决算数"),
        "{}",
        u.reason
    );
    assert!(!r
        .claims
        .iter()
        .any(|c| c.verdict == juesuan::Verdict::Mismatch));
}

#[test]
fn an_item_in_a_part_not_about_sangong_is_not_linked() {
    // the 基本支出 part's 公务接待费 is the 一般公共预算 basic expenditure's, not T7's
    let narrative = "六、一般公共预算财政拨款基本支出决算情况说明\n\
        公用经费主要包括办公费、公务接待费等，其中：公务接待费支出决算2.00万元。\n\
        七、财政拨款“三公”经费支出决算情况说明\n（一）总体情况\n公务接待费支出决算0.53万元。";
    assert_eq!(
        n10(ROWS_WITH_EMPTY_CELLS, narrative),
        vec![ok("0.53", "0.53")]
    );
}

#[test]
fn what_the_reader_could_not_check_or_assumed_is_reported() {
    let text = format!("{ROWS_WITH_EMPTY_CELLS}\n二、说明\n无。");
    let r = juesuan::review(&text, &juesuan::Preset::proportional());
    assert!(
        r.problems
            .iter()
            .any(|p| p.message.starts_with("T7：") && p.message.contains("未填数")),
        "{:?}",
        r.problems
    );
}
