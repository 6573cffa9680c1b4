//! The interval rule at its boundaries: |diff| exactly ½·10⁻ᵈ·(n+1) is a rounding tail, one unit more is a
//! mismatch; a stated rate whose interval just touches the formula's range is a rounding tail.

use juesuan::num::figure::{parse_figure, Figure};
use juesuan::num::rates::{rate, RateKind};
use juesuan::num::verdict::{check_rate, check_sum, Verdict};

fn fig(s: &str) -> Figure {
    parse_figure(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn sum_verdict(total: &str, parts: &[&str]) -> (Verdict, String, [String; 2]) {
    let parts: Vec<Figure> = parts.iter().map(|p| fig(p)).collect();
    let c = check_sum(&fig(total), &parts).expect("no overflow");
    let (lo, hi) = c.interval.expect("interval");
    (
        c.verdict,
        c.recomputed.expect("recomputed").to_string(),
        [lo.to_string(), hi.to_string()],
    )
}

#[test]
fn sums_at_and_just_over_the_tolerance() {
    // (stated total, parts, verdict, recomputed, accepted interval)
    type Case<'a> = (&'a str, &'a [&'a str], Verdict, &'a str, [&'a str; 2]);
    let cases: &[Case] = &[
        // n = 1: tolerance ½·0.01·2 = 0.01
        (
            "5.01",
            &["5.00"],
            Verdict::Rounding,
            "5.00",
            ["4.99", "5.01"],
        ),
        (
            "5.02",
            &["5.00"],
            Verdict::Mismatch,
            "5.00",
            ["4.99", "5.01"],
        ),
        ("5.00", &["5.00"], Verdict::Ok, "5.00", ["4.99", "5.01"]),
        // n = 3: tolerance 0.02 (the seed's 收入总计: 1511.95 + 298.27 + 0.00 = 1810.22, stated 1810.23)
        (
            "1810.23",
            &["1511.95", "298.27", "0.00"],
            Verdict::Rounding,
            "1810.22",
            ["1810.20", "1810.24"],
        ),
        (
            "1810.24",
            &["1511.95", "298.27", "0.00"],
            Verdict::Rounding,
            "1810.22",
            ["1810.20", "1810.24"],
        ),
        (
            "1810.25",
            &["1511.95", "298.27", "0.00"],
            Verdict::Mismatch,
            "1810.22",
            ["1810.20", "1810.24"],
        ),
        (
            "1810.20",
            &["1511.95", "298.27", "0.00"],
            Verdict::Rounding,
            "1810.22",
            ["1810.20", "1810.24"],
        ),
        (
            "1810.19",
            &["1511.95", "298.27", "0.00"],
            Verdict::Mismatch,
            "1810.22",
            ["1810.20", "1810.24"],
        ),
        // n = 5: tolerance 0.03 (the seed's 类 sum 1497.61 against 1,497.60)
        (
            "1,497.60",
            &["1305.17", "108.55", "17.20", "44.97", "21.72"],
            Verdict::Rounding,
            "1497.61",
            ["1497.58", "1497.64"],
        ),
        (
            "1497.64",
            &["1305.17", "108.55", "17.20", "44.97", "21.72"],
            Verdict::Rounding,
            "1497.61",
            ["1497.58", "1497.64"],
        ),
        (
            "1497.65",
            &["1305.17", "108.55", "17.20", "44.97", "21.72"],
            Verdict::Mismatch,
            "1497.61",
            ["1497.58", "1497.64"],
        ),
        // a transposition is far outside
        (
            "579.64",
            &[
                "5.00", "239.00", "15.00", "70.00", "20.00", "2.80", "6.00", "16.43", "8.00",
                "192.23", "5.00",
            ],
            Verdict::Mismatch,
            "579.46",
            ["579.40", "579.52"],
        ),
        // one decimal: tolerance ½·0.1·3 = 0.15, accepted 2.9 ~ 3.1 at one decimal
        (
            "3.1",
            &["1.5", "1.5"],
            Verdict::Rounding,
            "3.0",
            ["2.9", "3.1"],
        ),
    ];
    for (total, parts, verdict, recomputed, interval) in cases {
        let got = sum_verdict(total, parts);
        assert_eq!(
            (
                got.0,
                got.1.as_str(),
                [got.2[0].as_str(), got.2[1].as_str()]
            ),
            (*verdict, *recomputed, *interval),
            "total {total} of {parts:?}"
        );
    }
}

