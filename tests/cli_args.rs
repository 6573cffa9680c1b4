//! The command line's conventions through the real binary: help and version on stdout with exit 0, every
//! usage error in Chinese on stderr with exit 2, and no flag silently ignored or silently repeated.
#![cfg(not(target_arch = "wasm32"))]

mod cli_common;

use cli_common::cli;

/// No English from the argument parser may reach the user.
fn chinese(text: &str) -> bool {
    let english = [
        "Usage",
        "Options",
        "Commands",
        "Arguments",
        "error:",
        "possible values",
        "default:",
        "tip:",
        "help]",
    ];
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && !english.iter().any(|w| text.contains(w))
}

#[test]
fn help_goes_to_stdout_with_exit_0() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["help"],
        &["help", "check"],
        &["help", "calc"],
        &["check", "--help"],
        &["check", "-h"],
        &["score", "--help"],
        &["calc", "--help"],
    ] {
        let (code, out, err) = cli(args, b"");
        assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
        assert!(out.contains("用法：juesuan"), "{args:?}: {out}");
        assert!(chinese(&out), "{args:?}: {out}");
    }
    let (_, root, _) = cli(&["help"], b"");
    for word in ["calc", "check", "score", "--version", "退出码"] {
        assert!(root.contains(word), "{word}: {root}");
    }
    let (_, check, _) = cli(&["help", "check"], b"");
    for word in [
        "--format",
        "--fail-on",
        "--summary",
        "--preset",
        "--k",
        "--preset-file",
        "GB18030",
    ] {
        assert!(check.contains(word), "{word}: {check}");
    }
    // no command at all: the help, but as a usage error
    let (code, out, err) = cli(&[], b"");
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("用法：juesuan") && chinese(&err), "{err}");
}

#[test]
fn version_goes_to_stdout_with_exit_0() {
    for flag in ["--version", "-V"] {
        let (code, out, err) = cli(&[flag], b"");
        assert_eq!((code, err.as_str()), (0, ""));
        assert!(
            out.starts_with(&format!("juesuan {}", env!("CARGO_PKG_VERSION"))),
            "{out}"
        );
    }
}

#[test]
fn usage_errors_are_chinese_and_exit_2() {
    let seed = "tests/fixtures/seed/seed.txt";
    for (args, says) in [
        (
            &[
                "calc", "variance", "1", "2", "--stated", "1", "--stated", "2",
            ][..],
            "只能给一次",
        ),
        (
            &["check", seed, "--format", "text", "--format", "csv"],
            "只能给一次",
        ),
        (
            &["check", seed, "--k", "0.3"],
            "--k 只用于 --preset deduct-per-point",
        ),
        (
            &["check", seed, "--preset", "bands", "--k", "0.3"],
            "评分规则 bands",
        ),
        (
            &["check", seed, "--preset", "proportional", "--k", "0.3"],
            "--k 只用于",
        ),
        (
            &[
                "check",
                seed,
                "--preset",
                "bands",
                "--preset-file",
                "p.json",
            ],
            "不能与",
        ),
        (
            &["check", seed, "--preset-file", "p.json", "--k", "0.3"],
            "--k 不能与 --preset-file",
        ),
        (&["check", seed, "--format", "xml"], "可选：json、text、csv"),
        (
            &["check", seed, "--fail-on", "always"],
            "可选：mismatch、rounding、never",
        ),
        (&["check", seed, "--formt", "text"], "是否想用“--format”"),
        (
            &["calc", "variance", "1", "2", "--format", "csv"],
            "可选：json、text",
        ),
        (&["calc", "ratio", "1", "2"], "可选：variance"),
        (&["calc", "variance", "1"], "缺少参数"),
        (&["calc", "variance", "1", "2", "3"], "多余的参数“3”"),
        (&["check"], "缺少参数"),
        (&["check", "-", "-"], "标准输入（-）只能给一次"),
        (&["check", "-", "--preset-file", "-"], "标准输入只能读一次"),
        (&["chek", seed], "未知的命令“chek”"),
        (&["help", "nothing"], "可选"),
        (&["--frobnicate"], "无法识别的选项"),
    ] {
        let (code, out, err) = cli(args, b"");
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(chinese(&err), "{args:?}: {err}");
        assert!(err.contains("--help"), "points to the help: {err}");
    }
}

#[test]
fn k_is_taken_with_the_preset_that_uses_it() {
    let tsv = "tests/fixtures/tables/execution_rate_mismatch.tsv";
    let (code, out, err) = cli(
        &[
            "check",
            tsv,
            "--preset",
            "deduct-per-point",
            "--k",
            "0.5",
            "--fail-on",
            "never",
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("每低一个百分点扣 0.5 分"), "{out}");
    let (code, _, err) = cli(
        &["check", tsv, "--preset", "deduct-per-point", "--k", "x"],
        b"",
    );
    assert_eq!(code, 2);
    assert!(err.contains("无法识别"), "{err}");
    // a negative rate or amount is a value, not an option
    let (code, out, err) = cli(
        &["calc", "variance", "5.00", "4.86", "--stated", "-2.80"],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"verdict\":\"ok\""), "{out}");
    let (code, out, _) = cli(
        &[
            "calc", "growth", "-1", "-2", "--format", "text", "--stated", "-50.00",
        ],
        b"",
    );
    assert_eq!(code, 0);
    assert!(
        out.starts_with("增长率：") && out.contains("✓ 一致："),
        "{out}"
    );
}
