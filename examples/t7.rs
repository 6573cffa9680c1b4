//! Debugging aid: `cargo run --example t7 FILE…` prints each standard table compactly (columns, values,
//! readings, problems, assumptions) and the review's table claims (table-sum / table-link / text-table).
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        println!("### {path}");
        let doc = juesuan::document::Document::read(&text);
        for t in &doc.standard {
            println!("{:?} «{}» unit {:?}", t.kind, t.title, t.unit);
            let cols: Vec<String> = t.columns.iter().map(|c| c.title()).collect();
            println!("  columns: {}", cols.join(" | "));
            for r in &t.rows {
                let vals: Vec<String> = r
                    .values
                    .iter()
                    .map(|v| v.as_ref().map_or("—".into(), |a| a.value.to_string()))
                    .collect();
                println!(
                    "  row {} [{}] readings {}",
                    r.label(),
                    vals.join(" "),
                    r.readings.len()
                );
                for rd in r.readings.iter().take(6) {
                    let c: Vec<String> = rd.iter().map(|c| c.title()).collect();
                    println!("    · {}", c.join(", "));
                }
            }
            for p in &t.problems {
                println!("  problem: {p}");
            }
            for a in &t.assumptions {
                println!("  assumption: {a}");
            }
        }
        let r = juesuan::review(&text, &juesuan::Preset::proportional());
        for c in &r.claims {
            let chars: Vec<char> = text.chars().collect();
            let q: String = chars
                .get(c.span[0].saturating_sub(24)..c.span[1].min(chars.len()))
                .map(|s| s.iter().collect())
                .unwrap_or_default();
            let src: Vec<String> = c.sources.iter().map(|s| s.value.0.to_string()).collect();
            println!(
                "  claim {} {} {:?} stated {} [{}] «{}» {}",
                c.kind.name(),
                c.rule.clone().unwrap_or_default(),
                c.verdict,
                c.stated,
                src.join(", "),
                q,
                c.formula
            );
        }
        for p in &r.problems {
            println!("  problem: {}", p.message);
        }
    }
}
