#!/usr/bin/env bash
# Sets up what is missing, then runs every test: formatting, clippy, host unit and data tests,
# browser-only functions (wasm-bindgen-test in headless Chromium), the release build, and the
# end-to-end tests (Playwright + headless Chromium against dist/ served under /study/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
. scripts/env.sh

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Formatting (cargo fmt --check)"
cargo fmt --all -- --check

step "Lints (cargo clippy -D warnings, host and wasm32)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings

step "Data check (scripts/validate-data.sh: the same checks the build runs, as a standalone tool)"
scripts/validate-data.sh data

step "Host tests (cargo test): data, dates, routes, study logic"
cargo test --workspace -- --nocapture --test-threads=2 2>&1 | grep -vE '^\s*$' | grep -vE 'running 0 tests|^test result: ok. 0 passed'

step "Browser-only functions (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --target wasm32-unknown-unknown --test browser

step "Release build (trunk build --release)"
trunk build --release --offline

step "End-to-end tests (Playwright, headless Chromium, dist/ under /study/)"
npx playwright test "$@"
