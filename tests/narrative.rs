//! The narrative catalogue (tests/fixtures/narrative/cases.json): each snippet's expected claims are found
//! with the expected verdict and values, and it yields no mismatch beyond the expected ones.
//! Plus: a PDF line break at every position of a number changes nothing.

mod support;
use support::check as check_text;
use support::describe;

use serde_json::Value;

#[test]
fn narrative_catalogue() {
    let cases: Value =
        serde_json::from_str(include_str!("fixtures/narrative/cases.json")).expect("cases.json");
    let cases = cases.as_array().expect("array");
    assert!(cases.len() >= 40, "{} cases", cases.len());
    for case in cases {
        let name = case["name"].as_str().unwrap_or("?");
        let r = check_text(case["text"].as_str().expect("text"));
        let expect = case["expect"].as_array().expect("expect");
        for e in expect {
            let (kind, verdict, stated) = (e[0].as_str(), e[1].as_str(), e[2].as_str());
            let recomputed = e[3].as_str();
            let found = r.claims.iter().any(|c| {
                Some(c.kind.name()) == kind
                    && Some(c.verdict.name()) == verdict
                    && Some(c.stated.as_str()) == stated
                    && c.recomputed.as_deref() == recomputed
            });
            assert!(found, "{name}: expected {e} among\n  {}", describe(&r));
        }
        let want_mismatches = expect.iter().filter(|e| e[1] == "mismatch").count();
        assert_eq!(
            r.summary.claims.mismatch,
            want_mismatches,
            "{name}: mismatches among\n  {}",
            describe(&r)
        );
        // figures that must get no claim: a reading left open
        for a in case["absent"].as_array().into_iter().flatten() {
            assert!(
                !r.claims
                    .iter()
                    .any(|c| Some(c.stated.as_str()) == a.as_str()),
                "{name}: {a} must not be claimed among\n  {}",
                describe(&r)
            );
        }
        if let Some(d) = case["diagnosis"].as_str() {
            let got: Vec<&str> = r
                .claims
                .iter()
                .filter_map(|c| c.diagnosis.as_deref())
                .collect();
            assert!(
                got.iter().any(|g| g.contains(d)),
                "{name}: diagnosis {d:?} not in {got:?}"
            );
        }
    }
}

#[test]
fn a_line_break_anywhere_in_a_number_changes_nothing() {
    let total = "1,810.23";
    for cut in 1..total.len() {
        let broken = format!("{}\n\n{}", &total[..cut], &total[cut..]);
        let text = format!(
            "本年支出 {broken} 万元，其中：基本支出 1,004.00 万元，项目支出 806.2\n3 万元。"
        );
        let r = check_text(&text);
        let c = r
            .claims
            .first()
            .unwrap_or_else(|| panic!("{broken:?}: no claim"));
        assert_eq!(
            (c.kind.name(), c.verdict.name(), c.stated.as_str()),
            ("sum", "ok", "1810.23"),
            "{broken:?}"
        );
        // the span still covers the whole statement, in chars of the original text
        let quoted: String = text
            .chars()
            .skip(c.span[0])
            .take(c.span[1] - c.span[0])
            .collect();
        assert!(
            quoted.starts_with("本年支出") && quoted.ends_with("万元"),
            "{broken:?}: span {quoted:?}"
        );
    }
}
