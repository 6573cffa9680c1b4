//! Profiling aid: `valgrind --tool=callgrind target/release/examples/prof` checks the seed 20 times.
fn main() {
    let seed = include_str!("../tests/fixtures/seed/seed.txt");
    for _ in 0..20 {
        std::hint::black_box(juesuan::review(seed, &juesuan::Preset::proportional()));
    }
}
