//! The command line's `check` and `score` through the real binary: one review (schema 2) per document with
//! its file and encoding, the preset by name or file, folders, the text and CSV reports, exit codes.
//! (`calc` is tested in tests/calc.rs; encodings, help and flags in tests/cli_input.rs.)
#![cfg(not(target_arch = "wasm32"))]

mod cli_common;

use cli_common::{cli, temp_dir};
use serde_json::Value;

const SUM: &str = "本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 3.90 万元。";
const ROUNDING: &str = "本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 4.01 万元。";
const CLEAN: &str = "本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 4.00 万元。";
const SEED: &str = "tests/fixtures/seed/seed.txt";
const TSV: &str = "tests/fixtures/tables/execution_rate_mismatch.tsv";
const CORPUS: &str = "tests/fixtures/corpus";

fn json(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

#[test]
fn check_reviews_stdin_and_files_one_report_per_line() {
    let (code, out, err) = cli(&["check", "-"], SUM.as_bytes());
    assert_eq!(code, 1, "a mismatch: {err}");
    let v = json(&out);
    assert_eq!(v["schema"], 2);
    assert_eq!(
        (v["file"].as_str(), v["encoding"].as_str()),
        (Some("-"), Some("UTF-8"))
    );
    assert_eq!(v["claims"][0]["verdict"], "mismatch");
    assert_eq!(v["claims"][0]["recomputed"], "9.90");
    assert_eq!(v["summary"]["claims"]["mismatch"], 1);

    let (code, out, _) = cli(&["check", SEED, TSV], b"");
    assert_eq!(code, 1);
    let lines: Vec<Value> = out.lines().map(json).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["file"], SEED);
    assert_eq!(lines[0]["summary"]["claims"]["total"], 133);
    assert_eq!(lines[1]["tables"].as_array().map(Vec::len), Some(1));
}

