//! juesuan (决算校核计算器): recomputes every figure of a Chinese final-accounts disclosure and its
//! performance self-evaluation tables exactly, and judges each stated figure: ok, rounding tail, mismatch,
//! or not computable. Plain Rust over `rust_decimal`; the only JS boundary is `wasm.rs`.
#![forbid(unsafe_code)]

pub mod calc;
pub mod decimal;
pub mod diagnosis;
pub mod error;
pub mod extract;
pub mod figures;
pub mod presets;
pub mod rates;
pub mod report;
pub mod scoring;
pub mod standard;
pub mod tables;
pub mod verdict;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, Result};
