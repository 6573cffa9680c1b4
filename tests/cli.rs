//! The command line's `check` and `score`: one review (schema 2) per file, the preset by name or file,
//! exit 2 with a Chinese message on unusable input. (`calc` is tested in tests/calc.rs.)

use std::io::Write;
use std::process::{Command, Stdio};

fn cli(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_juesuan"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes()).expect("stdin");
    }
    let out = child.wait_with_output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const SUM: &str = "本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 3.90 万元。";
const SEED: &str = "tests/fixtures/seed/seed.txt";
const TSV: &str = "tests/fixtures/tables/execution_rate_mismatch.tsv";

#[test]
fn check_reviews_stdin_and_files_one_report_per_line() {
    let (code, out, err) = cli(&["check", "-"], SUM);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["schema"], 2);
    assert_eq!(v["claims"][0]["verdict"], "mismatch");
    assert_eq!(v["claims"][0]["recomputed"], "9.90");
    assert_eq!(v["summary"]["claims"]["mismatch"], 1);

    let (code, out, _) = cli(&["check", SEED, TSV], "");
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON report per line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["summary"]["claims"]["total"], 130);
    assert_eq!(lines[1]["tables"].as_array().map(Vec::len), Some(1));
}

#[test]
fn score_takes_a_preset_by_name_or_file_and_refuses_a_bad_one() {
    let (code, out, _) = cli(
        &["score", TSV, "--preset", "deduct-per-point", "--k", "0.25"],
        "",
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["tables"][0]["execution"]["score"], "8.70");
    assert_eq!(v["preset"]["title"], "每低一个百分点扣 0.25 分");

    let dir = std::env::temp_dir().join(format!("juesuan-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let preset = dir.join("p.json");
    std::fs::write(
        &preset,
        r#"{"name":"地方规则","execution":{"rule":"bands","bands":[[100,1],[80,0.7],[0,0]]}}"#,
    )
    .expect("write");
    let (code, out, err) = cli(
        &["score", TSV, "--preset-file", preset.to_str().unwrap_or("")],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["preset"]["title"], "地方规则");
    assert_eq!(v["tables"][0]["execution"]["score"], "7.00");

    std::fs::write(&preset, r#"{"execution":{"rule":"magic"}}"#).expect("write");
    let (code, out, err) = cli(
        &["score", TSV, "--preset-file", preset.to_str().unwrap_or("")],
        "",
    );
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.starts_with("评分规则无效：未知的规则“magic”"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}
