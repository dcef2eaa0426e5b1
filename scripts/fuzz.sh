#!/usr/bin/env bash
# Fuzzes the hostile-input paths with cargo-fuzz (libFuzzer, nightly) for a set time each:
#   upload  the upload type sniffing and the picture pipeline (server/src/uploads.rs)
#   forms   every form parser, the assessment pages, the own-words mapping, money, card codes
# Installs cargo-fuzz and the nightly toolchain when missing. Starts from fuzz/seeds/<target>/
# and keeps the growing corpus in fuzz/corpus/ (not committed). A crash is saved under
# fuzz/artifacts/<target>/ and this script fails; copy the file into fuzz/regressions/<target>/
# and `make test` replays it from then on (server/tests/fuzz_regressions.rs).
# Usage: scripts/fuzz.sh [seconds per target, default 120]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
cargo fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked
cd fuzz
failed=0
summary=()
for target in upload forms; do
  mkdir -p "corpus/$target"
  log=$(mktemp)
  # No sanitizer: the code fuzzed is safe Rust, so what we look for are panics (with debug
  # assertions, which also catch integer overflow), timeouts and runaway memory.
  if cargo +nightly fuzz run --sanitizer none --debug-assertions "$target" "corpus/$target" "seeds/$target" -- \
      -max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 -max_len=262144 -print_final_stats=1 >"$log" 2>&1; then
    verdict="no crash"
  else
    verdict="CRASH (see fuzz/artifacts/$target/)"
    failed=1
    tail -40 "$log"
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  summary+=("$(printf '%-8s %10s runs in %ss, corpus %s inputs: %s' "$target" "$runs" "$seconds" "$(ls "corpus/$target" | wc -l)" "$verdict")")
  rm -f "$log"
done
printf '%s\n' "${summary[@]}"
exit $failed