#[test]
fn exact_counts_allow_no_tolerance() {
    let total = fig("39").into_exact();
    let parts = [
        fig("32").into_exact(),
        fig("0").into_exact(),
        fig("7").into_exact(),
    ];
    assert_eq!(
        check_sum(&total, &parts).map(|c| c.verdict),
        Ok(Verdict::Ok)
    );
    let total = fig("40").into_exact();
    assert_eq!(
        check_sum(&total, &parts).map(|c| c.verdict),
        Ok(Verdict::Mismatch)
    );
}

#[test]
fn a_stated_rate_at_the_edge_of_its_interval() {
    // exact inputs make the formula a point: 12.345 ÷ 100 × 100 = 12.345
    let share = |x, y| rate(RateKind::Share, x, y);
    let part = fig("12.345").into_exact();
    let whole = fig("100").into_exact();
    let cases = [
        ("12.35", Verdict::Ok),
        ("12.34", Verdict::Rounding),
        ("12.33", Verdict::Mismatch),
    ];
    for (stated, verdict) in cases {
        let c = check_rate(share, &part, &whole, &fig(stated)).expect("no overflow");
        assert_eq!(
            (c.verdict, c.recomputed.map(|r| r.to_string())),
            (verdict, Some("12.35".into())),
            "{stated}"
        );
    }
    // 12.3449: 12.35 is 0.0051 away, just over ½·0.01
    let part = fig("12.3449").into_exact();
    let c = check_rate(share, &part, &whole, &fig("12.35")).expect("no overflow");
    assert_eq!(
        (c.verdict, c.recomputed.map(|r| r.to_string())),
        (Verdict::Mismatch, Some("12.34".into()))
    );
}

#[test]
fn rounded_inputs_widen_a_rate_into_a_range() {
    // share 1.00 ÷ 3.00: corners 0.995 ÷ 3.005 = 33.111…% and 1.005 ÷ 2.995 = 33.555…%
    let cases = [
        ("33.33", Verdict::Ok, ["33.11", "33.56"]),
        ("33.11", Verdict::Rounding, ["33.11", "33.56"]),
        ("33.10", Verdict::Mismatch, ["33.11", "33.56"]),
        ("33.56", Verdict::Rounding, ["33.11", "33.56"]),
        ("33.57", Verdict::Mismatch, ["33.11", "33.56"]),
    ];
    for (stated, verdict, interval) in cases {
        let r = juesuan::calc::calculate("share", "1.00", "3.00", Some(stated)).expect("computes");
        let check = r.check.expect("check");
        assert_eq!(
            (check.verdict.name(), check.interval),
            (
                verdict.name(),
                Some([interval[0].to_string(), interval[1].to_string()])
            ),
            "stated {stated}"
        );
    }
}

#[test]
fn rounding_is_half_up_never_bankers() {
    // 0.125 → 0.13 and 0.135 → 0.14 (bankers' would give 0.12 and 0.14); −0.125 → −0.13
    use juesuan::num::decimal::round_half_up;
    let d = |s: &str| s.parse().expect("decimal");
    for (x, want) in [
        ("0.125", "0.13"),
        ("0.135", "0.14"),
        ("-0.125", "-0.13"),
        ("2.5", "2.50"),
        ("8.6975", "8.70"),
    ] {
        assert_eq!(round_half_up(d(x), 2).to_string(), want, "{x}");
    }
}
