//! Debugging aid: `cargo run --example dump_tables FILE` prints what the table reader found.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    for t in juesuan::tables::read_tables(&text) {
        println!("table {:?} {:?} span {:?}", t.name, t.kind, t.span);
        for r in &t.funds.rows {
            let v =
                |c: &Option<juesuan::tables::Cell>| c.as_ref().map(|c| c.figure.value.to_string());
            println!(
                "  funds {:?} {:?} {:?} {:?}",
                r.label,
                v(&r.initial),
                v(&r.budget),
                v(&r.executed)
            );
        }
        println!(
            "  indicators {} problems {:?}",
            t.indicators.len(),
            t.problems.iter().map(|p| &p.message).collect::<Vec<_>>()
        );
    }
}
