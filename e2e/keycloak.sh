#!/usr/bin/env bash
# End-to-end run against a real Keycloak (not part of `./mvnw verify`).
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
set -euo pipefail
cd "$(dirname "$0")/.."

KEYCLOAK_VERSION=${KEYCLOAK_VERSION:-26.7.3}
KC_PORT=${E2E_KEYCLOAK_PORT:-8280}
KC_MANAGEMENT_PORT=${E2E_KEYCLOAK_MANAGEMENT_PORT:-9280}
SERVER_PORT=${E2E_SERVER_PORT:-8281}
SERVER_MANAGEMENT_PORT=${E2E_SERVER_MANAGEMENT_PORT:-9281}
SCHEMA=${E2E_DB_SCHEMA:-ediary_e2e}
WORK=target/e2e
KC_HOME=$WORK/keycloak-$KEYCLOAK_VERSION
KEYCLOAK_URL=http://127.0.0.1:$KC_PORT
REALM_URL=$KEYCLOAK_URL/realms/ediary
SERVER_URL=http://127.0.0.1:$SERVER_PORT
export PGPASSWORD=${DB_PASSWORD:-}
psql_e2e() {
  psql -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-postgres}" -d "${DB_NAME:-postgres}" \
    -v ON_ERROR_STOP=1 -q "$@"
}

say() { echo "e2e: $*"; }
die() { echo "e2e: $*" >&2; exit 1; }

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
find_keycloak_java() {
  local candidate
  for candidate in ${KEYCLOAK_JAVA_HOME:-} "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  die "Keycloak $KEYCLOAK_VERSION needs Java 21+: set KEYCLOAK_JAVA_HOME to a JDK 21 or newer"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Every process started here leads its own process group (setsid), so stopping it stops its children too.
started=()
stop_all() {
  local pid
  [ ${#started[@]} -eq 0 ] || say "stopping Keycloak and the server (up to 30 s each)"
  for pid in "${started[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pid in "${started[@]}"; do
    for _ in $(seq 30); do
      kill -0 -- "-$pid" 2>/dev/null || break
      sleep 1
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

wait_for() { # url, seconds, pid, log
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$1"; do
    kill -0 "$3" 2>/dev/null || { tail -n 40 "$4" >&2; die "process for $1 exited; log: $4"; }
    [ $SECONDS -lt $deadline ] || { tail -n 40 "$4" >&2; die "$1 not up after $2 s; log: $4"; }
    sleep 1
  done
}

for port in "$KC_PORT" "$KC_MANAGEMENT_PORT" "$SERVER_PORT"; do
  port_free "$port" || die "port $port is taken (a previous run still up?)"
done
KC_JAVA=$(find_keycloak_java)
mkdir -p "$WORK"

say "building the server (./mvnw package -DskipTests)"
./mvnw -q package -DskipTests

if [ ! -f "$KC_HOME/bin/kc.sh" ]; then
  say "fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION from Maven Central"
  ./mvnw -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" -DoutputDirectory="$WORK"
  tar xzf "$WORK/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" -C "$WORK"
  rm "$WORK/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
fi

# A fresh dev store each run, so the realm file is imported as it is now.
rm -rf "$KC_HOME/data"
mkdir -p "$KC_HOME/data/import"
cp docker/keycloak/ediary-realm.json "$KC_HOME/data/import/"
say "starting Keycloak $KEYCLOAK_VERSION on $KEYCLOAK_URL (Java $(java_major "$KC_JAVA"), log $WORK/keycloak.log)"
# The master realm's admin is only used by the test that shows another realm's tokens are refused.
JAVA_HOME=$KC_JAVA KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  JAVA_OPTS_KC_HEAP="-Xms64m -Xmx768m" \
  setsid bash "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" \
  --http-management-port="$KC_MANAGEMENT_PORT" --import-realm >"$WORK/keycloak.log" 2>&1 </dev/null &
started+=($!)
wait_for "$REALM_URL/.well-known/openid-configuration" 300 "${started[-1]}" "$WORK/keycloak.log"

say "emptying schema $SCHEMA; starting the packaged server on $SERVER_URL (log $WORK/server.log)"
psql_e2e -c "drop schema if exists \"$SCHEMA\" cascade"
# The activation job runs every second, so an accepted invitation is activated within the test's patience.
OIDC_AUTH_SERVER_URL=$REALM_URL QUARKUS_HTTP_PORT=$SERVER_PORT MANAGEMENT_PORT=$SERVER_MANAGEMENT_PORT DB_SCHEMA=$SCHEMA \
  EDIARY_TRUST_ACTIVATION_INTERVAL=1s EDIARY_TRUST_ACTIVATION_INITIAL_DELAY=1s \
  setsid java -jar target/quarkus-app/quarkus-run.jar >"$WORK/server.log" 2>&1 </dev/null &
started+=($!)
wait_for "http://127.0.0.1:$SERVER_MANAGEMENT_PORT/q/health/ready" 120 "${started[-1]}" "$WORK/server.log"

say "registering the demo schools (e2e/keycloak-schools.sql)"
psql_e2e -v schema="$SCHEMA" -f e2e/keycloak-schools.sql

say "running the *E2E tests"
./mvnw -Pe2e -De2e.keycloak.url="$KEYCLOAK_URL" -De2e.server.url="$SERVER_URL" \
  failsafe:integration-test failsafe:verify
say "passed"
