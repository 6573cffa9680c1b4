//! The real published tables of tests/fixtures/score-corpus/, each read through the core under every
//! preset and compared with its hand-made key (format in the corpus README, arithmetic re-checked by
//! scripts/score_keys.py): every indicator row read, every keyed score equal, and no ✗ that the key does
//! not justify. Prints one summary line per table and preset.

use juesuan::scoring::preset::Preset;
use rust_decimal::Decimal;
use serde_json::Value;
use std::path::Path;

const DIR: &str = "tests/fixtures/score-corpus";

fn presets() -> Vec<(&'static str, Preset)> {
    vec![
        ("proportional", Preset::proportional()),
        ("deduct-0.25", Preset::deduct_per_point(Decimal::new(25, 2))),
        ("bands", Preset::bands()),
    ]
}

fn dec(v: &Value) -> Option<Decimal> {
    v.as_str()
        .and_then(|s| Decimal::from_str_exact(s.trim()).ok())
}

/// Two decimals written as strings are equal by value ("10" and "10.00"); null only equals null.
fn same(key: &Value, got: &Value) -> bool {
    match (dec(key), dec(got)) {
        (Some(a), Some(b)) => a == b,
        _ => key.is_null() && got.is_null(),
    }
}

fn squeeze(v: &Value) -> String {
    v.as_str()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A category label as the readers report it: no white space, no trailing 等 ("服务对象满意度指标等").
fn label(v: &Value) -> String {
    let s = squeeze(v);
    s.strip_suffix('等').map_or(s.clone(), str::to_string)
}

/// A keyed row that holds nothing (an empty 生态效益指标 line): no indicator to read.
fn is_empty_row(row: &Value) -> bool {
    squeeze(&row["indicator"]).is_empty()
        && row["weight"].is_null()
        && row["stated_score"].is_null()
}

/// Half-up rounding of `v` to the scale of `like` (as the table wrote it).
fn at_scale_of(v: Decimal, like: Decimal) -> Decimal {
    v.round_dp_with_strategy(
        like.scale(),
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    )
}

/// The ✗ the key justifies, as (finding kind or "claim:KIND", row); a ✗ outside this set is false.
fn expected_mismatches(key: &Value, preset: &str) -> Vec<(String, Option<u64>)> {
    let mut out = Vec::new();
    let rows: Vec<&Value> = key["indicators"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| !is_empty_row(r))
        .collect();
    for r in &rows {
        if r["agrees"] == Value::Bool(false) {
            out.push(("indicator_score".to_string(), None));
        }
        if let (Some(s), Some(w)) = (dec(&r["stated_score"]), dec(&r["weight"])) {
            if s > w {
                out.push(("score_over_weight".to_string(), None));
            }
        }
    }
    let exec = dec(&key["execution_score"][preset]);
    if let (Some(stated), Some(e)) = (dec(&key["stated_execution_score"]), exec) {
        if at_scale_of(e, stated) != stated {
            out.push(("execution_score".to_string(), None));
        }
    }
    if let (Some(stated), Some(r)) = (
        dec(&key["stated_execution_rate"]),
        dec(&key["execution_rate"]),
    ) {
        if at_scale_of(r, stated) != stated {
            out.push(("claim:execution".to_string(), None));
        }
    }
    if dec(&key["execution_rate"]).is_some_and(|r| r > Decimal::ONE_HUNDRED) {
        out.push(("execution_over_100".to_string(), None));
    }
    if dec(&key["weights_total"]).is_some_and(|w| w != Decimal::ONE_HUNDRED) {
        out.push(("weights_total".to_string(), None));
    }
    let stated_total = dec(&key["stated_total"]);
    if let (Some(t), Some(s)) = (stated_total, dec(&key["stated_scores_total"])) {
        if at_scale_of(s, t) != t {
            out.push(("stated_total".to_string(), None));
        }
    }
    if let (Some(t), Some(r)) = (stated_total, dec(&key["rule_total"][preset])) {
        if at_scale_of(r, t) != t {
            out.push(("rule_total".to_string(), None));
        }
    }
    if !key["rule_grade"][preset].is_null()
        && key["rule_grade"][preset] != key["grade_of_stated_total"]
    {
        out.push(("grade".to_string(), None));
    }
    out
}

struct Tally {
    rows_keyed: usize,
    rows_read: usize,
    scores: usize,
    equal: usize,
    mismatches: usize,
    false_mismatches: usize,
}

/// Compares one keyed score with the report's; a difference is a failure naming it.
fn score(fails: &mut Vec<String>, tally: &mut Tally, what: String, want: &Value, got: &Value) {
    tally.scores += 1;
    if same(want, got) {
        tally.equal += 1;
    } else {
        fails.push(format!("{what}: got {got}, key {want}"));
    }
}

fn check(stem: &str, key: &Value, report: &Value, preset: &str, out: &mut Vec<String>) -> Tally {
    let mut fails: Vec<String> = Vec::new();
    let tally = compare(key, report, preset, &mut fails);
    out.extend(fails.into_iter().map(|m| format!("{stem} [{preset}] {m}")));
    tally
}

fn compare(key: &Value, report: &Value, preset: &str, fails: &mut Vec<String>) -> Tally {
    let tables = report["tables"].as_array().cloned().unwrap_or_default();
    if tables.len() != 1 {
        fails.push(format!("{} tables read, want 1", tables.len()));
    }
    let t = tables.first().cloned().unwrap_or(Value::Null);
    let keyed: Vec<&Value> = key["indicators"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| !is_empty_row(r))
        .collect();
    let read = t["indicators"].as_array().cloned().unwrap_or_default();
    let mut tally = Tally {
        rows_keyed: keyed.len(),
        rows_read: read.len(),
        scores: 0,
        equal: 0,
        mismatches: 0,
        false_mismatches: 0,
    };
    if read.len() != keyed.len() {
        fails.push(format!(
            "{} indicator rows read, {} keyed",
            read.len(),
            keyed.len()
        ));
    }
    let tl = &mut tally;
    score(
        fails,
        tl,
        "执行率".into(),
        &key["execution_rate"],
        &t["execution"]["rate"],
    );
    let exec = &t["execution"]["score"];
    score(
        fails,
        tl,
        "执行率得分".into(),
        &key["execution_score"][preset],
        exec,
    );
    for (i, (k, r)) in keyed.iter().zip(&read).enumerate() {
        let name = squeeze(&k["indicator"]);
        if squeeze(&r["indicator"]) != name {
            let got = squeeze(&r["indicator"]);
            fails.push(format!("row {}: name “{got}”, key “{name}”", i + 1));
        }
        for level in ["level1", "level2"] {
            let (want, got) = (label(&k[level]), label(&r[level]));
            if want != got {
                fails.push(format!(
                    "row {} “{name}” {level}: “{got}”, key “{want}”",
                    i + 1
                ));
            }
        }
        let row = |what: &str| format!("row {} “{name}” {what}", i + 1);
        score(fails, tl, row("分值"), &k["weight"], &r["weight"]);
        score(
            fails,
            tl,
            row("得分"),
            &k["stated_score"],
            &r["statedScore"],
        );
        score(fails, tl, row("规则得分"), &k["rule_score"], &r["score"]);
    }
    score(
        fails,
        tl,
        "分值合计".into(),
        &key["weights_total"],
        &t["weightsTotal"],
    );
    let sum = &t["statedScoresTotal"];
    score(
        fails,
        tl,
        "各项得分之和".into(),
        &key["stated_scores_total"],
        sum,
    );
    score(
        fails,
        tl,
        "表中总分".into(),
        &key["stated_total"],
        &t["statedTotal"],
    );
    score(
        fails,
        tl,
        "规则总分".into(),
        &key["rule_total"][preset],
        &t["total"],
    );
    tl.scores += 1;
    if t["grade"] == key["rule_grade"][preset] {
        tl.equal += 1;
    } else {
        let want = &key["rule_grade"][preset];
        fails.push(format!("grade: got {}, key {want}", t["grade"]));
    }
    // every ✗ in the table's findings, rows and claims must be one the key justifies
    let expected = expected_mismatches(key, preset);
    let mut found: Vec<String> = t["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["verdict"] == "mismatch")
        .map(|f| f["kind"].as_str().unwrap_or("").to_string())
        .collect();
    found.extend(
        report["claims"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|c| c["table"] == 0 && c["verdict"] == "mismatch")
            .map(|c| format!("claim:{}", c["kind"].as_str().unwrap_or(""))),
    );
    tally.mismatches = found.len();
    let mut left = expected.clone();
    for kind in found {
        match left.iter().position(|(k, _)| *k == kind) {
            Some(p) => {
                left.remove(p);
            }
            None => {
                tally.false_mismatches += 1;
                fails.push(format!("false ✗: {kind}"));
            }
        }
    }
    for (kind, _) in left {
        fails.push(format!("missed ✗: {kind}"));
    }
    tally
}

#[test]
fn every_corpus_table_is_read_whole_and_scored_as_keyed() {
    let mut stems: Vec<String> = std::fs::read_dir(DIR)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    stems.sort();
    assert!(!stems.is_empty(), "no keys in {DIR}");
    let mut fails = Vec::new();
    let (mut tables, mut rows, mut scores, mut equal, mut false_x) = (0, 0, 0, 0, 0);
    let mut provinces = std::collections::BTreeSet::new();
    for stem in &stems {
        let key_text = std::fs::read_to_string(Path::new(DIR).join(format!("{stem}.json")));
        let text = std::fs::read_to_string(Path::new(DIR).join(format!("{stem}.txt")));
        let (Ok(key_text), Ok(text)) = (key_text, text) else {
            fails.push(format!("{stem}: key or excerpt missing"));
            continue;
        };
        let Ok(key) = serde_json::from_str::<Value>(&key_text) else {
            fails.push(format!("{stem}: key is not JSON"));
            continue;
        };
        tables += 1;
        provinces.insert(key["province"].as_str().unwrap_or("?").to_string());
        for (name, preset) in presets() {
            let report =
                serde_json::to_value(juesuan::review(&text, &preset)).unwrap_or(Value::Null);
            let t = check(stem, &key, &report, name, &mut fails);
            println!(
                "{stem} [{name}]: rows {}/{} read, scores {}/{} equal, ✗ {} (false {})",
                t.rows_read, t.rows_keyed, t.equal, t.scores, t.mismatches, t.false_mismatches
            );
            if name == "proportional" {
                rows += t.rows_keyed;
            }
            scores += t.scores;
            equal += t.equal;
            false_x += t.false_mismatches;
        }
    }
    println!(
        "corpus: {tables} tables, {} provinces, {rows} indicator rows, {equal}/{scores} keyed scores equal \
         over 3 presets, {false_x} false ✗",
        provinces.len()
    );
    assert!(
        fails.is_empty(),
        "{} failures:\n{}",
        fails.len(),
        fails.join("\n")
    );
}
