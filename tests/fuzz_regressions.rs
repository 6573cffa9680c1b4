//! Replays saved fuzz inputs through the same property checks the cargo-fuzz targets run (fuzz/src/props.rs):
//! the small committed seeds in tests/fixtures/fuzz/<target>/, and inputs kept from fuzzing runs.
//! A crash found by fuzzing in code not yet fixed is an `#[ignore]`d test here until the fix lands.
//! Run the fuzzers with `scripts/fuzz.sh`.

#[allow(dead_code)]
#[path = "../fuzz/src/props.rs"]
mod props;

use std::fs;
use std::path::Path;

/// Every file of tests/fixtures/fuzz/<target>/, replayed through `check`; the name of a failing file is
/// printed before the panic propagates.
fn replay_dir(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    for f in &files {
        let data = fs::read(f).unwrap();
        eprintln!("replaying {}", f.display());
        check(&data);
    }
    files.len()
}

#[test]
fn figures_seeds() {
    assert!(replay_dir("figures", props::figures) > 0);
}

#[test]
fn check_seeds() {
    assert!(replay_dir("check", props::check) > 0);
}

#[test]
fn score_seeds() {
    assert!(replay_dir("score", props::score) > 0);
}

#[test]
fn tables_seeds() {
    assert!(replay_dir("tables", props::tables) > 0);
}

/// The shaped `tables` inputs become the TSV the reader expects: header rows put first, 0x01 a tab, 0x02 a
/// row end.
#[test]
fn tables_input_shapes_rows() {
    let text = props::tables_input(b"\x03a\x01b|c\x02d");
    assert_eq!(text, format!("{}\r\na\tb\tc\r\nd", props::INDICATOR_HEADER));
    let text = props::tables_input(b"\x06x");
    assert!(text.starts_with("项目名称\t快递费\n项目资金"));
    assert!(text.ends_with(&format!("{}\nx", props::INDICATOR_HEADER)));
    assert_eq!(props::tables_input("项目".as_bytes()), "项目");
    assert_eq!(props::tables_input(b""), "");
}

/// Figures at the edges of exact decimal range re-parse to themselves.
#[test]
fn figures_edges() {
    for s in [
        "79228162514264337593543950335",
        "-79228162514264337593543950335",
        "0.0000000000000000000000000001",
        "-0",
        "-0.00",
        "7922816251426433759354395033.5",
        "1,305.1 7 万元",
    ] {
        props::figures(s.as_bytes());
    }
}

/// The whole seed disclosure, every check, whole (64 KB fuzz inputs start from it).
#[test]
fn seed_text_whole() {
    let seed = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed/seed.txt"))
        .unwrap();
    props::check(&seed);
    props::score(&seed);
    props::tables(&seed);
}

/// Crash found by the `check` fuzz target (minimised): two 29-digit amounts after 其中 whose sum is beyond
/// exact decimal range made `Decimal + Decimal` panic "Addition overflowed" in
/// src/extract/narrative.rs `list_parts` (`sum += t.figure.value`; fixed in 03210ea with a saturating sum).
/// Every saved crash input, tests/fixtures/fuzz/crashes/check/, minimises to this.
#[test]
fn check_sum_of_parts_overflow() {
    props::check("其中66666666666666666666666666661元66666666666666666666666666661元".as_bytes());
    replay_dir("crashes/check", props::check);
}
