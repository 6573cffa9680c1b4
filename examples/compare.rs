//! Debugging aid: `cargo run --example compare FILE` prints the comparison tables the document model cut
//! out of the narrative: their columns, and each row's label, numbering and placed figures.
use juesuan::document::compare::Cells;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let doc = juesuan::document::Document::read(&text);
    for t in &doc.compare {
        println!("{} {:?} 单位:{:?} {:?}", t.title, t.pair, t.unit, t.span);
        for c in &t.columns {
            println!("  列 {} {:?}", c.name, c.role);
        }
        for r in &t.rows {
            let cells = match &r.cells {
                Cells::Heading => "heading".to_string(),
                Cells::Placed(cs) => cs
                    .iter()
                    .map(|c| c.as_ref().map_or("·".into(), |c| c.figure.text()))
                    .collect::<Vec<_>>()
                    .join(" | "),
                Cells::Zeros(cs) => format!("zeros ×{}", cs.len()),
                Cells::Unplaced(cs) => format!("unplaced ×{}", cs.len()),
                Cells::Malformed(_, why) => format!("malformed: {why}"),
            };
            let depth = r
                .marker
                .map_or(String::new(), |m| format!("[{}.{}]", m.depth, m.ordinal));
            println!("  {:>4} {depth} {} → {cells}", r.line, r.label);
        }
    }
}
