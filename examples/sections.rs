//! Debugging aid: `cargo run --example sections FILE` prints how the document model cut a paste and what the
//! table readers found in each self-evaluation table.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let doc = juesuan::document::Document::read(&text);
    for s in &doc.sections {
        let line = text
            .get(..s.bytes.start)
            .map_or(0, |t| t.matches('\n').count())
            + 1;
        println!(
            "{:?} from line {line}, chars {:?}, title {:?}",
            s.kind, s.span, s.title
        );
    }
    let value =
        |c: &Option<juesuan::document::Cell>| c.as_ref().map(|c| c.figure.value.to_string());
    for t in &doc.tables {
        println!("table {:?} {:?} span {:?}", t.name, t.kind, t.span);
        for r in &t.funds.rows {
            println!(
                "  funds {:?} {:?} {:?} {:?}",
                r.label,
                value(&r.initial),
                value(&r.budget),
                value(&r.executed)
            );
        }
        let problems: Vec<&String> = t.problems.iter().map(|p| &p.message).collect();
        println!("  indicators {} problems {problems:?}", t.indicators.len());
    }
}
