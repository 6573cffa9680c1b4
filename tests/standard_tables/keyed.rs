//! The tables-dev answer keys (one real 部门决算, 上海市普陀区财政局 2024): every keyed check reproduced
//! under its rule id with its stated and expected value and verdict, no 错误 the keys do not have, and the
//! same findings whether the tables are pasted one by one or together.

use juesuan::standard::*;
use rust_decimal::Decimal;
use serde_json::Value;
use std::fs;
use std::str::FromStr;

pub fn fixture(part: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/tables-dev/putuo-czj-2024-{part}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = fs::read_to_string(path).expect("fixture");
    // the first line is the fixture's `# source:` header, not part of what a user pastes
    text.split_once('\n')
        .map(|(_, rest)| rest.to_string())
        .unwrap_or_default()
}

fn key(part: &str) -> Vec<Value> {
    let path = format!(
        "{}/tests/fixtures/tables-dev/putuo-czj-2024-{part}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let v: Value = serde_json::from_str(&fs::read_to_string(path).expect("key")).expect("json");
    v.as_array().cloned().unwrap_or_default()
}

const PARTS: [&str; 9] = ["t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9"];

fn one_by_one() -> Vec<StandardTable> {
    PARTS
        .iter()
        .zip(StandardKind::ALL)
        .map(|(p, k)| read_table(k, &fixture(p), 0))
        .collect()
}

fn dec(s: &str) -> Option<Decimal> {
    Decimal::from_str(s.trim()).ok()
}

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

/// The severity a keyed check should get.
fn keyed_severity(k: &Value) -> Severity {
    let note = s(k, "note");
    if k.get("consistent").and_then(Value::as_bool) == Some(true) {
        Severity::Ok
    } else if note.starts_with("rounding") {
        Severity::Rounding
    } else if s(k, "expected").starts_with("undefined") {
        Severity::NotComputable
    } else if note.starts_with("truncation") || note.starts_with("inequality") {
        Severity::Hint
    } else {
        Severity::Error
    }
}

/// Account codes named in a key's formula (3, 5 or 7 digits standing alone).
fn codes_in(formula: &str) -> Vec<String> {
    let chars: Vec<char> = formula.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let before = start.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i).copied();
            let lone = !matches!(before, Some('.') | Some(','))
                && !matches!(after, Some('.') | Some(',') | Some('%'));
            if lone
                && matches!(i - start, 3 | 5 | 7)
                && chars[start] != '0'
                && !formula[..].contains("完成")
            {
                out.push(chars[start..i].iter().collect());
            }
        } else {
            i += 1;
        }
    }
    out
}

fn bracket(formula: &str) -> Option<String> {
    let a = formula.find('[')?;
    let b = formula[a..].find(']')? + a;
    Some(formula[a + 1..b].trim_end_matches('列').to_string())
}

fn matches(k: &Value, f: &TableFinding) -> bool {
    if s(k, "rule") != f.rule || keyed_severity(k) != f.severity {
        return false;
    }
    let (ks, ke) = (s(k, "stated"), s(k, "expected"));
    if let (Some(a), Some(b)) = (dec(ks), dec(&f.stated)) {
        if a != b {
            return false;
        }
    }
    if let Some(e) = dec(ke) {
        if dec(&f.expected) != Some(e) {
            return false;
        }
    }
    let codes: Vec<String> = f.cells.iter().filter_map(|c| c.code.clone()).collect();
    if !codes_in(s(k, "formula")).iter().all(|c| codes.contains(c)) {
        return false;
    }
    match bracket(s(k, "formula")) {
        Some(col) => f.cells.iter().any(|c| c.column.contains(&col)),
        None => true,
    }
}

/// Assigns keyed checks to findings one to one; returns the keyed checks with no finding.
fn unmatched(keys: &[Value], findings: &[TableFinding]) -> Vec<String> {
    let mut used = vec![false; findings.len()];
    let mut missing = Vec::new();
    for k in keys {
        match (0..findings.len()).find(|&i| !used[i] && matches(k, &findings[i])) {
            Some(i) => used[i] = true,
            None => missing.push(format!(
                "{} {} | stated {} expected {} ({:?})",
                s(k, "rule"),
                s(k, "formula"),
                s(k, "stated"),
                s(k, "expected"),
                keyed_severity(k)
            )),
        }
    }
    missing
}

fn all_keys() -> Vec<Value> {
    PARTS
        .iter()
        .chain(&["all-tables", "narrative"])
        .flat_map(|p| key(p))
        .collect()
}

fn all_findings() -> Vec<TableFinding> {
    let tables = read_tables(&fixture("all-tables"), 0);
    let mut f = check_tables(&tables);
    f.extend(check_text_against_tables(&fixture("narrative"), 0, &tables));
    f
}

#[test]
fn every_keyed_check_is_reproduced() {
    let keys = all_keys();
    let findings = all_findings();
    let missing = unmatched(&keys, &findings);
    for m in &missing {
        eprintln!("not reproduced: {m}");
    }
    eprintln!(
        "reproduced {} of {}",
        keys.len() - missing.len(),
        keys.len()
    );
    assert!(
        missing.is_empty(),
        "{} keyed checks not reproduced",
        missing.len()
    );
}

#[test]
fn no_error_that_the_keys_do_not_have() {
    let keys = all_keys();
    let findings = all_findings();
    let keyed_errors: Vec<&Value> = keys
        .iter()
        .filter(|k| keyed_severity(k) == Severity::Error)
        .collect();
    let errors: Vec<&TableFinding> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    for e in &errors {
        eprintln!("错误 {} {} | {}", e.rule, e.formula, e.message);
    }
    let false_errors: Vec<&&TableFinding> = errors
        .iter()
        .filter(|f| !keyed_errors.iter().any(|k| matches(k, f)))
        .collect();
    assert!(false_errors.is_empty(), "false 错误: {false_errors:#?}");
    assert_eq!(errors.len(), keyed_errors.len());
}

fn comparable(f: &TableFinding) -> String {
    let cells: Vec<String> = f
        .cells
        .iter()
        .map(|c| format!("{}:{}:{}:{:?}", c.table.id(), c.row, c.column, c.value))
        .collect();
    format!(
        "{} {:?} {} {} {}",
        f.rule,
        f.severity,
        f.stated,
        f.expected,
        cells.join(",")
    )
}

#[test]
fn one_paste_or_table_by_table_gives_the_same_findings() {
    let mut together: Vec<String> = check_tables(&read_tables(&fixture("all-tables"), 0))
        .iter()
        .map(comparable)
        .collect();
    let mut apart: Vec<String> = check_tables(&one_by_one()).iter().map(comparable).collect();
    together.sort();
    apart.sort();
    assert_eq!(together, apart);
    let tables = read_tables(&fixture("all-tables"), 0);
    assert_eq!(
        tables.iter().map(|t| t.kind).collect::<Vec<_>>(),
        StandardKind::ALL.to_vec()
    );
}
