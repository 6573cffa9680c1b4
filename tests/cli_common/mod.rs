//! Running the real `juesuan` binary from the CLI tests (tests/cli.rs, tests/cli_input.rs).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// Runs `juesuan ARGS` with `stdin`: (exit code, stdout, stderr).
pub fn cli(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_juesuan"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    if let Some(mut input) = child.stdin.take() {
        // the binary may exit before reading (a usage error): a broken pipe here is not a failure
        let _ = input.write_all(stdin);
    }
    let out = child.wait_with_output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A fresh folder for one test.
#[allow(
    dead_code,
    reason = "each test file compiles this module; cli_args.rs needs no folder"
)]
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("juesuan-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}
