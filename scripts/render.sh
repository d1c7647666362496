#!/usr/bin/env bash
# After editing a story (its content.json or story.json): checks it (every problem, with its path, and
# every quote verbatim against the articles), then re-renders the built site in
# dist/ (or the folder given) from it: the page, the single-file edition, the
# version file, the service worker and the compressed copies. The wasm does not
# depend on the words, so nothing is recompiled; it takes seconds. Needs one
# earlier build (`bash scripts/serve.sh` or `trunk build --release`). Set
# EXPLAINER_PUBLIC_URL as for the build when re-rendering a deployment, and
# EXPLAINER_STORY to the story's folder if it is not the one stories/default names.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
cargo run -q --locked --offline -p explainer-core --bin check
cargo run -q --locked --offline --no-default-features --features ssr --bin postbuild -- "${1:-dist}"
