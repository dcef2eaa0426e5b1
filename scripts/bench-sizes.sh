#!/usr/bin/env bash
# Prints what each main page costs to load, in brotli bytes: its HTML, the CSS, the JS and
# wasm (only pages with an island load them), the total, and whether the HTML plus CSS fits
# in the first 14 KB round trip. Usage: scripts/bench-sizes.sh <path to release server binary>
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "$1")
data=$(mktemp -d -t carer-portal-bench-XXXXXX)
port=3200
PORTAL_DATA_DIR="$data" PORTAL_BIND=127.0.0.1:$port LEPTOS_SITE_ROOT="$PWD/target/site" RUST_LOG=warn "$binary" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done

br() { brotli -c -q 11 | wc -c; }
site=target/site

printf '%-16s %8s %8s %8s %8s %8s %10s\n' page html css js wasm total "html+css≤14K"
for page in / /contact /accessibility; do
  html=$(curl -fs "http://127.0.0.1:$port$page")
  html_br=$(printf '%s' "$html" | br)
  css_br=0; js_br=0; wasm_br=0
  for css in $(printf '%s' "$html" | grep -o 'href="/pkg/[^"]*\.css"' | cut -d'"' -f2); do
    css_br=$((css_br + $(br < "$site$css")))
  done
  for js in $(printf '%s' "$html" | grep -o 'href="/pkg/[^"]*\.js"' | cut -d'"' -f2 | sort -u); do
    js_br=$((js_br + $(br < "$site$js")))
  done
  for wasm in $(printf '%s' "$html" | grep -o 'href="/pkg/[^"]*\.wasm"' | cut -d'"' -f2 | sort -u); do
    wasm_br=$((wasm_br + $(br < "$site$wasm")))
  done
  total=$((html_br + css_br + js_br + wasm_br))
  critical=$((html_br + css_br))
  fits=$([ "$critical" -le 14336 ] && echo "yes ($critical)" || echo "NO ($critical)")
  printf '%-16s %8d %8d %8d %8d %8d %10s\n' "$page" "$html_br" "$css_br" "$js_br" "$wasm_br" "$total" "$fits"
done
wasm_file=$(ls $site/pkg/*.wasm | head -1)
printf '\nwasm budget: %d bytes brotli of 61440 (%s raw)\n' "$(br < "$wasm_file")" "$(stat -c %s "$wasm_file")"
