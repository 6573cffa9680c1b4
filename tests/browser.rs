//! The shared wasm tests (tests/common) in headless Chromium: `cargo test --target wasm32-unknown-unknown
//! --test browser` with CHROMEDRIVER set (flags in webdriver.json).
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
