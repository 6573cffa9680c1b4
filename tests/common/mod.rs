//! The wasm test bodies, shared by `tests/node.rs` (Node) and `tests/browser.rs` (headless Chromium): the
//! exported functions as JavaScript sees them, objects read back through `Reflect`.

use js_sys::Reflect;
use juesuan::wasm;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn field(obj: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(obj.clone(), |o, k| {
        Reflect::get(&o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
    })
}

fn text_of(obj: &JsValue, path: &str) -> Option<String> {
    field(obj, path).as_string()
}

#[wasm_bindgen_test]
fn variance_is_computed_and_judged() {
    let r = wasm::calc("variance", "993.12", "1497.60", Some("50.80".into())).expect("computes");
    assert_eq!(field(&r, "schema").as_f64(), Some(2.0));
    assert_eq!(text_of(&r, "value").as_deref(), Some("50.80"));
    assert_eq!(text_of(&r, "check.verdict").as_deref(), Some("ok"));
    assert_eq!(text_of(&r, "check.interval.0").as_deref(), Some("50.80"));
    assert!(field(&r, "label").is_null(), "label is null, not undefined");
}

#[wasm_bindgen_test]
fn growth_from_nothing_is_labelled_new() {
    let r = wasm::calc("growth", "0.01", "0.00", None).expect("computes");
    assert!(field(&r, "value").is_null());
    assert_eq!(text_of(&r, "label").as_deref(), Some("新增"));
    assert!(field(&r, "check").is_null());
}

#[wasm_bindgen_test]
fn a_mismatch_says_by_how_much() {
    let r = wasm::calc("share", "1497.60", "1511.95", Some("99.50".into())).expect("computes");
    assert_eq!(text_of(&r, "check.verdict").as_deref(), Some("mismatch"));
    assert_eq!(text_of(&r, "check.recomputed").as_deref(), Some("99.05"));
    assert_eq!(text_of(&r, "check.difference").as_deref(), Some("0.45"));
}

#[wasm_bindgen_test]
fn execution_score_under_both_presets() {
    let p = wasm::execution_score("239.00", "226.54", "10", "proportional", None).expect("scores");
    assert_eq!(
        (
            text_of(&p, "rate").as_deref(),
            text_of(&p, "score").as_deref()
        ),
        (Some("94.79"), Some("9.48"))
    );
    let d = wasm::execution_score(
        "239.00",
        "226.54",
        "10",
        "deduct-per-point",
        Some("0.25".into()),
    )
    .expect("scores");
    assert_eq!(text_of(&d, "score").as_deref(), Some("8.70"));
    assert_eq!(text_of(&d, "preset.k").as_deref(), Some("0.25"));
}

#[wasm_bindgen_test]
fn malformed_input_throws_a_chinese_message_and_does_not_panic() {
    for bad in [
        "12a.3",
        "1e5",
        "--5",
        "1234567890123456789012345678901234567890",
    ] {
        assert!(wasm::calc("variance", bad, "1", None).is_err(), "{bad}");
    }
    // the module is still usable after the errors
    let r = wasm::calc("execution", "192.23", "127.56", None).expect("computes");
    assert_eq!(text_of(&r, "value").as_deref(), Some("66.36"));
    assert!(wasm::execution_score("1", "1", "10", "no-such-rule", None).is_err());
}

fn review(text: &str, preset: Option<&str>) -> JsValue {
    wasm::review(text, preset.map(str::to_string)).expect("reviews")
}

#[wasm_bindgen_test]
fn review_finds_claims_with_spans_in_chars() {
    let text = "本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 4.01 万元。";
    let r = review(text, Some("proportional"));
    assert_eq!(field(&r, "schema").as_f64(), Some(2.0));
    assert_eq!(text_of(&r, "claims.0.verdict").as_deref(), Some("rounding"));
    assert_eq!(text_of(&r, "claims.0.recomputed").as_deref(), Some("10.01"));
    assert_eq!(field(&r, "claims.0.span.0").as_f64(), Some(0.0));
    // inputs is a plain object keyed by label
    assert_eq!(
        text_of(&r, "claims.0.inputs.基本支出").as_deref(),
        Some("6.00")
    );
    assert_eq!(field(&r, "summary.claims.rounding").as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn review_of_the_seed_finds_the_transposed_total_and_scores_its_tables() {
    let r = review(include_str!("../fixtures/seed/seed.txt"), None);
    assert_eq!(field(&r, "summary.claims.total").as_f64(), Some(133.0));
    assert_eq!(field(&r, "summary.claims.rounding").as_f64(), Some(2.0));
    assert_eq!(field(&r, "summary.claims.mismatch").as_f64(), Some(1.0));
    assert_eq!(
        field(&r, "summary.claims.notComputable").as_f64(),
        Some(4.0)
    );
    assert_eq!(field(&r, "tables.length").as_f64(), Some(12.0));
    assert_eq!(text_of(&r, "preset.title").as_deref(), Some("比例计分"));
}

#[wasm_bindgen_test]
fn a_preset_given_as_json_scores_and_a_bad_one_throws_a_chinese_message() {
    let tsv = "项目名称\t快递费\r\n项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\r\n\
               \t年度资金总额\t192.23\t192.23\t127.56\t10\t66.36%\t1.59\r\n";
    // JSON.stringify of {name, execution: {rule, k: 0.25}}: the number is read from its text
    let r = review(
        tsv,
        Some(r#"{"name":"本地规则","execution":{"rule":"deduct-per-point","k":0.25}}"#),
    );
    assert_eq!(
        text_of(&r, "tables.0.execution.score").as_deref(),
        Some("1.59")
    );
    assert_eq!(text_of(&r, "preset.title").as_deref(), Some("本地规则"));
    let err = wasm::review(tsv, Some(r#"{"execution":{"rule":"magic"}}"#.into()))
        .err()
        .map(JsValue::from);
    let message = err
        .as_ref()
        .and_then(|e| Reflect::get(e, &JsValue::from_str("message")).ok())
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    assert!(
        message.starts_with("评分规则无效：未知的规则“magic”"),
        "{message}"
    );
}
