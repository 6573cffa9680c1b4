#!/usr/bin/env bash
# The whole test suite, in order: set-up, house rules, native Rust, wasm in Node, wasm in Chromium, build,
# page tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n==== %s ====\n' "$*"; }

step "1/8 setup"
bash scripts/setup.sh

step "2/8 house rules: cargo fmt --check, clippy -D warnings (native and wasm32), corpus keys"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --tests -- -D warnings
python3 scripts/corpus_keys.py --quiet
python3 scripts/score_keys.py

step "3/8 cargo test (native: every target, then the doc tests, which --all-targets skips)"
cargo test --all-targets
cargo test --doc

step "4/8 wasm tests in Node (wasm-bindgen-test-runner)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test node

step "5/8 wasm tests in headless Chromium (chromedriver, webdriver.json)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown --test browser

step "6/8 build dist/"
node scripts/build.mjs

step "7/8 page tests (node --test, playwright-core, headless Chromium)"
node --test tests/page/

step "8/8 all tests passed"
