//! Properties of the comparison-table reader: a consistent table (every 增减额, 增减率 / 完成率 and total
//! honestly computed and rounded half-up) is never a ✗ in any form it may be pasted in, and every one of
//! its figures is judged; and any mix of header words, numbers, markers and separators never panics.
#![cfg(not(target_arch = "wasm32"))]

use juesuan::{review, Preset, Verdict};
use proptest::prelude::*;

/// n / d rounded half away from zero (d > 0).
fn div_half_up(n: i128, d: i128) -> i128 {
    let q = (n.abs() * 2 + d) / (2 * d);
    if n < 0 {
        -q
    } else {
        q
    }
}

/// cents as "12.34" / "-0.05".
fn cents(c: i128) -> String {
    let sign = if c < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", c.abs() / 100, c.abs() % 100)
}

/// A rate in hundredths of a percent, as "12.34%".
fn rate(num: i128, den: i128) -> String {
    format!("{}%", cents(div_half_up(num * 10_000, den)))
}

/// The header lines of a variant: periods (上年/本年; two years with a bare 增长%; a group header over
/// 增减值 / 增减%) or a budget (预算/决算 with 增减额 or a bare 差额); and whether rates carry a % sign.
fn header(variant: usize) -> (Vec<Vec<&'static str>>, bool, bool) {
    match variant {
        0 => (
            vec![vec!["项目", "上年数", "本年数", "增减额", "增减率"]],
            false,
            true,
        ),
        1 => (
            vec![vec!["项目", "2022年", "2023年", "增减", "增长%"]],
            false,
            false,
        ),
        2 => (
            vec![
                vec!["项目及编号", "2022年度", "2023年度", "2023比2022增减"],
                vec!["增减值", "增减%"],
            ],
            false,
            true,
        ),
        3 => (
            vec![vec!["项目", "预算数", "决算数", "增减额", "完成率"]],
            true,
            true,
        ),
        _ => (
            vec![vec!["项目", "预算数", "决算数", "差额", "完成率(%)"]],
            true,
            false,
        ),
    }
}

/// One table: a 合计 over numbered parts (base, current in cents), in `form` (0 tab, 1 bar, 2 spaces).
fn table(parts: &[(i128, i128)], form: usize, variant: usize) -> String {
    let sep = ["\t", " | ", "  "][form];
    let line = |cells: Vec<String>| {
        let body = cells.join(sep);
        if form == 1 {
            format!("| {body} |\n")
        } else {
            format!("{body}\n")
        }
    };
    let (heads, budget, percent) = header(variant);
    let row = |label: String, p: i128, c: i128| {
        let r = if budget { rate(c, p) } else { rate(c - p, p) };
        let r = if percent {
            r
        } else {
            r.trim_end_matches('%').to_string()
        };
        line(vec![label, cents(p), cents(c), cents(c - p), r])
    };
    let mut t: String = heads
        .iter()
        .map(|h| line(h.iter().map(|c| c.to_string()).collect()))
        .collect();
    let (tp, tc) = parts.iter().fold((0, 0), |(a, b), (p, c)| (a + p, b + c));
    t.push_str(&row("合计".into(), tp, tc));
    for (k, &(p, c)) in parts.iter().enumerate() {
        t.push_str(&row(format!("{}.项目{k}", k + 1), p, c));
    }
    t
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn consistent_tables_are_never_wrong(
        parts in prop::collection::vec((1i128..100_000_000, 0i128..100_000_000), 1..9),
        form in 0usize..3,
        variant in 0usize..5,
    ) {
        let text = table(&parts, form, variant);
        let r = review(&text, &Preset::proportional());
        let wrong: Vec<String> = r
            .claims
            .iter()
            .filter(|c| c.verdict == Verdict::Mismatch)
            .map(|c| format!("{} {} {:?}", c.kind.name(), c.formula, c.recomputed))
            .collect();
        prop_assert!(wrong.is_empty(), "{text}\n{wrong:?}");
        // each row's change and rate, and the three amount columns' totals
        prop_assert_eq!(r.claims.len(), 2 * (parts.len() + 1) + 3, "{}", text);
        prop_assert!(r.unchecked.is_empty(), "{:?}", r.unchecked);
    }

    #[test]
    fn any_mix_of_cells_never_panics(
        cells in prop::collection::vec(
            prop::sample::select(vec![
                "项目", "上年数", "本年数", "预算数", "决算数", "增减额", "差额", "增减率", "完成率",
                "2016年度", "2017年度", "2017比2016增减", "增减值", "增减%", "合计", "(一)", "1.",
                "①", "0", "0.00", "-1.5", "99.93%", "1,234.56", "12.3.4", "—", "下降5%", "\t", "|", " ",
                "\n", "９９", "％", "万元", "单位：元", "1O", "99999999999999999999999999999",
            ]),
            0..80,
        ),
    ) {
        let text: String = cells.concat();
        let _ = review(&text, &Preset::proportional());
    }
}
