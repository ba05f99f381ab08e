#!/usr/bin/env bash
# GraphiQL in a real browser (e2e/all.sh runs it): starts the server in dev mode (demo data, GraphiQL, dev tokens) on its own port and
# schema, drives GraphiQL in headless Chromium (e2e/browser/graphiql.test.mjs), saves screenshots to
# target/graphiql/ and stops the server again, pass or fail. Not part of ./mvnw verify: it needs Chromium.
#
# Needs: Java 17 and PostgreSQL at 127.0.0.1:5432 (as for ./mvnw verify); Debian package `chromium`
# (installed here with apt-get when missing and run as root; chromium-driver is not needed); Node.js 18+ with npm
# (Debian: nodejs npm). npm deps: playwright-core only, pinned in e2e/browser/package-lock.json; it drives the
# system Chromium and never downloads a browser.
#
# Usage: e2e/graphiql.sh
# Environment: GRAPHIQL_PORT (8282), GRAPHIQL_DB_SCHEMA (ediary_browser; dropped and re-created on every run),
#              CHROMIUM_PATH (/usr/bin/chromium), GRAPHIQL_START_TIMEOUT seconds (600; the first run downloads
#              Maven dependencies and compiles).
set -euo pipefail

cd "$(dirname "$0")/.."
PORT=${GRAPHIQL_PORT:-8282}
SCHEMA=${GRAPHIQL_DB_SCHEMA:-ediary_browser}
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
START_TIMEOUT=${GRAPHIQL_START_TIMEOUT:-600}
OUT=target/graphiql
LOG=$OUT/server.log

say() { echo "graphiql.sh: $*"; }
die() { echo "graphiql.sh: $*" >&2; exit 1; }

# The schema is wiped at start; never let that be the developer's own dev data.
[[ $SCHEMA != ediary ]] || die "GRAPHIQL_DB_SCHEMA=ediary would wipe the dev-mode data; choose another schema"

# --- Prerequisites
if [[ ! -x $CHROMIUM ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    say "installing Debian package chromium (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 chromium >/dev/null
  fi
  [[ -x $CHROMIUM ]] || die "needs Chromium at $CHROMIUM: sudo apt-get install chromium (or set CHROMIUM_PATH)"
fi
command -v node >/dev/null && command -v npm >/dev/null \
  || die "needs Node.js 18+ and npm: sudo apt-get install nodejs npm"
node_major=$(node -p 'process.versions.node.split(".")[0]')
(( node_major >= 18 )) || die "needs Node.js 18+ (node:test, fetch); found $(node --version)"
say "$("$CHROMIUM" --version 2>/dev/null), node $(node --version)"
if [[ -z ${E2E_NPM_DONE:-} ]]; then # e2e/all.sh has run npm ci already
  say "installing npm dependencies (npm ci in e2e/browser)"
  (cd e2e/browser && npm ci --no-audit --no-fund --loglevel=error)
fi

# Another server on the port would answer instead of ours.
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "port $PORT is already in use; stop that process or set GRAPHIQL_PORT"
fi

# --- Server: dev mode, own port and schema, no console, no debugger port (5005 may be taken)
mkdir -p "$OUT"
rm -f "$OUT"/*.png
say "starting the dev server on port $PORT, schema $SCHEMA (log: $LOG)"
DB_SCHEMA=$SCHEMA setsid ./mvnw -B -ntp quarkus:dev \
  -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$((PORT + 1000))" -Ddebug=false -Dquarkus.console.enabled=false -Dquarkus.analytics.disabled=true \
  -Dediary.db.clean-at-start=true -Dquarkus.flyway.clean-disabled=false \
  </dev/null >"$LOG" 2>&1 &
server=$!

stop_server() {
  # setsid made the Maven process a group leader: the group holds Maven and the application JVM it forked.
  if kill -0 -- "-$server" 2>/dev/null; then
    say "stopping the dev server"
    kill -TERM -- "-$server" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 -- "-$server" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$server" 2>/dev/null || true
  fi
  wait "$server" 2>/dev/null || true
}
trap stop_server EXIT
trap 'exit 130' INT TERM

deadline=$((SECONDS + START_TIMEOUT))
until curl -sf -o /dev/null "http://127.0.0.1:$((PORT + 1000))/q/health/ready"; do
  if ! kill -0 "$server" 2>/dev/null; then
    tail -n 40 "$LOG" >&2
    die "the dev server exited before it was ready (log above, full log: $LOG)"
  fi
  if (( SECONDS > deadline )); then
    tail -n 40 "$LOG" >&2
    die "the dev server was not ready within ${START_TIMEOUT}s (full log: $LOG)"
  fi
  sleep 2
done
say "server ready; running the browser test"

# --- Browser test
EDIARY_URL="http://127.0.0.1:$PORT" CHROMIUM_PATH="$CHROMIUM" SCREENSHOT_DIR="$PWD/$OUT" \
  node --test --test-reporter=spec e2e/browser/graphiql.test.mjs
say "screenshots: $(ls "$OUT"/*.png | tr '\n' ' ')"
