#!/usr/bin/env bash
# Sets everything up (quick when already done), builds the release and serves the
# explainer at http://127.0.0.1:8080, rebuilding when files change.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
exec trunk serve --release --offline
