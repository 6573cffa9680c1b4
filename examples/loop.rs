//! Profiling aid: reviews FILE N times (`cargo run --release --example loop FILE 200`).
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let n: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let mut claims = 0;
    for _ in 0..n {
        claims += juesuan::review(&text, &juesuan::Preset::proportional())
            .claims
            .len();
    }
    println!("{claims}");
}
