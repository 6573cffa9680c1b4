use juesuan::standard::*;
use std::fs;

fn fixture(part: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/tables-dev/putuo-czj-2024-{part}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = fs::read_to_string(path).expect("fixture");
    text.split_once('\n')
        .map(|(_, rest)| rest.to_string())
        .unwrap_or_default()
}

#[test]
fn debug_print() {
    for (i, kind) in StandardKind::ALL.iter().enumerate() {
        let t = read_table(*kind, &fixture(&format!("t{}", i + 1)), 0);
        println!("==== {:?} {} cols {:?}", kind, t.title, t.columns);
        for r in &t.rows {
            let vals: Vec<String> = r
                .values
                .iter()
                .map(|v| v.as_ref().map_or("-".into(), |a| a.value.to_string()))
                .collect();
            println!(
                "  {:?} {:?} {} [{}] readings={} amb={} cells={:?}",
                r.line,
                r.code,
                r.name,
                vals.join(" "),
                r.readings.len(),
                r.ambiguous,
                r.cells
                    .iter()
                    .map(|c| format!("{}={}", c.column.title(), c.value))
                    .collect::<Vec<_>>()
            );
        }
        println!(
            "  notes {:?}\n  problems {:?}\n  assumptions {:?}",
            t.notes, t.problems, t.assumptions
        );
    }
}
