//! Text laid out in columns (a PDF's text layer, `pdftotext -layout`, a yearbook page): a year-series table
//! whose cells are apart by runs of spaces, each row's 比上年增长 (%) judged against the row of the year
//! before; tables whose columns are not certain are listed, never ✗; prose with double spaces stays prose.

mod support;
use juesuan::{Review, Verdict};
use support::{check, describe};

/// The growth claims of a review: (stated, verdict, recomputed).
fn growths(r: &Review) -> Vec<(&str, Verdict, Option<&str>)> {
    r.claims
        .iter()
        .filter(|c| c.kind.name() == "growth")
        .map(|c| (c.stated.as_str(), c.verdict, c.recomputed.as_deref()))
        .collect()
}

fn unchecked_reason(r: &Review, value: &str) -> String {
    r.unchecked
        .iter()
        .find(|u| u.value.0.to_string() == value)
        .map(|u| u.reason.clone())
        .unwrap_or_else(|| panic!("{value} not listed\n  {}", describe(r)))
}

fn mismatches(r: &Review) -> usize {
    r.claims
        .iter()
        .filter(|c| c.verdict == Verdict::Mismatch)
        .count()
}

const TABLE: &str = "\
表 3  2019—2021 年度某县财政收支情况表

   年份     一般公共预算收入(万元)    比上年增长(%)    一般公共预算支出(万元)    增幅(%)
   2019           820.00                 5.2               1200.00            3.1
   2020           861.00                 5.0               1260.00            5.0

   2021           900.00                 4.5               1134.00           -8.0
";

#[test]
fn each_row_growth_is_judged_against_the_year_before() {
    let r = check(TABLE);
    assert_eq!(
        growths(&r),
        [
            ("5.0", Verdict::Ok, Some("5.0")),
            ("5.0", Verdict::Ok, Some("5.0")),
            ("4.5", Verdict::Ok, Some("4.5")),
            ("-8.0", Verdict::Mismatch, Some("-10.0")),
        ],
        "{}",
        describe(&r)
    );
    // the first year's prior is not in the table: listed with its reason
    assert!(
        unchecked_reason(&r, "5.2").contains("2018"),
        "{}",
        describe(&r)
    );
    assert!(
        unchecked_reason(&r, "3.1").contains("2018"),
        "{}",
        describe(&r)
    );
    // the figures keep their places in the paste
    let wrong = r.claims.iter().find(|c| c.stated == "-8.0").unwrap();
    let chars: Vec<char> = TABLE.chars().collect();
    let stated: String = chars[wrong.span[1] - 4..wrong.span[1]].iter().collect();
    assert_eq!(stated, "-8.0");
}

#[test]
fn a_header_broken_over_two_lines_lines_up_with_its_columns() {
    // (a line break escaped with \ would drop the first line's indent)
    let text = "          年份        地区生产总值   (亿元)                        财政总收入(亿元)
                                         比上年增长    (%)                      比上年增长   (%)
          2020            250.00              2.0              30.00              4.0
          2021            275.00             10.0              33.30             11.0
";
    let r = check(text);
    assert_eq!(
        growths(&r),
        [
            ("10.0", Verdict::Ok, Some("10.0")),
            ("11.0", Verdict::Ok, Some("11.0")),
        ],
        "{}",
        describe(&r)
    );
}

#[test]
fn years_may_run_backwards() {
    let text = "\
年份  收入(万元)  增长率
2021年  110.00  12.0
2020年  100.00  5.0
";
    let r = check(text);
    assert_eq!(
        growths(&r),
        [("12.0", Verdict::Mismatch, Some("10.0"))],
        "{}",
        describe(&r)
    );
}

#[test]
fn rows_of_other_widths_leave_the_table_unchecked() {
    let text = "\
年份    收入(万元)    比上年增长(%)    支出(万元)    比上年增长(%)
2020    100.00    5.0    90.00    1.0
2021    110.00    7.0    99.00
2022    121.00    10.0    108.90    10.0
";
    let r = check(text);
    assert!(growths(&r).is_empty(), "{}", describe(&r));
    assert!(
        unchecked_reason(&r, "7.0").contains("表头"),
        "{}",
        describe(&r)
    );
}

