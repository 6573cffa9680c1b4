//! The bad-input catalogue (tests/fixtures/bad-inputs/cases.json): odd, hostile and huge inputs to every
//! entry point, each with the expected Chinese message or result — and never a panic, never a lost part.

use juesuan::calc::calculate;
use juesuan::num::figure::parse_figure;
use juesuan::scoring::preset::Preset;
use juesuan::{review, Review};

fn check_text(text: &str) -> Review {
    review(text, &Preset::proportional())
}
use serde_json::Value;

const SEED: &str = include_str!("fixtures/seed/seed.txt");
const HEADER: &str =
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施";

/// The large inputs are generated rather than stored.
fn generated(spec: &Value) -> String {
    if let Some(what) = spec["repeat"].as_str() {
        let unit = match what {
            "seed-narrative" => SEED
                .split("部门（单位）整体支出绩效目标自评表")
                .next()
                .unwrap_or(SEED),
            _ => SEED,
        };
        let times = spec["times"].as_u64().unwrap_or(1) as usize;
        return vec![unit; times].join("\n");
    }
    let mut t = "项目支出绩效自评表\n项目名称\t生成的表\n".to_string();
    if let Some(width) = spec["wide"].as_u64() {
        let extra: Vec<String> = (8..width).map(|i| format!("备注{i}")).collect();
        t += &format!("{HEADER}\t{}\n", extra.join("\t"));
        let cells: Vec<String> = (8..width).map(|i| i.to_string()).collect();
        t += &format!(
            "产出指标\t数量指标\t甲\t>=2 次\t=2 次\t10\t10\t\t{}\n",
            cells.join("\t")
        );
    }
    if let Some(rows) = spec["rows"].as_u64() {
        t += HEADER;
        t.push('\n');
        for i in 0..rows {
            t += &format!("产出指标\t数量指标\t指标{i}\t>=1 次\t=1 次\t0.01\t0.01\t\n");
        }
    }
    t
}

fn text_of(case: &Value) -> String {
    match case.get("generate") {
        Some(spec) => generated(spec),
        None => case["text"].as_str().unwrap_or("").to_string(),
    }
}

fn contains_all(json: &str, case: &Value, name: &str) {
    for want in case["contains"].as_array().into_iter().flatten() {
        let want = want.as_str().unwrap_or("");
        assert!(json.contains(want), "{name}: report lacks {want:?}");
    }
}

#[test]
fn bad_input_catalogue() {
    let cases: Value =
        serde_json::from_str(include_str!("fixtures/bad-inputs/cases.json")).expect("cases.json");
    let cases = cases.as_array().expect("array");
    assert!(cases.len() >= 60, "{} cases", cases.len());
    for case in cases {
        let name = case["name"].as_str().unwrap_or("?");
        match case["api"].as_str() {
            Some("figure") => {
                let input = case["input"].as_str().unwrap_or("");
                match (case.get("value"), case.get("error")) {
                    (Some(v), _) => {
                        let f = parse_figure(input).unwrap_or_else(|e| panic!("{name}: {e}"));
                        assert_eq!(f.value.to_string(), v.as_str().unwrap_or(""), "{name}");
                    }
                    (_, Some(e)) => {
                        let got = parse_figure(input).expect_err(name).to_string();
                        assert!(got.contains(e.as_str().unwrap_or("")), "{name}: {got:?}");
                        assert!(
                            !got.chars().any(|c| c.is_control()),
                            "{name}: control chars in {got:?}"
                        );
                    }
                    _ => panic!("{name}: no expectation"),
                }
            }
            Some("calc") => {
                let s = |k: &str| case[k].as_str().unwrap_or("").to_string();
                let stated = case["stated"].as_str();
                let r = calculate(&s("kind"), &s("a"), &s("b"), stated);
                if let Some(e) = case["error"].as_str() {
                    let got = r.expect_err(name).to_string();
                    assert!(got.contains(e), "{name}: {got:?}");
                } else {
                    let r = r.unwrap_or_else(|e| panic!("{name}: {e}"));
                    assert_eq!(r.value.as_deref(), case["value"].as_str(), "{name}");
                    assert_eq!(r.label.as_deref(), case["label"].as_str(), "{name}");
                    if let Some(v) = case["verdict"].as_str() {
                        assert_eq!(r.check.map(|c| c.verdict.name()), Some(v), "{name}");
                    }
                }
            }
            Some("check") => {
                let r = check_text(&text_of(case));
                if let Some(n) = case["claims"].as_u64() {
                    assert_eq!(
                        r.claims.len() as u64,
                        n,
                        "{name}: {:?}",
                        r.claims.iter().map(|c| &c.formula).collect::<Vec<_>>()
                    );
                }
                for (verdict, n) in case["verdicts"].as_object().into_iter().flatten() {
                    let got = r
                        .claims
                        .iter()
                        .filter(|c| c.verdict.name() == verdict)
                        .count() as u64;
                    assert_eq!(Some(got), n.as_u64(), "{name}: {verdict}");
                }
                if let Some(n) = case["problems"].as_u64() {
                    assert_eq!(r.problems.len() as u64, n, "{name}: {:?}", r.problems);
                }
                assert_eq!(r.summary.claims.total, r.claims.len(), "{name}");
                contains_all(&serde_json::to_string(&r).unwrap_or_default(), case, name);
            }
            Some("score") => {
                let r = check_text(&text_of(case));
                if let Some(n) = case["tables"].as_u64() {
                    assert_eq!(r.tables.len() as u64, n, "{name}");
                }
                if let Some(n) = case["indicators"].as_u64() {
                    let got = r.tables.first().map_or(0, |t| t.indicators.len()) as u64;
                    assert_eq!(got, n, "{name}");
                }
                if let Some(n) = case["problems"].as_u64() {
                    let got = r.tables.first().map_or(0, |t| t.problems.len()) as u64;
                    assert_eq!(got, n, "{name}");
                }
                contains_all(&serde_json::to_string(&r).unwrap_or_default(), case, name);
            }
            other => panic!("{name}: unknown api {other:?}"),
        }
    }
}
