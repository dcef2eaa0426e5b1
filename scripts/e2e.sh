#!/usr/bin/env bash
# Runs the Playwright suite against a built server binary, on its own fresh data folder.
# Usage: scripts/e2e.sh <path to server binary> <label for the results folder> [playwright arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "$1")
label=${2:-e2e}
shift 2 || true
data=$(mktemp -d -t carer-portal-e2e-XXXXXX)
trap 'rm -rf "$data"' EXIT

export PORTAL_BIN="$binary"
export PORTAL_DATA_DIR="$data"
export PORTAL_BIND=127.0.0.1:3100
export PORTAL_DEMO_DATA=true
# Every spec registers from this one address, more than a council's default allows in an hour.
export PORTAL_REGISTRATIONS_PER_HOUR=100
# Staff may sign in through a real OpenID Connect provider (scripts/oidc-provider.mjs, which the
# Playwright config starts on OIDC_PORT).
export OIDC_PORT=3200
export PORTAL_OIDC_ISSUER="http://127.0.0.1:$OIDC_PORT"
export PORTAL_OIDC_CLIENT_ID=carer-portal
export PORTAL_OIDC_CLIENT_SECRET=a-test-secret-the-portal-is-given
export LEPTOS_SITE_ROOT="$PWD/target/site"
export E2E_LABEL="$label"
cd end2end
npx playwright test "$@"