#[test]
fn years_with_a_gap_leave_the_table_unchecked() {
    let text = "\
年份    收入(万元)    比上年增长(%)
2019    100.00    5.0
2021    110.00    7.0
";
    let r = check(text);
    assert!(growths(&r).is_empty(), "{}", describe(&r));
    assert!(
        unchecked_reason(&r, "7.0").contains("年份"),
        "{}",
        describe(&r)
    );
}

#[test]
fn a_table_without_a_growth_column_is_not_judged() {
    let text = "\
年份    收入(万元)    支出(万元)
2020    100.00    90.00
2021    110.00    99.00
";
    let r = check(text);
    assert!(growths(&r).is_empty(), "{}", describe(&r));
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
}

#[test]
fn a_growth_after_two_amounts_is_not_judged() {
    let text = "\
年份    收入(万元)    支出(万元)    比上年增长(%)
2020    100.00    90.00    3.0
2021    110.00    99.00    50.0
";
    let r = check(text);
    assert!(growths(&r).is_empty(), "{}", describe(&r));
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
    assert!(
        unchecked_reason(&r, "50.0").contains("比上年增长"),
        "{}",
        describe(&r)
    );
}

#[test]
fn prose_with_double_spaces_stays_prose() {
    let text = "\
2021 年  全县一般公共预算收入 29.56 亿元，比上年增长 7.7%。
2020 年  全县一般公共预算收入 27.45 亿元，比上年增长  2.0%。
";
    let r = check(text);
    assert!(
        r.sections.iter().all(|s| s.kind == "narrative"),
        "{:?}",
        r.sections.iter().map(|s| s.kind).collect::<Vec<_>>()
    );
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
}

#[test]
fn a_second_header_line_out_of_line_with_the_figures_is_not_read() {
    // the growth headers stand left of their columns: which figures they name is not plain
    let text = "          年份        地区生产总值   (亿元)                        财政总收入(亿元)
  比上年增长 (%)    比上年增长 (%)
          2020            250.00              2.0              30.00              4.0
          2021            275.00             10.0              33.30             11.0
";
    let r = check(text);
    assert!(growths(&r).is_empty(), "{}", describe(&r));
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
}

/// A two-column page as a PDF's text layer keeps it: each line holds a line of the left column, a wide gap
/// and a line of the right column, which starts at one char column (the layout pads by chars).
fn two_columns(rows: &[(&str, &str)]) -> String {
    rows.iter()
        .map(|(l, r)| format!("  {l:<40}{r}\n"))
        .collect()
}

const LEFT_RIGHT: [(&str, &str); 3] = [
    (
        "本单位 2021 年收入合计 100.00 万元，其中财政",
        "本年支出合计 100.00 万元，其中基本",
    ),
    (
        "拨款收入 70.00 万元，其他收入 30.00 万",
        "支出 60.00 万元，项目支出 41.00 万",
    ),
    ("元。", "元。"),
];

#[test]
fn two_columns_interleaved_line_by_line_are_read_one_after_the_other() {
    let text = two_columns(&LEFT_RIGHT);
    let r = check(&text);
    let sums: Vec<_> = r
        .claims
        .iter()
        .filter(|c| c.kind.name() == "sum")
        .map(|c| (c.stated.as_str(), c.verdict, c.recomputed.as_deref()))
        .collect();
    assert_eq!(
        sums,
        [
            ("100.00", Verdict::Ok, Some("100.00")),
            ("100.00", Verdict::Mismatch, Some("101.00")),
        ],
        "{}",
        describe(&r)
    );
    // spans stay the paste's: the wrong total's parts are in the right column
    let chars: Vec<char> = text.chars().collect();
    let wrong = r
        .claims
        .iter()
        .find(|c| c.verdict == Verdict::Mismatch)
        .unwrap();
    for s in &wrong.sources {
        let [a, b] = s.span.unwrap();
        let written: String = chars[a..b].iter().filter(|c| !c.is_whitespace()).collect();
        assert!(
            written.starts_with(&s.value.0.to_string()),
            "{written} {}",
            s.value.0
        );
    }
}

#[test]
fn one_line_with_a_wide_gap_is_read_as_written() {
    // a single line with a wide gap is no column layout: nothing is moved
    let text =
        "本年收入合计 100.00 万元，其中财政拨款收入          70.00 万元，其他收入 30.00 万元。\n\
                本年支出合计 90.00 万元。\n";
    let r = check(text);
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
    assert!(
        r.claims
            .iter()
            .any(|c| c.kind.name() == "sum" && c.verdict == Verdict::Ok),
        "{}",
        describe(&r)
    );
}

