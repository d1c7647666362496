#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml), on Trunk's staging folder: minifies the
# stylesheet and the wasm-bindgen glue (scripts/minify.mjs), then runs the build
# step (src/bin/postbuild.rs: the pre-rendered page, the single file, the editions,
# the service worker, the compressed copies…). One hook, because Trunk runs the
# hooks of a stage side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${TRUNK_STAGING_DIR:?run by Trunk as its post_build hook}"
node scripts/minify.mjs "$TRUNK_STAGING_DIR"
exec cargo run --quiet --locked --offline --no-default-features --features ssr --bin postbuild
