//! Debugging aid: `cargo run --example tables FILE` prints the standard tables the document model read.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let doc = juesuan::document::Document::read(&text);
    for t in &doc.standard {
        println!("{:#?}", t);
    }
}
