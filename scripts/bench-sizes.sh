#!/usr/bin/env bash
# Prints what each main page costs to load, in bytes as the server sends them to a browser that
# accepts brotli (built files precompressed at quality 11, pages compressed as they are sent):
# its HTML, the CSS, the JS and the wasm it loads (only pages with an island load them), the
# total, and the critical part: the HTML plus the CSS, which must fit in
# the first 14 KB (one TCP round trip with the usual initial window of ten segments) for the page
# to be usable before anything else arrives. Exits non-zero when a target is missed.
# Usage: scripts/bench-sizes.sh <base URL of a running portal with demo data>
set -euo pipefail
cd "$(dirname "$0")/.."
base=$1
source scripts/bench-lib.sh
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
sign_in "$base" "$jar" jo@example.org

# Bytes on the wire: the body exactly as sent, still compressed.
sent() { curl -fs -H 'Accept-Encoding: br' "$@" | wc -c; }

failed=0
printf '%-28s %7s %7s %7s %7s %8s %16s\n' page html css js wasm total "critical ≤14336"
for page in "${BENCH_PAGES[@]}"; do
  # The start page as someone not yet signed in sees it; the others as the demo carer.
  cookies=$jar
  [ "$page" = / ] && cookies=/dev/null
  html=$(curl -fs -b "$cookies" "$base$page")
  html_br=$(sent -b "$cookies" "$base$page")
  css_br=0; js_br=0; wasm_br=0
  for css in $(printf '%s' "$html" | grep -o 'href="/pkg/[^"]*\.css"' | cut -d'"' -f2 | sort -u); do
    css_br=$((css_br + $(sent "$base$css")))
  done
  # A page with islands has the loader (/islands.js); its query names the island script and
  # wasm, which it fetches once the page is idle.
  loader=$(printf '%s' "$html" | grep -o '/islands\.js?[^"]*' | head -1 | sed 's/&amp;/\&/g' || true)
  if [ -n "$loader" ]; then
    js_name=$(printf '%s' "$loader" | sed -n 's/.*[?&]js=\([^&]*\).*/\1/p')
    wasm_name=$(printf '%s' "$loader" | sed -n 's/.*[?&]wasm=\([^&]*\).*/\1/p')
    js_br=$(($(sent "$base/islands.js") + $(sent "$base/pkg/$js_name.js")))
    wasm_br=$(sent "$base/pkg/$wasm_name.wasm")
  fi
  total=$((html_br + css_br + js_br + wasm_br))
  critical=$((html_br + css_br))
  verdict=yes
  if [ "$critical" -gt 14336 ]; then verdict=NO; failed=1; fi
  if [ "$total" -gt 102400 ] || [ "$wasm_br" -gt 61440 ]; then failed=1; fi
  printf '%-28s %7d %7d %7d %7d %8d %10s %5d\n' "$page" "$html_br" "$css_br" "$js_br" "$wasm_br" "$total" "$verdict" "$critical"
done
printf '\ntargets: critical (HTML + CSS) ≤ 14336, total ≤ 102400, wasm ≤ 61440 bytes brotli\n'
exit $failed
