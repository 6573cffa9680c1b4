//! Property tests of the arithmetic against an independent oracle: exact rational arithmetic on i128
//! (every 2-decimal figure is an integer number of cents), with its own half-up rounding. And the promise
//! of the interval rule: figures that are honest roundings of consistent true values are never a mismatch.
#![cfg(not(target_arch = "wasm32"))]

use juesuan::num::figure::{parse_figure, Figure};
use juesuan::num::rates::{rate, RateKind};
use juesuan::num::verdict::{check_rate, check_sum, Verdict};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// n / d rounded half away from zero to an integer (d > 0).
fn div_half_up(n: i128, d: i128) -> i128 {
    let q = (n.abs() * 2 + d) / (2 * d);
    if n < 0 {
        -q
    } else {
        q
    }
}

/// cents as "12.34" / "-0.05".
fn cents_text(c: i128) -> String {
    let sign = if c < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", c.abs() / 100, c.abs() % 100)
}

fn fig(text: &str) -> Figure {
    parse_figure(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// The oracle's rate in cents of a percent: numerator/denominator × 100, half-up at 2 dp.
fn oracle_rate(kind: RateKind, a: i128, b: i128) -> Option<i128> {
    let (num, den) = match kind {
        RateKind::Variance => (b - a, a),
        RateKind::Completion | RateKind::Execution => (b, a),
        RateKind::Growth => (a - b, b),
        RateKind::Share => (a, b),
    };
    if den == 0 {
        return None;
    }
    // rate × 100 (cents of a percent) = num / den × 100 × 100
    let (n, d) = if den < 0 {
        (-num * 10_000, -den)
    } else {
        (num * 10_000, den)
    };
    Some(div_half_up(n, d))
}

/// Rounds a value in 1/10000 units to cents, half-up.
fn round_to_cents(v: i128) -> i128 {
    div_half_up(v, 100)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    #[test]
    fn every_rate_matches_the_rational_oracle(a in -100_000_000_000i128..100_000_000_000, b in -100_000_000_000i128..100_000_000_000, k in 0usize..5) {
        let kind = RateKind::ALL[k];
        let da = Decimal::from_i128_with_scale(a, 2);
        let db = Decimal::from_i128_with_scale(b, 2);
        let got = rate(kind, da, db).expect("no overflow").rounded(2).map(|d| d.to_string());
        prop_assert_eq!(got, oracle_rate(kind, a, b).map(cents_text), "{:?} {} {}", kind, da, db);
    }

    #[test]
    fn rounded_parts_of_a_true_total_are_never_a_mismatch(parts in prop::collection::vec(0i128..10_000_000_000, 1..12)) {
        // true values with 4 decimals; the document states each rounded half-up to 2
        let total: i128 = parts.iter().sum();
        let stated_parts: Vec<Figure> = parts.iter().map(|&p| fig(&cents_text(round_to_cents(p)))).collect();
        let stated_total = fig(&cents_text(round_to_cents(total)));
        let c = check_sum(&stated_total, &stated_parts).expect("no overflow");
        prop_assert_ne!(c.verdict, Verdict::Mismatch, "{:?} total {}", parts, total);
    }

    #[test]
    fn an_honestly_rounded_share_is_never_a_mismatch(part in 0i128..10_000_000_000, extra in 1i128..10_000_000_000) {
        let whole = part + extra;
        // the true share in cents of a percent, from the true (4-decimal) values
        let share = div_half_up(part * 10_000, whole);
        let c = check_rate(
            |x, y| rate(RateKind::Share, x, y),
            &fig(&cents_text(round_to_cents(part))),
            &fig(&cents_text(round_to_cents(whole))),
            &fig(&cents_text(share)),
        )
        .expect("no overflow");
        prop_assert!(matches!(c.verdict, Verdict::Ok | Verdict::Rounding | Verdict::NotComputable), "{} / {}: {:?}", part, whole, c.verdict);
    }

    #[test]
    fn a_stated_total_off_by_more_than_the_tolerance_is_a_mismatch(parts in prop::collection::vec(0i128..1_000_000_000, 1..12), off in 1i128..1000) {
        // n parts of 2 decimals allow ½·0.01·(n+1); one cent beyond that is a mismatch
        let sum: i128 = parts.iter().sum();
        let allowed = (parts.len() as i128 + 1) / 2; // whole cents within ½·(n+1) cents
        let stated = sum + allowed + off;
        let figures: Vec<Figure> = parts.iter().map(|&p| fig(&cents_text(p))).collect();
        let c = check_sum(&fig(&cents_text(stated)), &figures).expect("no overflow");
        prop_assert_eq!(c.verdict, Verdict::Mismatch);
    }

    #[test]
    fn figures_survive_separators_and_line_breaks(cents in -10_000_000_000_000i128..10_000_000_000_000, cut in 0usize..20) {
        let plain = cents_text(cents);
        // thousands separators on the integer part
        let (int, frac) = plain.split_once('.').expect("point");
        let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
        let grouped: Vec<String> = digits.as_bytes().rchunks(3).rev().map(|c| String::from_utf8_lossy(c).into_owned()).collect();
        let written = format!("{sign}{}.{frac}", grouped.join(","));
        // a PDF line break somewhere after the first digit
        let at = (sign.len() + 1 + cut).min(written.len());
        let broken = format!("{}\n\n{} 万元", &written[..at], &written[at..]);
        let f = parse_figure(&broken).map_err(|e| TestCaseError::fail(format!("{broken:?}: {e}")))?;
        prop_assert_eq!(f.value.to_string(), plain);
        prop_assert_eq!(f.scale, 2);
    }
}

proptest! {
    #[test]
    fn fast_decimal_text_prints_as_display(m in any::<i64>(), scale in 0u32..=28) {
        let d = Decimal::new(m, scale);
        prop_assert_eq!(juesuan::num::decimal::text(d), d.to_string());
    }
}
