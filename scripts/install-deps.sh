#!/usr/bin/env bash
# Installs everything the portal needs to build, run and test, and only what is missing:
# the wasm target, cargo-leptos, wasm-bindgen (matching Cargo.lock), npm packages (sass,
# GOV.UK Frontend, wasm-opt from binaryen, Playwright, axe), Debian's Chromium and brotli.
# Safe to run again: each step checks first.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# cargo-leptos 0.3.11 needs a newer Rust than this machine has; 0.3.10 builds (about 23 minutes cold).
CARGO_LEPTOS_VERSION=0.3.10
if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  say "Installing cargo-leptos $CARGO_LEPTOS_VERSION (this takes a while the first time)"
  cargo install cargo-leptos@"$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

# leptosfmt formats the view! macros that rustfmt leaves alone (make lint checks both).
LEPTOSFMT_VERSION=0.1.33
if ! leptosfmt --version 2>/dev/null | grep -q "$LEPTOSFMT_VERSION"; then
  say "Installing leptosfmt $LEPTOSFMT_VERSION"
  cargo install leptosfmt@"$LEPTOSFMT_VERSION" --locked
fi

# wasm-bindgen's command-line tool must be exactly the version of the crate in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Chromium for the end-to-end tests, brotli for the size figures, and aiosmtpd: the real SMTP
# server the mail tests send to.
if ! command -v chromium >/dev/null || ! command -v brotli >/dev/null || ! /usr/bin/python3 -c "import aiosmtpd" 2>/dev/null; then
  say "Installing Chromium, brotli and aiosmtpd from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium brotli python3-aiosmtpd >/dev/null
fi

# PostgreSQL from Debian: the integration tests run a second time against it.
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  say "Installing PostgreSQL from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

# npm ci when node_modules is missing or older than the lockfile.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
