//! Table-driven: every form of figure domain.md lists, good and bad, read as a string and compared as strings.

use juesuan::num::figure::{parse_cell, parse_figure, parse_input};

/// (input, value, scale, unit, comparator symbol or "")
const GOOD: &[(&str, &str, u32, &str, &str)] = &[
    ("1,810.23 万元", "1810.23", 2, "万元", ""),
    ("1,810.23万元", "1810.23", 2, "万元", ""),
    ("-2.80%", "-2.80", 2, "%", ""),
    ("50.80%", "50.80", 2, "%", ""),
    ("＝１２３", "123", 0, "", "="),
    ("１，８１０．２３", "1810.23", 2, "", ""),
    ("９９．０５％", "99.05", 2, "%", ""),
    (">=24 期", "24", 0, "期", "≥"),
    ("≥24期", "24", 0, "期", "≥"),
    ("＞＝24 期", "24", 0, "期", "≥"),
    ("<=0.55 万元", "0.55", 2, "万元", "≤"),
    ("≤0.55万元", "0.55", 2, "万元", "≤"),
    ("=61.99 万条", "61.99", 2, "万条", "="),
    ("=61.99 万\n条", "61.99", 2, "万\n条", "="),
    ("1,305.1 7", "1305.17", 2, "", ""),
    ("1,305.1 7 万元", "1305.17", 2, "万元", ""),
    ("1497.6\n0", "1497.60", 2, "", ""),
    ("100.0\n\n0%", "100.00", 2, "%", ""),
    ("23 万余", "23", 0, "万余", ""),
    ("0.00", "0.00", 2, "", ""),
    ("0", "0", 0, "", ""),
    ("100%", "100", 0, "%", ""),
    ("  993.12  ", "993.12", 2, "", ""),
    ("+5.00", "5.00", 2, "", ""),
    (">5 个", "5", 0, "个", ">"),
    ("<3 小时", "3", 0, "小时", "<"),
    ("<=20 元/件", "20", 0, "元/件", "≤"),
    (">=2 次/月", "2", 0, "次/月", "≥"),
    ("=0.5 万元", "0.5", 1, "万元", "="),
    ("1,000,000.00 元", "1000000.00", 2, "元", ""),
    ("2.5 亿元", "2.5", 1, "亿元", ""),
    ("=2710 个", "2710", 0, "个", "="),
    ("٣٤ 人", "34", 0, "人", ""),
    ("−3.14", "-3.14", 2, "", ""),
    ("0.001", "0.001", 3, "", ""),
    (
        "12345678901234567890123456.7",
        "12345678901234567890123456.7",
        1,
        "",
        "",
    ),
];

/// (input, a substring the Chinese message must contain)
const BAD: &[(&str, &str)] = &[
    ("", "请填写"),
    ("   ", "请填写"),
    ("abc", "没有数字"),
    ("NaN", "没有数字"),
    ("12a.3", "数字中夹有其他字符"),
    ("1e5", "数字中夹有其他字符"),
    ("--5", "数字前有多余的字符"),
    ("(1,234.00)", "数字前有多余的字符"),
    ("1,23.00", "千分位"),
    ("12,3456", "千分位"),
    ("1.2.3", "两个小数点"),
    ("1.", "小数点后缺少数字"),
    ("万元", "没有数字"),
    (">=", "没有数字"),
    ("1234567890123456789012345678901234567890", "位数过多"),
    ("0.00000000000000000000000000000001", "位数过多"),
];

#[test]
fn good_figures_keep_value_scale_unit_and_comparator() {
    for &(input, value, scale, unit, cmp) in GOOD {
        let f = parse_figure(input).unwrap_or_else(|e| panic!("{input:?} should parse, got {e}"));
        let got_cmp = f.comparator.map_or("", |c| c.symbol());
        assert_eq!(
            (
                f.value.to_string().as_str(),
                f.scale,
                f.unit.as_str(),
                got_cmp
            ),
            (value, scale, unit, cmp),
            "input {input:?}"
        );
    }
}

#[test]
fn bad_figures_name_the_text_and_the_reason() {
    for &(input, reason) in BAD {
        let e = parse_figure(input).expect_err(input).to_string();
        assert!(
            e.contains(reason),
            "{input:?}: message {e:?} lacks {reason:?}"
        );
        if !input.trim().is_empty() && reason != "请填写" {
            assert!(
                e.contains(input.trim()),
                "{input:?}: message {e:?} does not name the text"
            );
        }
    }
}

#[test]
fn not_applicable_cells_are_none() {
    for input in ["—", "——", "-", " — ", "/", ""] {
        assert_eq!(parse_cell(input), Ok(None), "{input:?}");
    }
    assert_eq!(
        parse_cell("5.00").map(|f| f.map(|f| f.value.to_string())),
        Ok(Some("5.00".to_string()))
    );
}

#[test]
fn calculator_fields_accept_money_units_and_reject_other_text() {
    assert_eq!(
        parse_input("预算数", "993.12 万元").map(|f| f.value.to_string()),
        Ok("993.12".to_string())
    );
    let e = parse_input("预算数", "993.12 台")
        .expect_err("a count unit is not money")
        .to_string();
    assert!(e.contains("多余的字符"), "{e}");
    let e = parse_input("预算数", " ").expect_err("empty").to_string();
    assert_eq!(e, "请填写预算数");
}

#[test]
fn the_catalogue_has_at_least_forty_cases() {
    assert!(
        GOOD.len() + BAD.len() >= 40,
        "{} cases",
        GOOD.len() + BAD.len()
    );
}
