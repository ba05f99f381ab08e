#!/usr/bin/env bash
# End-to-end run against a real Keycloak (not part of `./mvnw verify`; e2e/all.sh runs it).
#
#   e2e/keycloak.sh
#
# Builds the server, fetches Keycloak's distribution from Maven Central (org.keycloak:keycloak-quarkus-dist),
# starts it in dev mode with docker/keycloak/ediary-realm.json imported into a fresh store, starts the packaged
# server (production profile) against that realm and an emptied schema, registers the two demo schools, runs
# the *E2E tests (Maven profile e2e) with tokens Keycloak issues, and stops everything it started.
# Needs PostgreSQL (DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD as for the server) and a JDK 21+ for
# Keycloak: KEYCLOAK_JAVA_HOME, else the first JDK 21+ found in /usr/lib/jvm or on the PATH.
# Ports and schema: E2E_KEYCLOAK_PORT (8280), E2E_KEYCLOAK_MANAGEMENT_PORT (9280), E2E_SERVER_PORT (8281),
# E2E_DB_SCHEMA (ediary_e2e, dropped at start). Logs: target/e2e/keycloak.log, target/e2e/server.log.
# E2E_SKIP_BUILD=1 reuses target/quarkus-app when it exists (e2e/all.sh builds once); under e2e/all.sh it uses
# the Keycloak all.sh started (E2E_KEYCLOAK_RUNNING).
set -euo pipefail
cd "$(dirname "$0")/.."
E2E_NAME=e2e
. e2e/lib.sh

KC_PORT=${E2E_KEYCLOAK_PORT:-8280}
KC_MANAGEMENT_PORT=${E2E_KEYCLOAK_MANAGEMENT_PORT:-9280}
SERVER_PORT=${E2E_SERVER_PORT:-8281}
SERVER_MANAGEMENT_PORT=${E2E_SERVER_MANAGEMENT_PORT:-9281}
SCHEMA=${E2E_DB_SCHEMA:-ediary_e2e}
WORK=target/e2e
KEYCLOAK_URL=http://127.0.0.1:$KC_PORT
REALM_URL=$KEYCLOAK_URL/realms/ediary
SERVER_URL=http://127.0.0.1:$SERVER_PORT

require_free_ports "$SERVER_PORT"
find_keycloak_java >/dev/null
mkdir -p "$WORK"
build_server
keycloak_here "$KC_PORT" "$KC_MANAGEMENT_PORT" "$WORK/keycloak.log"

say "emptying schema $SCHEMA; starting the packaged server on $SERVER_URL (log $WORK/server.log)"
psql_e2e -c "drop schema if exists \"$SCHEMA\" cascade"
# The activation job runs every second, so an accepted invitation is activated within the test's patience.
start "$WORK/server.log" env OIDC_AUTH_SERVER_URL="$REALM_URL" QUARKUS_HTTP_PORT="$SERVER_PORT" \
  MANAGEMENT_PORT="$SERVER_MANAGEMENT_PORT" DB_SCHEMA="$SCHEMA" \
  EDIARY_TRUST_ACTIVATION_INTERVAL=1s EDIARY_TRUST_ACTIVATION_INITIAL_DELAY=1s \
  java -jar target/quarkus-app/quarkus-run.jar
wait_for "http://127.0.0.1:$SERVER_MANAGEMENT_PORT/q/health/ready" 120 "$STARTED_PID" "$WORK/server.log"

say "registering the demo schools (e2e/keycloak-schools.sql)"
psql_e2e -v schema="$SCHEMA" -f e2e/keycloak-schools.sql

say "running the *E2E tests"
./mvnw -B -ntp -Pe2e -De2e.keycloak.url="$KEYCLOAK_URL" -De2e.server.url="$SERVER_URL" \
  failsafe:integration-test failsafe:verify
say "passed"
