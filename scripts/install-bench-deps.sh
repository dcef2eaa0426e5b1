#!/usr/bin/env bash
# What `make bench` needs beyond `make test`'s tools: oha, the HTTP load generator, from
# crates.io (Lighthouse comes with the npm packages; the picture script installs ImageMagick).
# Safe to run again.
set -euo pipefail
OHA_VERSION=1.16.0
if ! oha --version 2>/dev/null | grep -q "$OHA_VERSION"; then
  printf '\033[1m==> Installing oha %s\033[0m\n' "$OHA_VERSION"
  cargo install oha --version "$OHA_VERSION" --locked
fi
