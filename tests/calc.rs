//! The quick calculators against the values a finance clerk checks by hand, and the seed's rate claims
//! through the real `juesuan calc` binary.

use juesuan::calc::{calculate, execution_score};
use juesuan::scoring::preset::Preset;
use std::process::Command;

#[test]
fn the_five_rates_with_labels() {
    // (kind, a, b, value, label)
    let cases = [
        ("variance", "993.12", "1497.60", Some("50.80"), None),
        ("variance", "5.00", "4.86", Some("-2.80"), None),
        ("variance", "0.00", "0.00", None, Some("无法计算")),
        ("completion", "993.12", "1497.60", Some("150.80"), None),
        ("growth", "1810.23", "1488.29", Some("21.63"), None),
        ("growth", "0.01", "0.00", None, Some("新增")),
        ("growth", "0.00", "0.00", None, Some("持平")),
        ("growth", "46.15", "4.32", Some("968.29"), None),
        ("share", "1,497.60", "1,511.95", Some("99.05"), None),
        ("share", "1", "0", None, Some("无法计算")),
        ("execution", "239.00", "226.54", Some("94.79"), None),
        ("execution", "192.23", "127.56", Some("66.36"), None),
    ];
    for (kind, a, b, value, label) in cases {
        let r = calculate(kind, a, b, None).unwrap_or_else(|e| panic!("{kind} {a} {b}: {e}"));
        assert_eq!(
            (r.value.as_deref(), r.label.as_deref()),
            (value, label),
            "{kind} {a} {b}"
        );
        assert_eq!(r.schema, 2);
    }
}

#[test]
fn execution_scores_under_both_presets() {
    let dpp = Preset::deduct_per_point("0.25".parse().expect("k"));
    // (budget, executed, proportional, deduct-per-point k = 0.25)
    for (b, e, prop, deduct) in [
        ("239.00", "226.54", "9.48", "8.70"),
        ("192.23", "127.56", "6.64", "1.59"),
        ("70.00", "69.91", "9.99", "9.97"),
        ("5.00", "5.00", "10.00", "10.00"),
        ("100", "130", "10.00", "10.00"),
        ("100", "0", "0.00", "0.00"),
    ] {
        let p = execution_score(b, e, "10", &Preset::proportional()).expect("scores");
        let d = execution_score(b, e, "10", &dpp).expect("scores");
        assert_eq!(
            (p.score.as_deref(), d.score.as_deref()),
            (Some(prop), Some(deduct)),
            "{b} {e}"
        );
    }
    let none =
        execution_score("0.00", "1.00", "10", &Preset::proportional()).expect("not an error");
    assert_eq!((none.rate, none.score), (None, None));
}

#[test]
fn bad_input_is_an_error_naming_the_field_or_text() {
    let e = calculate("variance", "", "1", None)
        .expect_err("empty")
        .to_string();
    assert_eq!(e, "请填写年初预算数");
    let e = calculate("variance", "12a.3", "1", None)
        .expect_err("malformed")
        .to_string();
    assert!(e.contains("无法识别") && e.contains("12a.3"), "{e}");
    let e = calculate("ratio", "1", "1", None)
        .expect_err("unknown kind")
        .to_string();
    assert!(e.contains("未知的计算类型"), "{e}");
}

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_juesuan"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn cli_prints_one_json_object_and_exits_2_on_bad_input() {
    let (code, out, _) = cli(&["calc", "variance", "993.12", "1497.60", "--stated", "50.80"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["schema"], 2);
    assert_eq!(v["value"], "50.80");
    assert_eq!(v["check"]["verdict"], "ok");
    assert_eq!(
        v["check"]["interval"],
        serde_json::json!(["50.80", "50.80"])
    );
    let (code, out, _) = cli(&["calc", "growth", "0.01", "0.00"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(
        (
            v["value"].is_null(),
            v["label"].as_str(),
            v["check"].is_null()
        ),
        (true, Some("新增"), true)
    );
    let (code, out, err) = cli(&["calc", "share", "1", "x"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("无法识别"), "{err}");
}

/// Every rate claim of the seed's answer key, through `juesuan calc KIND A B --stated X`.
#[test]
fn cli_reproduces_every_rate_claim_of_the_seed() {
    let key: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/seed/claims.json")).expect("claims.json");
    let mut walked = 0;
    for c in key["claims"].as_array().expect("claims") {
        let kind = c["kind"].as_str().expect("kind");
        let (a, b) = match kind {
            "variance" => ("budget", "final"),
            "growth" => ("current", "prior"),
            "share" => ("part", "whole"),
            "execution" => ("budget", "executed"),
            _ => continue,
        };
        let input = |k: &str| c["inputs"][k].as_str().expect("input").to_string();
        // the key writes a decrease as a positive rate with the word 下降; calc takes and gives signed rates
        let falling = kind == "growth" && input("change").starts_with('-');
        let signed = |s: &str| {
            if falling && s != "0.00" {
                format!("-{s}")
            } else {
                s.to_string()
            }
        };
        let stated = signed(c["stated"].as_str().expect("stated"));
        let (code, out, err) = cli(&["calc", kind, &input(a), &input(b), "--stated", &stated]);
        let id = c["id"].as_str().unwrap_or("?");
        assert_eq!(code, 0, "{id}: {err}");
        let v: serde_json::Value = serde_json::from_str(&out).expect("json");
        assert_eq!(v["check"]["verdict"], c["verdict"], "{id}");
        let want = c["recomputed"].as_str().map(signed);
        assert_eq!(v["value"].as_str().map(str::to_string), want, "{id}");
        walked += 1;
    }
    assert_eq!(walked, 58, "rate claims in the key");
}
