//! The files auditors have, through the real binary: the seed saved as Chinese Windows/WPS (GBK, GB18030)
//! and Excel (UTF-16LE with BOM) save it, and UTF-16BE, from files and from standard input, give the same
//! review as UTF-8; binary files, folders and missing files are refused in Chinese with exit 2. The encoded
//! files are made here from the UTF-8 seed, never stored.
#![cfg(not(target_arch = "wasm32"))]

mod cli_common;

use cli_common::{cli, temp_dir};
use serde_json::Value;

const SEED: &str = "tests/fixtures/seed/seed.txt";

fn seed() -> String {
    std::fs::read_to_string(SEED).expect("seed")
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

fn encoded(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot hold the text", encoding.name());
    bytes.into_owned()
}

/// The review of one report line without where it came from.
fn review(out: &str) -> (Value, String) {
    let mut v: Value = serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let encoding = v["encoding"].as_str().unwrap_or("").to_string();
    if let Some(o) = v.as_object_mut() {
        o.remove("file");
        o.remove("encoding");
    }
    (v, encoding)
}

#[test]
fn every_encoding_gives_the_same_review_from_a_file_and_from_stdin() {
    // GB18030 beyond GBK: a character of CJK extension B takes four bytes there and is not in GBK
    let beyond_gbk = format!("{}\n（附：𠀾）\n", seed());
    let cases: Vec<(String, Vec<u8>, &str)> = vec![
        (seed(), seed().into_bytes(), "UTF-8"),
        (
            seed(),
            [&b"\xEF\xBB\xBF"[..], seed().as_bytes()].concat(),
            "UTF-8",
        ),
        (seed(), encoded(&seed(), encoding_rs::GBK), "GB18030"),
        (
            beyond_gbk.clone(),
            encoded(&beyond_gbk, encoding_rs::GB18030),
            "GB18030",
        ),
        (seed(), utf16(&seed(), false), "UTF-16LE"),
        (seed(), utf16(&seed(), true), "UTF-16BE"),
    ];
    let dir = temp_dir("encodings");
    for (n, (text, bytes, name)) in cases.into_iter().enumerate() {
        assert!(
            name == "UTF-8" || std::str::from_utf8(&bytes).is_err(),
            "{name}: really not UTF-8"
        );
        let (code, out, err) = cli(&["check", "-"], text.as_bytes());
        assert_eq!(code, 1, "{err}");
        let (want, _) = review(&out);
        assert_eq!(want["summary"]["claims"]["total"], 133);

        let path = dir.join(format!("{n}.txt"));
        std::fs::write(&path, &bytes).expect("write");
        let (code, out, err) = cli(&["check", path.to_str().unwrap_or("")], b"");
        assert_eq!(code, 1, "{name}: {err}");
        assert_eq!(
            review(&out),
            (want.clone(), name.to_string()),
            "{name} file"
        );

        let (code, out, err) = cli(&["check", "-"], &bytes);
        assert_eq!(code, 1, "{name}: {err}");
        assert_eq!(review(&out), (want, name.to_string()), "{name} stdin");

        let (_, text_report, _) = cli(&["check", "-", "--format", "text"], &bytes);
        assert!(
            text_report.starts_with(&format!("━━ 标准输入（{name}）\n")),
            "{text_report}"
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_binary_file_is_not_a_document() {
    let dir = temp_dir("binary");
    for (name, bytes, says) in [
        (
            "a.bin",
            &b"\x00\x01\x02\x03\xFF\xFE\xFD"[..],
            "不是文本文件",
        ),
        ("b.txt", b"10.00\x00\x00\x01", "不是文本文件"),
        ("c.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "PDF"),
        ("d.docx", b"PK\x03\x04\x14\x00", "Word"),
        ("e.txt", b"\xFF\xFE\x00\xD8", "不是有效的 UTF-16LE 文本"),
        ("f.txt", b"\x81\x30\xFF\x30", "编码无法识别"),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write");
        let (code, out, err) = cli(&["check", path.to_str().unwrap_or("")], b"");
        assert_eq!((code, out.as_str()), (2, ""), "{name}");
        assert!(err.contains(says) && err.contains(name), "{name}: {err}");
        let (code, out, err) = cli(&["check", "-"], bytes);
        assert_eq!((code, out.as_str()), (2, ""), "{name} on stdin");
        assert!(
            err.starts_with("标准输入") && err.contains(says),
            "{name}: {err}"
        );
        assert!(
            !err.contains("数字位数过多"),
            "never read as figures: {err}"
        );
    }
    // UTF-16 without its BOM is full of NULs: the message says what to do
    let mut no_bom = utf16("本年支出 10.00 万元", false);
    no_bom.drain(..2);
    let (code, _, err) = cli(&["check", "-"], &no_bom);
    assert_eq!(code, 2);
    assert!(err.contains("不带 BOM 的 UTF-16"), "{err}");

    // in a batch an unusable file costs only itself: the others are reported, the exit status is 2
    let good = dir.join("good.txt");
    std::fs::write(&good, "合计 10.00 万元，其中：甲 6.00 万元，乙 4.00 万元。").expect("write");
    let bad = dir.join("a.bin");
    let args = [
        "check",
        good.to_str().unwrap_or(""),
        bad.to_str().unwrap_or(""),
        "--format",
        "text",
    ];
    let (code, out, err) = cli(&args, b"");
    assert_eq!(code, 2);
    assert!(
        out.contains("全部一致") && out.contains("（无法读取）"),
        "{out}"
    );
    assert!(out.contains("合计 2 份文件（1 份无法读取）"), "{out}");
    assert!(err.contains("不是文本文件"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn operating_system_errors_are_said_in_chinese() {
    let dir = temp_dir("os");
    let missing = dir.join("没有这个文件.txt");
    let (code, out, err) = cli(&["check", missing.to_str().unwrap_or("")], b"");
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("不存在") && err.contains("没有这个文件.txt"),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
    let folder = dir.to_str().unwrap_or("");
    let (code, _, err) = cli(&["check", SEED, "--preset-file", folder], b"");
    assert_eq!(code, 2);
    assert!(err.contains("这是目录，不是文件"), "{err}");
    assert!(!err.contains("os error"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_gbk_preset_file_is_read_too() {
    let dir = temp_dir("preset-gbk");
    let preset = dir.join("规则.json");
    let json = r#"{"name":"本地扣分规则","execution":{"rule":"deduct-per-point","k":"0.25"}}"#;
    std::fs::write(&preset, encoded(json, encoding_rs::GBK)).expect("write");
    let tsv = "tests/fixtures/tables/execution_rate_mismatch.tsv";
    let (_, out, err) = cli(
        &["score", tsv, "--preset-file", preset.to_str().unwrap_or("")],
        b"",
    );
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    assert_eq!(v["preset"]["title"], "本地扣分规则");
    assert_eq!(v["tables"][0]["execution"]["score"], "8.70");
    let _ = std::fs::remove_dir_all(dir);
}
