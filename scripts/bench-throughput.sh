#!/usr/bin/env bash
# Server throughput with oha, 64 connections, everything measured side by side in one run
# (these machines are noisy, so the ratio is the figure to trust):
#  1. a signed-in page that reads the store (the demo carer's budget) against a static file
#     served by the same server (the stylesheet), alternating three rounds each and quoting
#     the median round: requests/s, p50 and p99 latency, and the ratio page / static;
#     then one round of each without compression (Accept-Encoding: identity), to show what
#     compressing each page as it is sent costs (the static file is compressed once, at build);
#  2. autosave: concurrent saves through the real save path (the assessment's autosave
#     endpoint, session check, draft read, one durable SQLite transaction with
#     synchronous=FULL): acknowledged (HTTP 200) saves per second.
# Usage: scripts/bench-throughput.sh <base URL of a running portal with demo data> [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
base=$1
seconds=${2:-5}
source scripts/bench-lib.sh
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
sign_in "$base" "$out/jar" jo@example.org
cookie=$(session_cookie "$out/jar")
css=$(curl -fs -b "$out/jar" "$base/budget" | grep -o 'href="/pkg/[^"]*\.css"' | head -1 | cut -d'"' -f2)

# run <name> <round> <oha arguments…>: one oha run, its JSON summary kept as <name>.<round>.json
run() {
  local name=$1 round=$2
  shift 2
  oha --no-tui --output-format json -c 64 -z "${seconds}s" -H "Accept-Encoding: ${ENCODING:-br, gzip}" "$@" >"$out/$name.$round.json"
}

for round in 1 2 3; do
  run page "$round" -H "Cookie: $cookie" "$base/budget"
  run static "$round" "$base$css"
done
ENCODING=identity run page-plain 1 -H "Cookie: $cookie" "$base/budget"
ENCODING=identity run static-plain 1 "$base$css"
run save 1 -m POST -H "Cookie: $cookie" -H "Origin: $base" -H "Accept: application/json" \
  -T application/x-www-form-urlencoded -d "page=working&intent=stay&working=My+sister+sits+with+Mum+on+Tuesdays" \
  "$base/api/assessment/save"

node - "$out" <<'JS'
const fs = require('fs');
const dir = process.argv[2];
const read = (name, round) => JSON.parse(fs.readFileSync(`${dir}/${name}.${round}.json`));
const ok = (r) => r.statusCodeDistribution?.['200'] ?? 0;
const summary = (name, rounds) => {
  const runs = rounds.map((round) => read(name, round)).map((r) => ({
    rps: ok(r) / r.summary.total,
    p50: r.latencyPercentiles.p50 * 1000,
    p99: r.latencyPercentiles.p99 * 1000,
    errors: Object.entries(r.statusCodeDistribution).filter(([code]) => code !== '200').reduce((n, [, c]) => n + c, 0),
  }));
  runs.sort((a, b) => a.rps - b.rps);
  return runs[Math.floor(runs.length / 2)];
};
const page = summary('page', [1, 2, 3]);
const stat = summary('static', [1, 2, 3]);
const save = summary('save', [1]);
const row = (what, s) => console.log(`${what.padEnd(44)} ${s.rps.toFixed(0).padStart(8)} ${s.p50.toFixed(2).padStart(8)} ${s.p99.toFixed(2).padStart(8)} ${String(s.errors).padStart(7)}`);
console.log(`${'64 connections, median of rounds'.padEnd(44)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'not 200'.padStart(7)}`);
row('signed-in page reading the store (/budget)', page);
row('static file (the stylesheet, brotli)', stat);
console.log(`ratio page / static: ${(page.rps / stat.rps).toFixed(2)} (target ≥ 0.50); page p99 target ≤ 10 ms`);
const pagePlain = summary('page-plain', [1]);
const statPlain = summary('static-plain', [1]);
row('  the page, not compressed (identity)', pagePlain);
row('  the static file, not compressed', statPlain);
console.log(`  ratio without compression: ${(pagePlain.rps / statPlain.rps).toFixed(2)} (what compressing pages as they are sent costs)`);
row('autosave (acknowledged durable saves)', save);
console.log(`acknowledged saves per second: ${save.rps.toFixed(0)} (target ≥ 1000, synchronous=FULL)`);
process.exit(page.rps / stat.rps >= 0.5 && page.p99 <= 10 && save.rps >= 1000 ? 0 : 1);
JS
