//! Debugging aid: `cargo run --example prose FILE` prints how the narrative's sentences were read.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let doc = juesuan::document::Document::read(&text);
    print!("{}", juesuan::rules::prose::explain(&doc));
}
