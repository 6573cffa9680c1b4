//! T7 as web pages paste it: one cell per line with " |" after each cell, a bar on its own line for an empty
//! cell, items as rows (in any order, with ordinals, with the first row's label lost), items as columns in the
//! header's own order, 预算数 only / 决算数 only / both, and 合计 / 一般公共预算 / 政府性基金 under each measure.

use juesuan::standard::*;

pub fn t7(text: &str) -> StandardTable {
    read_table(StandardKind::T7, text, 0)
}

/// The decided value of an item's cell as written ("0.36"), "" for a blank, "?" when undecided.
pub fn cell(t: &StandardTable, item: SgItem, budget: bool) -> String {
    let Some(row) = t.rows.first() else {
        return "no row".to_string();
    };
    match row.lookup(Col::Sg(item, budget)) {
        Lookup::Value(a) => a.value.to_string(),
        Lookup::Blank => String::new(),
        Lookup::Undecided => "?".to_string(),
    }
}

/// Every item's (预算数, 决算数) cell, in SgItem::ALL order.
fn cells(t: &StandardTable) -> Vec<(String, String)> {
    SgItem::ALL
        .iter()
        .map(|i| (cell(t, *i, true), cell(t, *i, false)))
        .collect()
}

fn pairs(v: [(&str, &str); 6]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn rules(t: &StandardTable) -> Vec<(String, Severity, String, String)> {
    check_tables(std::slice::from_ref(t))
        .into_iter()
        .map(|f| (f.rule, f.severity, f.stated, f.expected))
        .collect()
}

pub const BUDGET_COLUMNS: &str = "一、2022年一般公共预算“三公”经费支出预算表
单位:万元
“三公”经费合计 |
因公出国(境)费 |
公务用车购置及运行费 |
公务 接待费 |
||
小计 |
公务用车购置费 |
公务用车运行费 |
|||
12.36 |
0 |
8.00 |
5.00 |
3.00 |
4.36 |";

#[test]
fn items_as_columns_one_cell_per_line_budget_only() {
    let t = t7(BUDGET_COLUMNS);
    assert!(t.problems.is_empty(), "{:?}", t.problems);
    assert!(!t.rows[0].ambiguous);
    // (合计, 出国, 小计, 购置, 运行, 接待) × (预算数, 决算数): a 预算表 has no 决算数 column
    assert_eq!(
        cells(&t),
        pairs([
            ("12.36", ""),
            ("", ""),
            ("8.00", ""),
            ("5.00", ""),
            ("3.00", ""),
            ("4.36", "")
        ])
    );
    assert!(!t.columns.contains(&Col::Sg(SgItem::Total, false)));
    assert!(
        rules(&t).iter().all(|r| r.1 == Severity::Ok),
        "{:?}",
        rules(&t)
    );
}

#[test]
fn items_as_columns_in_the_headers_own_order() {
    let t = t7("“三公”经费支出预算表
单位：万元
合计 | 公务接待费 | 因公出国（境）费 | 公务用车购置及运行费 | | |
| | | 小计 | 购置费 | 运行费 |
10.00 | 4.00 | 1.00 | 5.00 | 0.00 | 5.00 |");
    assert_eq!(
        cells(&t),
        pairs([
            ("10.00", ""),
            ("1.00", ""),
            ("5.00", ""),
            ("", ""),
            ("5.00", ""),
            ("4.00", "")
        ])
    );
}

pub const ROWS_WITH_EMPTY_CELLS: &str = "一、2023年度一般公共预算财政拨款“三公”经费支出决算表
单位:万元
项 目 |
预 算 数 |
决 算 数 |
合 计 |
3 |
1.71 |
因公出国(境)费 |
|
|
公务接待费 |
1 |
0.53 |
公务用车购置及运行维护费 |
2 |
1.18 |
其中:公务用车运行维护费 |
|
|
公务用车购置费 |
|
|";

#[test]
fn items_as_rows_with_a_bar_line_for_each_empty_cell() {
    let t = t7(ROWS_WITH_EMPTY_CELLS);
    assert!(!t.rows[0].ambiguous);
    assert_eq!(
        cells(&t),
        pairs([
            ("3", "1.71"),
            ("", ""),
            ("2", "1.18"),
            ("", ""),
            ("", ""),
            ("1", "0.53")
        ])
    );
    // 购置费 and 运行维护费 printed without numbers: the 小计 is not added up (no 2 = 0 + 0), and says so
    let r = rules(&t);
    assert!(
        r.iter().all(|x| x.0 == "T7-1" && x.1 == Severity::Ok),
        "{r:?}"
    );
    assert!(
        t.problems.iter().any(|p| p.contains("未填数")),
        "{:?}",
        t.problems
    );
}

#[test]
fn items_as_rows_with_a_bar_line_closing_each_cell() {
    let t = t7("一、2020年一般公共预算“三公”经费支出预算表
单位:万元
项 目
|
预 算 数
|
合 计
|
0.36
|
因公出国(境)费
|
|
公务接待费
|
0.36
|
公务用车购置及运行费
|
|
其中:公务用车运行费
|
|
公务用车购置费
|
|");
    assert!(!t.rows[0].ambiguous);
    assert_eq!(
        cells(&t),
        pairs([
            ("0.36", ""),
            ("", ""),
            ("", ""),
            ("", ""),
            ("", ""),
            ("0.36", "")
        ])
    );
    assert!(
        rules(&t).iter().all(|r| r.1 == Severity::Ok),
        "{:?}",
        rules(&t)
    );
}

pub const ROWS_BY_FUND: &str = "一、2021年度一般公共预算及政府性基金财政拨款“三公”经费支出决算表
编制单位:某图书馆 金额单位:万元
项目 | 预算数 | 决算数 | ||||
合计 | 一般公共预算 | 政府性基金 | 合计 | 一般公共预算 | 政府性基金 | |
因公出国(境)费 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 |
公务接待费 | 1.15 | 0.95 | 0.20 | 0.39 | 0.39 | 0.00 |
公务用车购置及运行费 | 2.10 | 2.10 | 0.00 | 1.37 | 1.37 | 0.00 |
其中:公务用车运行维护费 | 2.10 | 2.10 | 0.00 | 1.37 | 1.37 | 0.00 |
公务用车购置费 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 |
总计 | 3.25 | 3.05 | 0.20 | 1.75 | 1.75 | 0.00 |";

#[test]
fn items_as_rows_with_fund_columns_and_the_total_last() {
    let t = t7(ROWS_BY_FUND);
    assert_eq!(t.unit.as_deref(), Some("万元"));
    assert!(!t.rows[0].ambiguous, "{:?}", t.problems);
    // the 合计 column under each measure is T7's; 一般公共预算 / 政府性基金 parts are not cells
    assert_eq!(
        cells(&t),
        pairs([
            ("3.25", "1.75"),
            ("", ""),
            ("2.10", "1.37"),
            ("", ""),
            ("2.10", "1.37"),
            ("1.15", "0.39")
        ])
    );
    assert!(t.rows[0]
        .cells
        .iter()
        .all(|c| matches!(c.column, Col::Sg(..))));
    let r = rules(&t);
    // 0.39 + 1.37 = 1.76 against 1.75: within rounding
    assert!(
        r.contains(&(
            "T7-1".into(),
            Severity::Rounding,
            "1.75".into(),
            "1.76".into()
        )),
        "{r:?}"
    );
    assert!(r.iter().all(|x| x.1 != Severity::Error), "{r:?}");
}

#[test]
fn items_as_rows_budget_only_numbered_and_out_of_order() {
    let t = t7("2021年区本级“三公”经费预算支出表
单位:万元
项目 |
预算数 |
合计 |
4432 |
1.因公出国(境)费用 |
39 |
2.公务接待费 |
323 |
3.公务用车购置及运行维护费 |
4070 |
其中:公务用车运行维护费 |
2648 |
公务用车购置 |
1422 |");
    assert_eq!(
        cells(&t),
        pairs([
            ("4432", ""),
            ("39", ""),
            ("4070", ""),
            ("1422", ""),
            ("2648", ""),
            ("323", "")
        ])
    );
    assert!(
        rules(&t).iter().all(|r| r.1 == Severity::Ok),
        "{:?}",
        rules(&t)
    );
}

pub const ROWS_FIRST_LABEL_LOST: &str = "一、2021年度“三公”经费财政拨款支出决算表
单位:万元 

63.30
42.00
因公出国(境)费
0.00
0.00
公务接待费
50.50
30.00
公务用车购置及运行维护费
12.80
12.00
  其中:公务用车运行维护费
12.80
12.00
        公务用车购置费
0.00
0.00";

#[test]
fn items_as_rows_whose_first_label_was_lost() {
    let t = t7(ROWS_FIRST_LABEL_LOST);
    assert!(!t.rows[0].ambiguous);
    assert_eq!(
        cells(&t),
        pairs([
            ("63.30", "42.00"),
            ("", ""),
            ("12.80", "12.00"),
            ("", ""),
            ("12.80", "12.00"),
            ("50.50", "30.00")
        ])
    );
}

#[test]
fn items_as_rows_with_the_final_accounts_only() {
    let t = t7("财政拨款“三公”经费支出决算表
单位：万元
项目 | 决算数 |
合计 | 5.50 |
因公出国（境）费 | |
公务用车购置及运行维护费 | 1.50 |
公务用车购置费 | 0.00 |
公务用车运行维护费 | 1.50 |
公务接待费 | 4.00 |");
    assert!(!t.columns.contains(&Col::Sg(SgItem::Total, true)));
    assert_eq!(cell(&t, SgItem::Total, false), "5.50");
    assert_eq!(cell(&t, SgItem::Abroad, false), "");
    assert_eq!(cell(&t, SgItem::Reception, false), "4.00");
    assert!(
        rules(&t).iter().all(|r| r.1 == Severity::Ok),
        "{:?}",
        rules(&t)
    );
}

#[test]
fn a_row_with_more_numbers_than_columns_is_not_read() {
    let t = t7("“三公”经费支出预算表\n项目 | 预算数 |\n合计 | 1.00 | 2.00 |\n公务接待费 | 1.00 |");
    assert!(t.rows.is_empty());
    assert!(
        t.problems.iter().any(|p| p.contains("多于")),
        "{:?}",
        t.problems
    );
}

#[test]
fn a_row_short_of_a_blank_is_placed_by_the_totals_or_left_undecided() {
    // PDF text drops the blank 决算数 of 因公出国（境）费: only 预算数 keeps 5.50 = 0.50 + 5.00
    let t = t7(
        "财政拨款“三公”经费支出决算表\n单位：万元\n项目 预算数 决算数\n合计 5.50 4.00\n\
        因公出国（境）费 0.50\n公务接待费 5.00 4.00",
    );
    assert!(!t.rows[0].ambiguous, "{:?}", t.rows[0].readings);
    assert_eq!(cell(&t, SgItem::Abroad, true), "0.50");
    assert_eq!(cell(&t, SgItem::Abroad, false), "");
    // 0.00 fits either column, and either way the cell is blank: nothing to decide, no error
    let t = t7(
        "财政拨款“三公”经费支出决算表\n单位：万元\n项目 预算数 决算数\n合计 4.00 4.00\n\
        因公出国（境）费 0.00\n公务接待费 4.00 4.00",
    );
    assert!(
        rules(&t).iter().all(|r| r.1 != Severity::Error),
        "{:?}",
        rules(&t)
    );
    assert_eq!(cell(&t, SgItem::Reception, false), "4.00");
}
