#!/usr/bin/env bash
# Installs everything the build and the tests need, skipping what is already
# present at the right version. Safe to run again: a second run takes seconds.
#
# Only package registries are reachable on our machines, so nothing here
# downloads a prebuilt binary: Trunk and wasm-bindgen-cli are built from
# crates.io, wasm-opt comes from npm (binaryen), Chromium from Debian.
set -euo pipefail

cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
export PATH="$CARGO_HOME/bin:$PATH"

log() { printf '\n==> %s\n' "$*"; }

have_version() { # command, expected substring of its --version output
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Chromium runs the browser tests; pdftotext (poppler-utils) reads the printed PDF.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftotext >/dev/null; then
  log "Installing Chromium, ChromeDriver and poppler-utils (Debian)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
fi

# The walk-through also runs in Firefox and WebKit (tests/browser/other-browsers.test.mjs):
# Debian's firefox-esr (driven by npm puppeteer-core over WebDriver BiDi) and
# webkit2gtk-driver (WebKitWebDriver and WebKitGTK's MiniBrowser, driven by npm
# selenium-webdriver) under Xvfb. No browser build is ever downloaded.
if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v Xvfb >/dev/null; then
  log "Installing Firefox ESR, WebKitWebDriver (webkit2gtk-driver) and Xvfb (Debian)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb >/dev/null
fi

# nginx serves dist/ with deploy/nginx.conf in tests/browser/nginx.test.mjs, which
# starts and stops its own nginx (never the system service); the brotli static
# module is Debian's libnginx-mod-http-brotli-static.
if [ ! -x /usr/sbin/nginx ] || [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
  log "Installing nginx and its brotli static module (Debian)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nginx libnginx-mod-http-brotli-static >/dev/null
fi

# Java runs the W3C Nu Html Checker (vnu.jar from npm's vnu-jar) in the HTML validity
# test. Installed before the npm packages: vnu-jar's install script, where npm runs
# it, would otherwise try to download a Java runtime.
if ! command -v java >/dev/null; then
  log "Installing a Java runtime (Debian)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq default-jre-headless >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! have_version trunk "trunk $TRUNK_VERSION"; then
  log "Building Trunk $TRUNK_VERSION from crates.io (about 10 minutes on 2 cores)"
  # Trunk's default features only add self-update and TLS downloads we never use;
  # thin LTO-free release profile halves the build time.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --locked --version "$TRUNK_VERSION" --no-default-features
fi

if ! have_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION" \
  || ! have_version wasm-bindgen-test-runner "$WASM_BINDGEN_VERSION"; then
  log "Building wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io"
  # Its published lock file pins webpki-roots 1.0.11, which the registry no
  # longer serves: re-lock that one crate, then install from the unpacked source.
  # A plain locked install fails on that pin, but only after unpacking the source.
  cargo install wasm-bindgen-cli --locked --version "$WASM_BINDGEN_VERSION" >/dev/null 2>&1 || true
  src=$(ls -d "$CARGO_HOME"/registry/src/*/wasm-bindgen-cli-"$WASM_BINDGEN_VERSION" | head -n 1)
  work=$(mktemp -d)
  cp -r "$src" "$work/wbc"
  (cd "$work/wbc" && cargo update -q -p webpki-roots --precise 1.0.10 && cargo install --path . --locked --force)
  rm -rf "$work"
fi

log "Installing Node packages (wasm-opt from binaryen, Playwright core, puppeteer-core, selenium-webdriver, the Nu Html Checker)"
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

log "Fetching Rust crates (Trunk builds offline)"
cargo fetch --locked

log "Setup complete"
