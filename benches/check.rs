//! `cargo bench --bench check`: the seed disclosure checked natively, median and p95 of many runs, and
//! one million rate computations. Prints numbers; asserts nothing (timings are not tests).

use std::hint::black_box;
use std::time::{Duration, Instant};

const SEED: &str = include_str!("../tests/fixtures/seed/seed.txt");

fn stats(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95))
}

fn time_runs(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    for _ in 0..runs / 10 {
        f(); // warm up
    }
    let samples = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    stats(samples)
}

fn main() {
    // `cargo test --all-targets` runs this binary too (without --bench): there it only has to start.
    if !std::env::args().any(|a| a == "--bench") {
        println!("benchmarks run with `cargo bench --bench check`");
        return;
    }
    let (median, p95) = time_runs(2000, || {
        black_box(juesuan::review(
            black_box(SEED),
            &juesuan::Preset::proportional(),
        ));
    });
    let claims = juesuan::review(SEED, &juesuan::Preset::proportional())
        .claims
        .len();
    println!(
        "native  check(seed, {} chars, {claims} claims): median {:>8.1} µs  p95 {:>8.1} µs",
        SEED.chars().count(),
        median.as_secs_f64() * 1e6,
        p95.as_secs_f64() * 1e6
    );

    let (median, p95) = time_runs(2000, || {
        black_box(juesuan::review(
            black_box(SEED),
            &juesuan::scoring::preset::Preset::proportional(),
        ));
    });
    println!(
        "native  score(seed):                       median {:>8.1} µs  p95 {:>8.1} µs",
        median.as_secs_f64() * 1e6,
        p95.as_secs_f64() * 1e6
    );

    let narrative = SEED
        .split("部门（单位）整体支出绩效目标自评表")
        .next()
        .unwrap_or(SEED);
    let corpus = vec![narrative; 400].join("\n");
    let t = Instant::now();
    let n = juesuan::review(black_box(&corpus), &juesuan::Preset::proportional())
        .claims
        .len();
    let s = t.elapsed().as_secs_f64();
    let mb = corpus.len() as f64 / 1e6;
    println!(
        "native  check({mb:.1} MB corpus, {n} claims): {:.1} MB/s ({s:.2} s)",
        mb / s
    );

    let pairs: Vec<(String, String)> = (0..1000)
        .map(|i| {
            (
                format!("{}.{:02}", 900 + i, i % 100),
                format!("{}.{:02}", 1400 + i * 3, (i * 7) % 100),
            )
        })
        .collect();
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..1000 {
        for (a, b) in &pairs {
            black_box(juesuan::calc::rate_text("variance", black_box(a), black_box(b)).ok());
            n += 1;
        }
    }
    let per = t.elapsed().as_secs_f64() / n as f64;
    println!(
        "native  rate(variance) × {n}: {:.0} ns each, {:.2} M/s",
        per * 1e9,
        1e-6 / per
    );
}
