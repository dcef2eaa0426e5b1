# Shared by the bench scripts: the pages measured, starting a portal with demo data, signing in.
# shellcheck shell=bash

# The main pages a carer uses: the start page, home, the assessment's task list and one question
# (with its character count and autosave islands), the plan, the budget and a review request.
BENCH_PAGES=(/ /home /assessment /assessment/questions/their-needs /plan /budget /reviews/request)
DEMO_PASSWORD='demo carer portal'

# start_portal <server binary> <port>: serves the portal on a fresh data folder with the demo
# accounts, and stops it (and removes the folder) when the calling script exits.
start_portal() {
  local binary=$1 port=$2
  BENCH_DATA=$(mktemp -d -t carer-portal-bench-XXXXXX)
  PORTAL_DATA_DIR="$BENCH_DATA" PORTAL_BIND=127.0.0.1:$port PORTAL_DEMO_DATA=true \
    LEPTOS_SITE_ROOT="$PWD/target/site" RUST_LOG=warn "$binary" &
  BENCH_SERVER=$!
  trap 'kill $BENCH_SERVER 2>/dev/null; wait $BENCH_SERVER 2>/dev/null; rm -rf "$BENCH_DATA"' EXIT
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && return 0; sleep 0.2; done
  echo "the portal did not start on port $port" >&2
  return 1
}

# sign_in <base URL> <cookie jar> <email>: signs in as a demo account, the way a browser
# without JavaScript does, keeping the session cookie in the jar.
sign_in() {
  local base=$1 jar=$2 email=$3
  curl -fs -o /dev/null -c "$jar" -H "Origin: $base" \
    --data-urlencode "email=$email" --data-urlencode "password=$DEMO_PASSWORD" --data-urlencode "next=/home" \
    "$base/api/account/sign-in"
  grep -q portal_session "$jar" || { echo "could not sign in as $email" >&2; return 1; }
}

# session_cookie <cookie jar>: the Cookie header value for the jar's session.
session_cookie() {
  awk '$6 ~ /portal_session$/ { print $6 "=" $7 }' "$1"
}
