# Shared by the e2e/*.sh scripts (sourced, not run): messages, process control, readiness, Keycloak, the packaged
# server. A script sets E2E_NAME before sourcing; every process it starts with `start` is stopped on exit.
# shellcheck shell=bash
E2E_NAME=${E2E_NAME:-e2e}
KEYCLOAK_VERSION=${KEYCLOAK_VERSION:-26.7.3}
KC_HOME=target/e2e/keycloak-$KEYCLOAK_VERSION
export PGPASSWORD=${DB_PASSWORD:-}

say() { echo "$E2E_NAME: $*"; }
die() { echo "$E2E_NAME: $*" >&2; exit 1; }

psql_e2e() {
  psql -X -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-postgres}" -d "${DB_NAME:-postgres}" \
    -v ON_ERROR_STOP=1 -q "$@"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
require_free_ports() {
  local port
  for port in "$@"; do
    port_free "$port" || die "port $port is taken (a previous run still up?)"
  done
}

# Every process started here leads its own process group (setsid), so stopping it stops its children too.
started=()
# start LOG COMMAND...: runs COMMAND in the background in its own process group; STARTED_PID is its pid.
start() {
  local log=$1
  shift
  setsid "$@" >"$log" 2>&1 </dev/null &
  STARTED_PID=$!
  started+=("$STARTED_PID")
}
# stop_one PID: SIGTERM to its group, up to 30 s, then SIGKILL.
stop_one() {
  local pid=$1
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 30); do
    kill -0 -- "-$pid" 2>/dev/null || break
    sleep 1
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
stop_all() {
  local pid
  trap '' INT TERM # a second Ctrl-C must not cut the clean-up short
  [ ${#started[@]} -eq 0 ] || say "stopping what this script started"
  for pid in "${started[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pid in "${started[@]}"; do
    stop_one "$pid"
  done
  started=()
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

# --- Node.js and the npm packages of e2e/browser (pinned by its lock file)
require_node() {
  command -v node >/dev/null && command -v npm >/dev/null || die "needs Node.js 18+ and npm: sudo apt-get install nodejs npm"
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  (( major >= 18 )) || die "needs Node.js 18+ (node:test, fetch); found $(node --version)"
}
npm_ci() {
  require_node
  if [ -z "${E2E_NPM_DONE:-}" ]; then
    say "installing npm dependencies (npm ci in e2e/browser, from its lock file)"
    (cd e2e/browser && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# --- Debian's Chromium (never a downloaded browser)
require_chromium() {
  CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
  if [[ ! -x $CHROMIUM ]]; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
      say "installing Debian package chromium (apt-get)"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 chromium >/dev/null
    fi
    [[ -x $CHROMIUM ]] || die "needs Chromium at $CHROMIUM: sudo apt-get install chromium (or set CHROMIUM_PATH)"
  fi
}

# --- The packaged server (production profile)
build_server() {
  if [ -n "${E2E_SKIP_BUILD:-}" ] && [ -f target/quarkus-app/quarkus-run.jar ]; then
    say "using the packaged server in target/quarkus-app (E2E_SKIP_BUILD)"
  else
    say "building the server (./mvnw package -DskipTests)"
    ./mvnw -q package -DskipTests
  fi
}

# --- Keycloak from Maven Central, started in dev mode with the demo realm in a fresh store
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
fetch_keycloak() {
  if [ ! -f "$KC_HOME/bin/kc.sh" ]; then
    say "fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION from Maven Central"
    mkdir -p target/e2e
    ./mvnw -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" -DoutputDirectory=target/e2e
    tar xzf "target/e2e/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" -C target/e2e
    rm "target/e2e/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
  fi
}
# start_keycloak PORT MANAGEMENT_PORT LOG [REALM_FILE]: a fresh dev store each time, so docker/keycloak/ediary-realm.json is
# imported as it is now; waits until the realm answers. One Keycloak per checkout at a time (the store is its own).
start_keycloak() {
  local port=$1 management_port=$2 log=$3 realm=${4:-docker/keycloak/ediary-realm.json} kc_java
  kc_java=$(find_keycloak_java)
  fetch_keycloak
  rm -rf "$KC_HOME/data"
  mkdir -p "$KC_HOME/data/import"
  cp "$realm" "$KC_HOME/data/import/ediary-realm.json"
  say "starting Keycloak $KEYCLOAK_VERSION on http://127.0.0.1:$port (Java $(java_major "$kc_java"), log $log)"
  # The master realm's admin is only used by the test that shows another realm's tokens are refused.
  start "$log" env JAVA_HOME="$kc_java" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx768m" \
    bash "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" \
    --http-management-port="$management_port" --import-realm
  wait_for "http://127.0.0.1:$port/realms/ediary/.well-known/openid-configuration" 300 "$STARTED_PID" "$log"
}
# keycloak_here PORT MANAGEMENT_PORT LOG [REALM_FILE]: the Keycloak e2e/all.sh has started for every check that
# needs one (E2E_KEYCLOAK_RUNNING=1, on PORT), else a fresh one of this script's own.
keycloak_here() {
  if [ -n "${E2E_KEYCLOAK_RUNNING:-}" ]; then
    curl -sf -o /dev/null "http://127.0.0.1:$1/realms/ediary/.well-known/openid-configuration" \
      || die "the Keycloak e2e/all.sh started on port $1 does not answer"
    say "using the Keycloak e2e/all.sh started on http://127.0.0.1:$1"
  else
    require_free_ports "$1" "$2"
    start_keycloak "$@"
  fi
}
# realm_for_spa ORIGIN DIR: the realm file to import. The realm lists the SPA journey's default origin among the
# web client's web origins (Keycloak answers the token endpoint's CORS from them); another origin is added to a
# copy in DIR, for this run only.
realm_for_spa() {
  local origin=$1 realm=docker/keycloak/ediary-realm.json
  if jq -e --arg o "$origin" '.clients[] | select(.clientId == "ediary-spa") | .webOrigins | index($o)' \
      "$realm" >/dev/null; then
    echo "$realm"
  else
    say "adding $origin to ediary-spa's web origins in a copy of the realm (this run only)" >&2
    mkdir -p "$2"
    jq --arg o "$origin" '(.clients[] | select(.clientId == "ediary-spa") | .webOrigins) += [$o]' \
      "$realm" >"$2/ediary-realm.json"
    echo "$2/ediary-realm.json"
  fi
}
