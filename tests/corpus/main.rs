//! The real-document corpus (tests/fixtures/corpus/): every keyed claim of 116+ real texts looked for in
//! the review, single errors planted in every text and looked for again. Prints a table by document type
//! and by province (`npm run corpus` shows it) and fails on any false ✗, on recall below 90 % and on
//! mutation detection below 95 %.

#[path = "../matching/mod.rs"]
mod matching;
mod measure;
mod mutate;

use measure::{Doc, Tally};
use std::collections::BTreeMap;

fn load() -> Vec<Doc> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");
    let mut stems: Vec<String> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".json").map(str::to_string))
        .collect();
    stems.sort();
    stems
        .into_iter()
        .map(|stem| {
            let key: serde_json::Value = serde_json::from_str(
                &std::fs::read_to_string(format!("{dir}/{stem}.json")).expect("key"),
            )
            .expect("key json");
            let text = std::fs::read_to_string(format!("{dir}/{stem}.txt")).expect("text");
            Doc { stem, key, text }
        })
        .collect()
}

fn row(name: &str, t: &Tally) -> String {
    let pct = |a: usize, b: usize| {
        if b == 0 {
            "—".to_string()
        } else {
            format!("{:.1}%", a as f32 * 100.0 / b as f32)
        }
    };
    format!(
        "| {name} | {} | {} | {} | {} ({}) | {} | {} / {} ({}) | {} / {} ({}) |",
        t.docs,
        t.keyed,
        t.found,
        t.right,
        pct(t.right, t.keyed),
        t.false_mismatch,
        t.figures - t.unchecked,
        t.figures,
        pct(t.figures - t.unchecked, t.figures),
        t.mutations_flagged,
        t.mutations,
        pct(t.mutations_flagged, t.mutations),
    )
}

/// Measured recall (right verdict ÷ keyed claims) the engine must not fall below, in ‰.
const RECALL_FLOOR_PERMILLE: usize = 913;
/// Measured share of mutations flagged the engine must not fall below, in ‰.
const MUTATION_FLOOR_PERMILLE: usize = 959;

#[test]
fn the_corpus() {
    let docs = load();
    let mut by_type: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_province: BTreeMap<String, Tally> = BTreeMap::new();
    let mut all = Tally::default();
    let mut failures = Vec::new();
    let mut misses = Vec::new();
    for doc in &docs {
        let mut t = measure::measure(doc, &mut failures, &mut misses);
        mutate::mutations(doc, &mut t, &mut misses);
        let ty = doc.key["type"].as_str().unwrap_or("?").to_string();
        let pr = doc.key["province"].as_str().unwrap_or("?").to_string();
        by_type.entry(ty).or_default().add(&t);
        by_province.entry(pr).or_default().add(&t);
        all.add(&t);
    }
    let head = "| | documents | keyed claims | found | right verdict | false ✗ | figures checked | mutations flagged |\n|---|---|---|---|---|---|---|---|";
    let mut out = vec![head.to_string()];
    out.extend(by_type.iter().map(|(k, t)| row(k, t)));
    out.push(row("**all**", &all));
    out.push(String::new());
    out.push(head.replace("| |", "| province |"));
    out.extend(by_province.iter().map(|(k, t)| row(k, t)));
    println!("{}", out.join("\n"));
    if std::env::var("CORPUS_MISSES").is_ok() {
        println!("\n{}", misses.join("\n"));
    }
    assert!(
        failures.is_empty(),
        "false ✗ on correct text:\n{}",
        failures.join("\n")
    );
    // The goals are 90 % recall and 95 % of mutations flagged; neither is met yet. These floors are
    // the measured level, so a change that loses recall or detection fails here; raise them as the engine
    // improves (README, "Corpus").
    assert!(
        all.right * 1000 >= all.keyed * RECALL_FLOOR_PERMILLE,
        "recall {} of {} keyed claims with the right verdict (below the {RECALL_FLOOR_PERMILLE} ‰ floor)",
        all.right,
        all.keyed
    );
    assert!(
        all.mutations_flagged * 1000 >= all.mutations * MUTATION_FLOOR_PERMILLE,
        "{} of {} mutations flagged (below the {MUTATION_FLOOR_PERMILLE} ‰ floor)",
        all.mutations_flagged,
        all.mutations
    );
}
