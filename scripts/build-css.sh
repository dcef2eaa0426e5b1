#!/usr/bin/env bash
# Compiles the stylesheet, minified, to style/build/portal.css, which cargo-leptos then hashes,
# precompresses and serves. (cargo-leptos's own minifier cannot parse GOV.UK Frontend's CSS and
# would ship it unminified: 12.1 KB of brotli instead of 10.3.) The Makefile runs this before
# every `cargo leptos build`; run it yourself before `cargo leptos watch`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
mkdir -p style/build
sass --no-source-map --style=compressed --quiet style/main.scss style/build/portal.css.tmp
mv style/build/portal.css.tmp style/build/portal.css
