#!/usr/bin/env bash
# `make run`: the portal with its demo accounts on http://127.0.0.1:3000, and beside it on
# port 3200 a stand-in for the council's identity provider (scripts/oidc-provider.mjs, a real
# OpenID Connect provider that takes any password), so the demo staff accounts can try
# "Sign in with your council account". Stopping the portal (Ctrl-C) stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${CARGO_TARGET_DIR:-$PWD/target}/release/server
oidc_port=${OIDC_PORT:-3200}
node scripts/oidc-provider.mjs "$oidc_port" > /dev/null &
provider=$!
trap 'kill $provider 2>/dev/null || true' EXIT
export PORTAL_DEMO_DATA=true
export PORTAL_OIDC_ISSUER=${PORTAL_OIDC_ISSUER:-http://127.0.0.1:$oidc_port}
export PORTAL_OIDC_CLIENT_ID=${PORTAL_OIDC_CLIENT_ID:-carer-portal}
export PORTAL_OIDC_CLIENT_SECRET=${PORTAL_OIDC_CLIENT_SECRET:-a-test-secret-the-portal-is-given}
"$binary"
