//! Profiling aid: `valgrind --tool=callgrind target/release/examples/prof_tables [read|score]` reads (or
//! reads and scores) the seed's tables 20 times.
fn main() {
    let seed = include_str!("../tests/fixtures/seed/seed.txt");
    let score = std::env::args().nth(1).as_deref() == Some("score");
    let preset = juesuan::scoring::preset::Preset::proportional();
    for _ in 0..20 {
        if score {
            std::hint::black_box(juesuan::review(seed, &preset));
        } else {
            std::hint::black_box(juesuan::document::Document::read(seed));
        }
    }
}
