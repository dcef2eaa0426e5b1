#!/usr/bin/env bash
# Builds only the browser wasm the way cargo-leptos does for release (wasm-release profile,
# wasm-bindgen, wasm-opt from npm) and prints its size, raw and brotli. For quick checks.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
target=${CARGO_TARGET_DIR:-target}
out=$(mktemp -d)
cargo build -q -p app --lib --no-default-features --features hydrate --target wasm32-unknown-unknown --profile wasm-release
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name carer_portal "$target/wasm32-unknown-unknown/wasm-release/app.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int "$out/carer_portal_bg.wasm" -o "$out/opt.wasm"
printf 'wasm: %s bytes raw, %s bytes brotli\n' "$(stat -c %s "$out/opt.wasm")" "$(brotli -c "$out/opt.wasm" | wc -c)"
cp "$out/opt.wasm" "$target/carer_portal.opt.wasm"
rm -rf "$out"
