//! Presets as data: read from JSON (the CLI's --preset-file and the page's preset object take the same
//! path), reported back, and refused with a Chinese reason.

use juesuan::Preset;
use rust_decimal::Decimal;

#[test]
fn presets_read_from_json() {
    let cases: &[(&str, &str)] = &[
        (
            r#"{"name":"my-rule","execution":{"rule":"deduct-per-point","k":"0.25","floor":"0","fullMarksAt":"99.5"},"allowOver100":false}"#,
            "my-rule deduct-per-point k=0.25 floor=0 at=99.5 over=false",
        ),
        (
            r#"{"name":"n","execution":{"rule":"deduct-per-point","k":0.5,"floor":1}}"#,
            "n deduct-per-point k=0.5 floor=1 at=- over=false",
        ),
        (
            r#"{"execution":{"rule":"proportional"},"allowOver100":true}"#,
            "proportional proportional k=- floor=- at=- over=true",
        ),
        (
            r#"{"name":"bands","execution":{"rule":"bands","bands":[["60","0.5"],["100","1"],["0","0"],["80","0.7"]]}}"#,
            "bands bands 100:1,80:0.7,60:0.5,0:0 over=false",
        ),
    ];
    for (json, want) in cases {
        let p = Preset::from_json(json).unwrap_or_else(|e| panic!("{json}: {e}"));
        let r = p.to_report();
        let got = match &r.bands {
            Some(b) => format!(
                "{} {} {} over={}",
                r.name,
                r.rule,
                b.iter()
                    .map(|[a, s]| format!("{a}:{s}"))
                    .collect::<Vec<_>>()
                    .join(","),
                r.allow_over_100
            ),
            None => format!(
                "{} {} k={} floor={} at={} over={}",
                r.name,
                r.rule,
                r.k.as_deref().unwrap_or("-"),
                r.floor.as_deref().unwrap_or("-"),
                r.full_marks_at.as_deref().unwrap_or("-"),
                r.allow_over_100
            ),
        };
        assert_eq!(&got, want, "{json}");
    }
}

#[test]
fn preset_reports_round_trip() {
    let presets = [
        Preset::proportional(),
        Preset::deduct_per_point(Decimal::new(25, 2)),
        Preset::bands(),
        Preset::from_json(r#"{"name":"x","execution":{"rule":"deduct-per-point","k":"0.3","floor":"2","fullMarksAt":"99.5"},"allowOver100":true}"#).expect("preset"),
    ];
    for p in presets {
        let json = serde_json::to_string(&p.to_report()).expect("json");
        assert_eq!(Preset::from_json(&json).as_ref(), Ok(&p), "{json}");
    }
}

#[test]
fn bad_presets_say_why() {
    let cases: &[(&str, &str)] = &[
        (
            "not json",
            "评分规则无效：不是有效的 JSON（第 1 行第 1 列：无法识别的字符）",
        ),
        ("[]", "评分规则无效：应为一个 JSON 对象"),
        (
            r#"{"execution":{"rule":"magic"}}"#,
            "评分规则无效：未知的规则“magic”（可选 proportional 按比例、deduct-per-point 按百分点扣分、bands 分档）",
        ),
        (
            r#"{"execution":{"rule":"deduct-per-point","k":"-1"}}"#,
            "评分规则无效：k 与 floor 不能为负数：k = -1，floor = 0",
        ),
        (
            r#"{"execution":{"rule":"deduct-per-point","k":"abc"}}"#,
            "评分规则无效：不是有效的数字：“abc”",
        ),
        (
            r#"{"execution":{"rule":"bands"}}"#,
            "评分规则无效：分档规则需要“bands”：[[执行率下限, 得分比例], …]",
        ),
        (
            r#"{"execution":{"rule":"bands","bands":[["100","2"]]}}"#,
            "评分规则无效：得分比例应在 0 到 1 之间：2",
        ),
        (r#"{"allowOver100":"yes"}"#, "评分规则无效：应为 true 或 false"),
        (
            r#"{"execution":{"rule":"deduct-per-point","k":true}}"#,
            "评分规则无效：类型不对，应为数字（请写成字符串，如 \"0.25\"）",
        ),
        (r#"{"name":"x"} tail"#, "评分规则无效：不是有效的 JSON（第 1 行第 14 列：JSON 之后还有多余的内容）"),
    ];
    for (json, want) in cases {
        let got = Preset::from_json(json)
            .map(|p| p.name)
            .unwrap_or_else(|e| e.to_string());
        assert_eq!(&got, want, "{json}");
    }
}
