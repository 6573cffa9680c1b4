//! Profiling aid: reads FILE's narrative N times (`cargo run --release --example loop2 FILE 50`).
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let n: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(20);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    for _ in 0..n {
        let c = juesuan::document::narrative::Narrative::read(&text, &[0..text.len()]);
        std::hint::black_box(&c);
    }
}
