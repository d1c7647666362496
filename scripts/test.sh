#!/usr/bin/env bash
# Runs every check and test: formatting, lints, host tests (content, quotes, URL
# state), a release build, and the browser tests in headless Chromium.
# Installs what is missing first, so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

step() { printf '\n==> %s\n' "$*"; }

step "Formatting"
cargo fmt --all -- --check

step "Lints (host crate, and the app for the wasm target)"
cargo clippy --locked -p explainer-core --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown -p tiktok-data-explainer -- -D warnings

step "Host tests: content model, validation, verbatim quotes, URL state, diagram geometry"
cargo test --locked -p explainer-core

step "Release build"
trunk build --release --offline

step "Browser tests (headless Chromium against dist/)"
node --test --test-concurrency=1 tests/browser/