const WITH_TABLE: &str = "\
2021 年，全县完成一般公共预算收入 900.00 万元，比上年增长 4.8%。

年份    一般公共预算收入(万元)    比上年增长(%)
2020    861.00    5.0
2021    900.00    4.5
";

#[test]
fn last_years_figure_may_come_from_the_years_table() {
    let r = check(WITH_TABLE);
    let narrative = r
        .claims
        .iter()
        .find(|c| c.stated == "4.8")
        .unwrap_or_else(|| panic!("{}", describe(&r)));
    assert_eq!(
        (narrative.verdict, narrative.recomputed.as_deref()),
        (Verdict::Mismatch, Some("4.5")),
        "{}",
        describe(&r)
    );
    assert_eq!(narrative.sources[1].value.0.to_string(), "861.00");
}

#[test]
fn a_table_row_of_another_figure_or_name_is_not_last_years() {
    // this year's figure is in no row: the table is another measure or another year
    let other_figure = WITH_TABLE.replace("收入 900.00 万元", "收入 905.00 万元");
    let r = check(&other_figure);
    assert!(
        unchecked_reason(&r, "4.8").contains("上年"),
        "{}",
        describe(&r)
    );
    // the same figure under another name
    let other_name = WITH_TABLE.replace("完成一般公共预算收入", "完成税收收入");
    let r = check(&other_name);
    assert!(
        unchecked_reason(&r, "4.8").contains("上年"),
        "{}",
        describe(&r)
    );
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
}

#[test]
fn a_growth_column_wrong_in_most_rows_is_not_judged() {
    // more likely another measure's growth (or a column read out of line) than wrong in every row
    let text = "\
年份    收入(万元)    比上年增长(%)
2019    100.00    1.0
2020    110.00    3.0
2021    121.00    4.0
2022    133.10    10.0
";
    let r = check(text);
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
    assert!(
        unchecked_reason(&r, "3.0").contains("多数行"),
        "{}",
        describe(&r)
    );
    assert!(
        r.problems.iter().any(|p| p.message.contains("比上年增长")),
        "{}",
        describe(&r)
    );
}

#[test]
fn a_growth_header_without_percent_is_not_judged() {
    // 比上年增长 alone may be an amount of change: its figures are listed, not judged
    let text = "\
年份    收入(万元)    比上年增长
2020    100.00    5.00
2021    110.00    10.00
";
    let r = check(text);
    assert!(growths(&r).is_empty(), "{}", describe(&r));
    assert_eq!(mismatches(&r), 0, "{}", describe(&r));
}

#[test]
fn a_rate_over_another_year_is_not_bound_to_the_year_before() {
    // 比 2019 年 compares with two years back; 两年平均 is no growth over last year
    for rate in [
        "比 2019 年增长 9.8%",
        "两年平均增长 4.8%",
        "比 2019 年增长 12.0%",
    ] {
        let text = WITH_TABLE
            .replace("比上年增长 4.8%", rate)
            .replace("2020    861.00", "2019    820.00    4.0\n2020    861.00");
        let r = check(&text);
        assert_eq!(mismatches(&r), 0, "{text}\n  {}", describe(&r));
        assert!(
            r.claims.iter().all(|c| c.formula.contains("年度数据表")),
            "{text}\n  {}",
            describe(&r)
        );
    }
}

#[test]
fn another_figure_between_does_not_stop_the_binding() {
    let text = WITH_TABLE.replace("比上年增长 4.8%", "完成预算的 101.2%，比上年增长 4.8%");
    let r = check(&text);
    let c = r
        .claims
        .iter()
        .find(|c| c.stated == "4.8")
        .unwrap_or_else(|| panic!("{}", describe(&r)));
    assert_eq!(
        (c.verdict, c.recomputed.as_deref()),
        (Verdict::Mismatch, Some("4.5"))
    );
}

#[test]
fn a_cell_that_cannot_be_read_leaves_the_table_unchecked() {
    let text = "\
年份    收入(万元)    比上年增长(%)
2020    100.00    5.0
2021    110.0.0    10.0
";
    let r = check(text);
    assert!(growths(&r).is_empty(), "{}", describe(&r));
    assert!(
        r.problems.iter().any(|p| p.message.contains("110.0.0")),
        "{}",
        describe(&r)
    );
}
