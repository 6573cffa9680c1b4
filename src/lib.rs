//! juesuan (决算校核计算器): recomputes every figure of a Chinese final-accounts disclosure and its
//! performance self-evaluation tables exactly, and judges each stated figure: ok, rounding tail, mismatch,
//! or not computable. Plain Rust over `rust_decimal`; the only JS boundary is `wasm.rs`.
//!
//! The one call is [`review`]: the paste read once ([`document`]), every figure judged once ([`rules`]),
//! the self-evaluation tables scored ([`scoring`]), everything reported as [`report::Review`].
#![forbid(unsafe_code)]

pub mod calc;
pub mod document;
pub mod error;
pub mod num;
pub mod report;
mod review;
pub mod rules;
pub mod scoring;
pub mod standard;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, Result};
pub use num::verdict::Verdict;
pub use report::Review;
pub use review::review;
pub use scoring::preset::Preset;
