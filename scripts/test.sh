#!/usr/bin/env bash
# The whole test suite, in order: set-up, native Rust, wasm in Node, wasm in Chromium, build, page tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n==== %s ====\n' "$*"; }

step "1/6 setup"
bash scripts/setup.sh

step "2/6 cargo test (native)"
cargo test --all-targets

step "3/6 wasm tests in Node (wasm-bindgen-test-runner)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test node

step "4/6 wasm tests in headless Chromium (chromedriver, webdriver.json)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown --test browser

step "5/6 build dist/"
node scripts/build.mjs

step "6/6 page tests (node --test, playwright-core, headless Chromium)"
node --test tests/page/

step "all tests passed"
