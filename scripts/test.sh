#!/usr/bin/env bash
# Runs every check and test: formatting, lints, host tests (content, quotes, URL
# state, properties), a release build, the browser tests in headless Chromium, and
# the benchmark's budget check.
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
cargo clippy --locked --no-default-features --features ssr -p tiktok-data-explainer --all-targets -- -D warnings

step "Host tests: content model, validation, verbatim quotes, URL state, diagram geometry"
cargo test --locked -p explainer-core

step "Release build (with pre-rendering, single-file edition, service worker, oEmbed)"
# The oEmbed test serves dist/ at the public address the build was given: a free
# loopback port under a sub-path, away from the preview's 8080.
EXPLAINER_PUBLIC_URL=http://127.0.0.1:47809/graphics/tiktok-data/ \
  trunk build --release --offline

step "Build-time tests: the renderer, invalid content failing the build, re-rendering after an edit"
cargo test --locked --no-default-features --features ssr -p tiktok-data-explainer

step "Browser tests (headless Chromium against dist/)"
node --test --test-concurrency=1 tests/browser/

step "Benchmark and budgets (sizes, Lighthouse, step latency, memory)"
mkdir -p test-results
node scripts/bench.mjs --check --json test-results/bench.json
