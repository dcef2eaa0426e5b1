#!/usr/bin/env bash
# Runs the whole integration suite again on PostgreSQL: starts a throwaway server on loopback
# (scripts/postgres.sh), gives each test its own new database on it, and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
url=$(scripts/postgres.sh start)
trap 'scripts/postgres.sh stop' EXIT
# Databases left by an earlier run.
psql "$url" -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'portal_test_%'" \
  | while read -r name; do psql "$url" -qc "DROP DATABASE IF EXISTS $name" >/dev/null; done
echo "Integration tests on PostgreSQL ($url)"
PORTAL_TEST_POSTGRES="$url" cargo test -p server --features app/ssr --test api
