# Sourced by the other scripts: the tool paths and settings every build needs.
# wasm-opt comes from npm's binaryen package; Trunk must never look for updates.
export CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
export PATH="$PWD/node_modules/.bin:$CARGO_HOME/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
