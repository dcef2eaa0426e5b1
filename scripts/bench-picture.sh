#!/usr/bin/env bash
# The upload picture pipeline against ImageMagick on the same 12-megapixel phone JPEG (EXIF
# orientation and GPS), side by side in one run: median time of five runs and peak memory.
# Target (QUALITY.md): ≤ 0.8 s, ≤ 150 MB, and faster than
# `convert -auto-orient -strip -resize 2048x2048`.
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
# ImageMagick only for this comparison (a stand-in `convert` may be on the PATH: check it works).
if ! /usr/bin/convert -version 2>/dev/null | grep -q ImageMagick; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq imagemagick >/dev/null
fi
target=${CARGO_TARGET_DIR:-target}
cargo build -q --release -p server --example picture_bench
bench="$target/release/examples/picture_bench"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
photo="$work/phone.jpg"
"$bench" make "$photo"

peak_mb() { awk '/Maximum resident set size/ { printf "%.0f", $NF / 1024 }' "$1"; }

ours=$(/usr/bin/time -v -o "$work/ours.txt" "$bench" run "$photo")
magick_times=()
for _ in 1 2 3 4 5; do
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$work/magick.txt" /usr/bin/convert "$photo" -auto-orient -strip -resize 2048x2048 "$work/out.jpg"
  end=$(date +%s.%N)
  magick_times+=("$(echo "$end - $start" | bc)")
done
magick=$(printf '%s\n' "${magick_times[@]}" | sort -n | sed -n 3p)

printf 'picture: %s bytes, 4000x3000, EXIF orientation 6 and GPS\n' "$(stat -c %s "$photo")"
printf '%-28s %10s %12s\n' pipeline "median s" "peak MB"
printf '%-28s %10s %12s\n' "portal (make_safe)" "$ours" "$(peak_mb "$work/ours.txt")"
printf '%-28s %10.3f %12s\n' "ImageMagick convert" "$magick" "$(peak_mb "$work/magick.txt")"
printf 'ratio (ImageMagick / portal): %.2f\n' "$(echo "$magick / $ours" | bc -l)"
