#!/usr/bin/env bash
# The SPA journey in a real browser (not part of `./mvnw verify`; e2e/all.sh runs it).
#
#   e2e/spa.sh
#
# Starts Keycloak with the demo realm (as e2e/keycloak.sh does) and the packaged server (production profile) on an
# emptied schema with CORS_ORIGINS = the SPA's origin, registers the demo schools, then runs
# e2e/browser/spa.test.mjs: the SPA fixture (e2e/browser/spa/, bundled with esbuild) is served from its own origin
# http://127.0.0.1:$E2E_SPA_PORT, and headless Debian Chromium signs Anna and the grandmother in through Keycloak's
# login form (code + PKCE, oidc-client-ts), Anna reads Masha's diary and invites the grandmother, whose open page
# receives the invitation over the subscription (graphql-ws) and accepts it. Stops everything it started.
# Needs what e2e/keycloak.sh needs, plus Node.js 18+ with npm and Debian's chromium (installed with apt-get when
# missing and run as root). Ports: E2E_KEYCLOAK_PORT (8280), E2E_KEYCLOAK_MANAGEMENT_PORT (9280),
# E2E_SPA_SERVER_PORT (8283), E2E_SPA_PORT (8290, the SPA's origin); schema E2E_SPA_DB_SCHEMA (ediary_e2e_spa).
# Screenshots: target/spa/*.png; logs: target/spa/keycloak.log, target/spa/server.log. Under e2e/all.sh it uses the
# Keycloak all.sh started (one Keycloak start for both checks that need one).
set -euo pipefail
cd "$(dirname "$0")/.."
E2E_NAME=spa
. e2e/lib.sh

KC_PORT=${E2E_KEYCLOAK_PORT:-8280}
KC_MANAGEMENT_PORT=${E2E_KEYCLOAK_MANAGEMENT_PORT:-9280}
SERVER_PORT=${E2E_SPA_SERVER_PORT:-8283}
SPA_PORT=${E2E_SPA_PORT:-8290}
SCHEMA=${E2E_SPA_DB_SCHEMA:-ediary_e2e_spa}
OUT=target/spa
KEYCLOAK_URL=http://127.0.0.1:$KC_PORT
SERVER_URL=http://127.0.0.1:$SERVER_PORT
SPA_ORIGIN=http://127.0.0.1:$SPA_PORT

require_free_ports "$SERVER_PORT" "$SPA_PORT"
find_keycloak_java >/dev/null
require_chromium
npm_ci
mkdir -p "$OUT"
rm -f "$OUT"/*.png
build_server

if [ -n "${E2E_KEYCLOAK_RUNNING:-}" ]; then # all.sh imported the realm with this origin
  keycloak_here "$KC_PORT" "$KC_MANAGEMENT_PORT" "$OUT/keycloak.log"
else
  keycloak_here "$KC_PORT" "$KC_MANAGEMENT_PORT" "$OUT/keycloak.log" "$(realm_for_spa "$SPA_ORIGIN" "$OUT")"
fi

say "emptying schema $SCHEMA; starting the packaged server on $SERVER_URL, CORS_ORIGINS=$SPA_ORIGIN (log $OUT/server.log)"
psql_e2e -c "drop schema if exists \"$SCHEMA\" cascade"
start "$OUT/server.log" env OIDC_AUTH_SERVER_URL="$KEYCLOAK_URL/realms/ediary" QUARKUS_HTTP_PORT="$SERVER_PORT" \
  MANAGEMENT_PORT=$((SERVER_PORT + 1000)) DB_SCHEMA="$SCHEMA" CORS_ORIGINS="$SPA_ORIGIN" \
  EDIARY_TRUST_ACTIVATION_INTERVAL=1s EDIARY_TRUST_ACTIVATION_INITIAL_DELAY=1s \
  java -jar target/quarkus-app/quarkus-run.jar
wait_for "http://127.0.0.1:$((SERVER_PORT + 1000))/q/health/ready" 120 "$STARTED_PID" "$OUT/server.log"
say "registering the demo schools (e2e/keycloak-schools.sql)"
psql_e2e -v schema="$SCHEMA" -f e2e/keycloak-schools.sql

say "running the SPA journey (e2e/browser/spa.test.mjs) in $("$CHROMIUM" --version 2>/dev/null)"
KEYCLOAK_URL=$KEYCLOAK_URL EDIARY_URL=$SERVER_URL SPA_PORT=$SPA_PORT CHROMIUM_PATH=$CHROMIUM SCREENSHOT_DIR=$PWD/$OUT \
  node --test --test-reporter=spec e2e/browser/spa.test.mjs
say "passed; screenshots: $(ls "$OUT"/*.png | tr '\n' ' ')"
