//! The properties the fuzz targets check. They live in `props.rs` so that the main crate's
//! `tests/fuzz_regressions.rs` replays saved inputs through exactly the same code (`#[path]` include).
pub mod props;
