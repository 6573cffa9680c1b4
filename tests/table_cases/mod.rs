//! What the table-driven tests share: presets by short name, a fixture's report as JSON, and the lookup
//! of a path in it.

#![allow(dead_code)]

use juesuan::review as score_text;
use juesuan::scoring::preset::Preset;
use rust_decimal::Decimal;
use serde_json::Value;

pub fn preset(name: &str) -> Preset {
    let json = match name {
        "threshold" => {
            r#"{"name":"my-rule","execution":{"rule":"deduct-per-point","k":"0.25","floor":"0","fullMarksAt":"99.5"},"allowOver100":false}"#
        }
        "bands" => {
            r#"{"name":"bands","execution":{"rule":"bands","bands":[["100","1"],["80","0.7"],["60","0.5"],["0","0"]]}}"#
        }
        "allow" => r#"{"name":"allow","execution":{"rule":"proportional"},"allowOver100":true}"#,
        "deduct" => return Preset::deduct_per_point(Decimal::new(25, 2)),
        _ => return Preset::proportional(),
    };
    Preset::from_json(json).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub fn report(file: &str, preset_name: &str) -> Value {
    let path = format!("tests/fixtures/tables/{file}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::to_value(score_text(&text, &preset(preset_name))).expect("report serializes")
}

/// `/json/pointer`, `finding:KIND/field` (first finding of that kind), `findings:KIND` (their verdicts),
/// `claims:KIND` (the verdicts of table 0's claims of that kind),
/// `len:/pointer` (array length).
pub fn lookup(report: &Value, path: &str) -> String {
    let show = |v: Option<&Value>| match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => "null".to_string(),
        Some(v) => v.to_string(),
    };
    if let Some(p) = path.strip_prefix("len:") {
        return report
            .pointer(p)
            .and_then(Value::as_array)
            .map_or("null".into(), |a| a.len().to_string());
    }
    let findings = || {
        report
            .pointer("/tables/0/findings")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    if let Some(kind) = path.strip_prefix("claims:") {
        // the verdicts of table 0's claims of a kind: its fund rows' sums, its 执行率
        let v: Vec<String> = report["claims"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|c| c["table"] == 0 && c["kind"] == kind)
            .map(|c| show(c.get("verdict")))
            .collect();
        return v.join(",");
    }
    if let Some(kind) = path.strip_prefix("findings:") {
        let v: Vec<String> = findings()
            .iter()
            .filter(|f| f["kind"] == kind)
            .map(|f| show(f.get("verdict")))
            .collect();
        return v.join(",");
    }
    if let Some(rest) = path.strip_prefix("finding:") {
        let (kind, field) = rest.split_once('/').unwrap_or((rest, "verdict"));
        return show(
            findings()
                .iter()
                .find(|f| f["kind"] == kind)
                .and_then(|f| f.get(field)),
        );
    }
    show(report.pointer(path))
}
