#!/usr/bin/env bash
# Runs every check and test: formatting, lints, host tests (content, quotes, URL
# state, properties), a release build, the browser tests in headless Chromium, and
# the benchmark's budget check.
# Installs what is missing first, so it works on a fresh machine.
#
#   bash scripts/test.sh           everything (what CI runs)
#   bash scripts/test.sh --quick   a quick local pass: formatting, lints, host tests
#                                  with few property cases, a build and one browser
#                                  smoke test (a few minutes once built; no benchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
case "${1:-}" in
  --quick) quick=true ;;
  "") ;;
  *) echo "usage: bash scripts/test.sh [--quick]" >&2; exit 2 ;;
esac
bash scripts/setup.sh
source scripts/env.sh
# The property tests' case counts (crates/explainer-core/tests/common): the counts in
# the code are CI's strength; a quick pass runs a few of each.
if $quick; then export PROPTEST_CASES=${PROPTEST_CASES:-32}; fi

step() { printf '\n==> %s\n' "$*"; }

step "Formatting"
cargo fmt --all -- --check

step "Lints (host crate, and the app for the wasm target)"
cargo clippy --locked -p explainer-core --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown -p explainer-app -- -D warnings
cargo clippy --locked --no-default-features --features ssr -p explainer-app --all-targets -- -D warnings

step "Host tests: content model, validation, verbatim quotes, URL state, diagram geometry"
cargo test --locked -p explainer-core

step "Release build (with pre-rendering, single-file edition, service worker, oEmbed)"
# The oEmbed test serves dist/ at the public address the build was given: a free
# loopback port under a sub-path, away from the preview's 8080.
EXPLAINER_PUBLIC_URL=http://127.0.0.1:47809/graphics/explainer/ \
  trunk build --release --offline

if $quick; then
  step "Browser smoke test (headless Chromium against dist/)"
  node --test tests/browser/navigation.test.mjs
  step "Quick pass done (the build-time tests, the other browser tests and the benchmark run without --quick)"
  exit 0
fi

step "Build-time tests: the renderer, invalid content failing the build, re-rendering after an edit"
cargo test --locked --no-default-features --features ssr -p explainer-app

step "Browser tests (headless Chromium against dist/)"
node --test --test-concurrency=1 tests/browser/

step "The Spanish edition (dist/es): the tests of the original that read the story's words, run on the edition"
# The build above wrote it; the tests read its content (content.es.json) and its
# words table (locales/es.toml): the page without scripts, the single file, the
# embeds, axe, the phone layout, the diagram (its labels measured), share pages and
# Share, one render, what a screen reader hears, and the timeline.
EXPLAINER_EDITION=es DIST_DIR=dist/es node --test --test-concurrency=1 \
  tests/browser/readable-nojs.test.mjs tests/browser/readable-offline.test.mjs \
  tests/browser/embed.test.mjs tests/browser/a11y.test.mjs tests/browser/phone.test.mjs \
  tests/browser/diagram.test.mjs \
  tests/browser/share.test.mjs tests/browser/one-render.test.mjs \
  tests/browser/screen-reader.test.mjs tests/browser/timeline.test.mjs

step "The second story (stories/example): its check, its build, and its page without scripts, single file, embeds and axe"
# The engine builds a story other than the default one with no code change: a
# demonstration story with its own fixture articles, diagram and one perspective.
cargo run -q --locked -p explainer-core --bin check -- stories/example
EXPLAINER_STORY=stories/example trunk build --release --offline --dist dist-example
EXPLAINER_STORY=stories/example DIST_DIR=dist-example node --test --test-concurrency=1 \
  tests/browser/readable-nojs.test.mjs tests/browser/readable-offline.test.mjs \
  tests/browser/embed.test.mjs tests/browser/a11y.test.mjs

step "Benchmark and budgets (sizes, Lighthouse, step latency, memory)"
mkdir -p test-results
node scripts/bench.mjs --check --json test-results/bench.json
