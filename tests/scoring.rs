//! The seed's 12 自评表 (tests/fixtures/seed/self-evaluations.json), read from each TSV and from the raw seed
//! text, scored under both presets: every number of the answer key, and exactly the disagreeing rows.

use juesuan::report::{FindingKind, TableReport};
use juesuan::review as score_text;
use juesuan::scoring::preset::Preset;
use rust_decimal::Decimal;
use serde_json::Value;

const KEY: &str = include_str!("fixtures/seed/self-evaluations.json");
const SEED: &str = include_str!("fixtures/seed/seed.txt");

fn key() -> Vec<Value> {
    let v: Value = serde_json::from_str(KEY).expect("fixture is JSON");
    v["tables"].as_array().expect("tables").clone()
}

fn s(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

fn dec(x: &Option<String>) -> Option<Decimal> {
    // numeric comparison, for weights written "15" in one source and "15.00" in another
    x.as_deref().and_then(|t| t.parse().ok())
}

fn tsv(i: usize) -> String {
    std::fs::read_to_string(format!("tests/fixtures/seed/tables/{i:02}.tsv")).expect("tsv fixture")
}

fn presets() -> [(Preset, &'static str); 2] {
    [
        (Preset::proportional(), "proportional"),
        (Preset::deduct_per_point(Decimal::new(25, 2)), "deduct-0.25"),
    ]
}

/// Compares one scored table with its key; `names` also compares indicator names (the TSV copies them
/// exactly; the PDF text words some names differently).
fn compare(want: &Value, got: &TableReport, preset: &str, names: bool) -> Vec<String> {
    let mut errs = Vec::new();
    // Exact strings: the scale is part of the figure ("8.70", not "8.7").
    let mut eq = |what: &str, w: Option<String>, g: &Option<String>| {
        if &w != g {
            errs.push(format!("{what}: want {w:?}, got {g:?}"));
        }
    };
    let ex = &got.execution;
    eq("budget", s(&want["budget"]), &ex.budget);
    eq("executed", s(&want["executed"]), &ex.executed);
    eq("rate", s(&want["execution_rate"]), &ex.rate);
    eq("weight", s(&want["execution_weight"]), &ex.weight);
    eq(
        "stated execution score",
        s(&want["stated_execution_score"]),
        &ex.stated_score,
    );
    eq(
        "execution score",
        s(&want["execution_score"][preset]),
        &ex.score,
    );
    eq(
        "weights total",
        s(&want["weights_total"]),
        &got.weights_total,
    );
    eq(
        "stated scores total",
        s(&want["stated_scores_total"]),
        &got.stated_scores_total,
    );
    eq("stated total", s(&want["stated_total"]), &got.stated_total);
    eq("rule total", s(&want["rule_total"][preset]), &got.total);
    if s(&want["grade_of_stated_total"]) != got.stated_grade {
        errs.push(format!(
            "stated grade: want {:?}, got {:?}",
            want["grade_of_stated_total"], got.stated_grade
        ));
    }
    let rows = want["indicators"].as_array().cloned().unwrap_or_default();
    if rows.len() != got.indicators.len() {
        errs.push(format!(
            "{} rows, want {}",
            got.indicators.len(),
            rows.len()
        ));
        return errs;
    }
    for (w, g) in rows.iter().zip(&got.indicators) {
        let at = format!("row {} {}", g.row, g.indicator);
        if names && s(&w["indicator"]).as_deref() != Some(g.indicator.as_str()) {
            errs.push(format!("{at}: name, want {}", w["indicator"]));
        }
        if s(&w["level2"]).as_deref() != Some(g.level2.as_str()) {
            errs.push(format!("{at}: level2 {}, want {}", g.level2, w["level2"]));
        }
        for (what, wv, gv) in [
            ("target", s(&w["target"]), Some(g.target.clone())),
            ("actual", s(&w["actual"]), Some(g.actual.clone())),
        ] {
            let norm = |x: Option<String>| x.map(|t| t.replace(' ', ""));
            if norm(wv.clone()) != norm(gv.clone()) {
                errs.push(format!("{at}: {what} {gv:?}, want {wv:?}"));
            }
        }
        if dec(&s(&w["weight"])) != dec(&g.weight) {
            errs.push(format!("{at}: weight {:?}", g.weight));
        }
        if s(&w["stated_score"]) != g.stated_score {
            errs.push(format!(
                "{at}: stated score {:?}, want {}",
                g.stated_score, w["stated_score"]
            ));
        }
        if s(&w["rule_score"]) != g.score {
            errs.push(format!(
                "{at}: rule score {:?}, want {}",
                g.score, w["rule_score"]
            ));
        }
        let agrees = matches!(g.verdict.name(), "ok" | "rounding");
        if Some(agrees) != w["agrees"].as_bool() {
            errs.push(format!(
                "{at}: verdict {} ({}), want agrees={}",
                g.verdict.name(),
                g.message,
                w["agrees"]
            ));
        }
    }
    errs
}

#[test]
fn every_tsv_table_reproduces_the_key() {
    let mut failures = Vec::new();
    for (i, want) in key().iter().enumerate() {
        for (preset, which) in presets() {
            let report = score_text(&tsv(i), &preset);
            match report.tables.as_slice() {
                [got] => {
                    if got.name != want["name"].as_str().unwrap_or_default() {
                        failures.push(format!("{i:02}.tsv: name {}", got.name));
                    }
                    failures.extend(
                        compare(want, got, which, true)
                            .into_iter()
                            .map(|e| format!("{i:02}.tsv/{which}: {e}")),
                    );
                }
                other => failures.push(format!("{i:02}.tsv: {} tables", other.len())),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_raw_seed_text_reproduces_the_key() {
    let key = key();
    let mut failures = Vec::new();
    for (preset, which) in presets() {
        let report = score_text(SEED, &preset);
        assert_eq!(report.tables.len(), 12, "the seed holds 12 tables");
        for (i, (want, got)) in key.iter().zip(&report.tables).enumerate() {
            failures.extend(
                compare(want, got, which, false)
                    .into_iter()
                    .map(|e| format!("seed table {i}/{which}: {e}")),
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_text_reads_broken_cells() {
    let report = score_text(SEED, &Preset::proportional());
    let t = &report.tables;
    // 社会 努力使全村社会大局稳定和谐， 提高 提高 30 30⏎效益⏎指标⏎经济和社会各项事业得到持续、⏎协调、健康发展
    let last = t[1].indicators.last().expect("row");
    assert_eq!(
        (
            last.level2.as_str(),
            last.indicator.as_str(),
            last.target.as_str(),
            last.score.as_deref()
        ),
        (
            "社会效益指标",
            "努力使全村社会大局稳定和谐，经济和社会各项事业得到持续、协调、健康发展",
            "提高",
            Some("30.00")
        )
    );
    // a 偏差原因 with digits (作队 7⏎月撤) is read as the reason, not as values
    assert_eq!(
        t[1].indicators[1].reason,
        "为民办实事工作队 7月撤回，剩余部分工作由村委开展，我单位定期开展调研"
    );
    // 8.7⏎0 → 8.70, 100.0⏎0% → 100.00, 总分 10⏎0 100⏎分 → 100 / 100
    assert_eq!(t[2].execution.stated_score.as_deref(), Some("8.70"));
    assert_eq!(t[1].execution.stated_rate.as_deref(), Some("100.00"));
    assert_eq!(
        (
            t[9].stated_weights_total.as_deref(),
            t[9].stated_total.as_deref()
        ),
        (Some("100"), Some("100"))
    );
    assert_eq!(t[2].indicators[2].actual, "=61.99 万条");
    // spans are char offsets: the row's span covers its name
    let chars: Vec<char> = SEED.chars().collect();
    let span = last.span;
    let text: String = chars[span[0]..span[1]].iter().collect();
    assert!(
        text.starts_with("努力使全村") && text.ends_with("健康发展"),
        "{text}"
    );
}

#[test]
fn seed_findings_name_the_disagreements() {
    let report = score_text(SEED, &Preset::proportional());
    let t1 = &report.tables[1];
    let row = &t1.indicators[2];
    assert_eq!(
        row.message,
        "目标 ≥1 次，完成 0 次，按比例应得 0.00 分，表中填 6 分，不一致"
    );
    let stated = t1
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::StatedTotal)
        .expect("stated total check");
    assert_eq!(stated.verdict.name(), "ok");
    let rule = t1
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::RuleTotal)
        .expect("rule total check");
    assert_eq!(
        (rule.verdict.name(), rule.message.as_str()),
        ("mismatch", "表中总分 88 分，按规则总分 85.00 分，不一致")
    );
    let t2 = &report.tables[2];
    let exec = t2
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::ExecutionScore)
        .expect("execution score check");
    assert_eq!(
        exec.message,
        "执行率得分：按“比例计分”规则应得 9.48 分，表中填 8.70 分，不一致"
    );
    assert_eq!(t2.execution.verdict.map(|v| v.name()), Some("ok"));
    assert_eq!(t2.grade.as_deref(), Some("优"));
    assert_eq!(t2.stated_grade.as_deref(), Some("良"));
}