#[test]
fn score_takes_a_preset_by_name_or_file_and_refuses_a_bad_one() {
    let (code, out, _) = cli(
        &["score", TSV, "--preset", "deduct-per-point", "--k", "0.25"],
        b"",
    );
    assert_eq!(code, 1, "the table's stated rate is wrong");
    let v = json(&out);
    assert_eq!(v["tables"][0]["execution"]["score"], "8.70");
    assert_eq!(v["preset"]["title"], "每低一个百分点扣 0.25 分");

    let dir = temp_dir("preset");
    let preset = dir.join("p.json");
    let preset_arg = preset.to_str().unwrap_or("");
    std::fs::write(
        &preset,
        r#"{"name":"地方规则","execution":{"rule":"bands","bands":[[100,1],[80,0.7],[0,0]]}}"#,
    )
    .expect("write");
    let (_, out, err) = cli(&["score", TSV, "--preset-file", preset_arg], b"");
    let v = json(&out);
    assert_eq!(v["preset"]["title"], "地方规则", "{err}");
    assert_eq!(v["tables"][0]["execution"]["score"], "7.00");
    // check takes the same preset options: score is its old name
    let (_, again, _) = cli(&["check", TSV, "--preset-file", preset_arg], b"");
    assert_eq!(again, out);

    std::fs::write(&preset, r#"{"execution":{"rule":"magic"}}"#).expect("write");
    let (code, out, err) = cli(&["score", TSV, "--preset-file", preset_arg], b"");
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.starts_with("评分规则无效：未知的规则“magic”"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn exit_status_says_whether_there_is_something_to_report() {
    for (text, fail_on, want) in [
        (CLEAN, None, 0),
        (ROUNDING, None, 0),
        (ROUNDING, Some("rounding"), 1),
        (SUM, None, 1),
        (SUM, Some("mismatch"), 1),
        (SUM, Some("rounding"), 1),
        (SUM, Some("never"), 0),
        (CLEAN, Some("rounding"), 0),
    ] {
        let mut args = vec!["check", "-"];
        if let Some(f) = fail_on {
            args.extend(["--fail-on", f]);
        }
        let (code, _, err) = cli(&args, text.as_bytes());
        assert_eq!(code, want, "{text} {fail_on:?}: {err}");
    }
    let stated = |s| {
        cli(
            &["calc", "variance", "993.12", "1497.60", "--stated", s],
            b"",
        )
        .0
    };
    assert_eq!((stated("50.80"), stated("50.70")), (0, 1));
}

#[test]
fn a_folder_is_searched_for_text_files_only_in_name_order() {
    let dir = temp_dir("folder");
    let sub = dir.join("b-sub");
    std::fs::create_dir_all(&sub).expect("dir");
    std::fs::write(dir.join("a.txt"), SUM).expect("write");
    std::fs::write(sub.join("c.TSV"), CLEAN).expect("write");
    std::fs::write(dir.join("d.csv"), ROUNDING).expect("write");
    // answer keys, hidden files and other formats beside the texts are not documents
    std::fs::write(dir.join("a.json"), SUM).expect("write");
    std::fs::write(dir.join(".hidden.txt"), SUM).expect("write");
    std::fs::write(dir.join("e.pdf"), b"%PDF-1.7\n\0\0").expect("write");
    let root = dir.to_str().unwrap_or("");
    let (code, out, err) = cli(&["check", root], b"");
    assert_eq!(code, 1, "{err}");
    let files: Vec<String> = out
        .lines()
        .map(|l| json(l)["file"].as_str().unwrap_or("").to_string())
        .collect();
    let name = |p: std::path::PathBuf| p.to_string_lossy().into_owned();
    assert_eq!(
        files,
        [
            name(dir.join("a.txt")),
            name(sub.join("c.TSV")),
            name(dir.join("d.csv"))
        ]
    );
    // a folder with no text in it is an error, not silence
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).expect("dir");
    let (code, out, err) = cli(&["check", empty.to_str().unwrap_or("")], b"");
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("没有 .txt、.tsv 或 .csv 文件"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_corpus_folder_in_one_command_with_a_summary_table() {
    let (code, out, err) = cli(&["check", CORPUS, "--format", "text"], b"");
    assert_eq!(code, 1, "the corpus has mismatches: {err}");
    assert_eq!(
        out.matches("━━ tests/fixtures/corpus/").count(),
        116,
        "116 texts, no .json key"
    );
    assert!(out.contains("汇总\n"), "{out}");
    let total = out.lines().last().unwrap_or("");
    assert!(total.ends_with("合计 116 份文件"), "{total}");

    let (code, out, _) = cli(&["check", CORPUS, "--summary", "--format", "json"], b"");
    assert_eq!(code, 1);
    let v = json(&out);
    assert_eq!(v["total"]["documents"], 116);
    assert_eq!(v["total"]["unusable"], 0);
    let docs = v["documents"].as_array().map_or(0, Vec::len);
    assert_eq!(docs, 116);
    let sum = |key: &str| -> u64 {
        v["documents"]
            .as_array()
            .map_or(0, |d| d.iter().filter_map(|r| r[key].as_u64()).sum())
    };
    for key in ["judged", "mismatch", "rounding", "unchecked"] {
        assert_eq!(v["total"][key].as_u64(), Some(sum(key)), "{key}");
    }
    // the total row of the text table carries the same numbers
    let judged = v["total"]["judged"].to_string();
    assert!(
        total.trim_start().starts_with(&judged),
        "{total} / {judged}"
    );
}

#[test]
fn text_report_lists_mismatches_first_with_line_and_column() {
    let text = format!("说明\n{ROUNDING}\n另：{SUM}\n");
    let (code, out, _) = cli(&["check", "-", "--format", "text"], text.as_bytes());
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.first(), Some(&"━━ 标准输入（UTF-8）"));
    assert!(
        lines[1].starts_with("共核对 2 处：✗ 不一致 1，≈ 尾差 1"),
        "{out}"
    );
    assert!(
        lines[2].starts_with("  ✗ 3:3  合计：填报 10.00万元，重算 9.90万元"),
        "{out}"
    );
    assert!(
        lines[3].starts_with("  ≈ 2:1  合计：填报 10.00万元，重算 10.01万元"),
        "{out}"
    );
    assert!(!out.contains("汇总"), "one document: no summary table");
    // the same lines place a figure of the seed where a person finds it
    let (_, out, _) = cli(&["check", SEED, "--format", "text"], b"");
    let line = out
        .lines()
        .find(|l| l.starts_with("  ✗ 440:34 "))
        .unwrap_or("");
    assert!(line.ends_with("合计：填报 579.64万元，重算 579.46万元，相差 0.18万元，超出允许范围 579.40万元 ~ 579.52万元"), "{out}");
    assert!(out.contains("可能原因：疑似数字顺序颠倒"), "{out}");
}

#[test]
fn csv_opens_in_excel() {
    let (code, out, _) = cli(&["check", "-", "--format", "csv"], SUM.as_bytes());
    assert_eq!(code, 1);
    assert!(
        out.starts_with('\u{FEFF}'),
        "a BOM, or Excel garbles the Chinese"
    );
    let rows: Vec<&str> = out
        .trim_start_matches('\u{FEFF}')
        .split_terminator("\r\n")
        .collect();
    assert_eq!(
        rows[0],
        "文件,编码,行,列,结果,类型,填报,重算,相差,说明,可能原因,规则"
    );
    assert!(
        rows[1].starts_with("标准输入,UTF-8,1,1,✗ 不一致,合计,10.00,9.90,0.10,"),
        "{out}"
    );
    assert!(rows
        .iter()
        .skip(1)
        .all(|r| r.starts_with("标准输入,UTF-8,")));

    let (_, out, _) = cli(&["check", SEED, TSV, "--format", "csv", "--summary"], b"");
    let rows: Vec<&str> = out.split_terminator("\r\n").collect();
    assert_eq!(rows.len(), 4, "header, two documents, total: {out}");
    let fields = |r: &str| r.split(',').map(str::to_string).collect::<Vec<_>>();
    let (seed, tsv, total) = (fields(rows[1]), fields(rows[2]), fields(rows[3]));
    assert_eq!(
        (seed[0].as_str(), seed[1].as_str(), seed.len()),
        (SEED, "UTF-8", 11)
    );
    assert_eq!(total[0], "合计 2 份文件");
    for column in 2..10 {
        let n = |f: &Vec<String>| f[column].parse::<u32>().expect("a count");
        assert_eq!(n(&seed) + n(&tsv), n(&total), "column {column}: {out}");
    }
}
