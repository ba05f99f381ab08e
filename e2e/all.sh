#!/usr/bin/env bash
# Every end-to-end check, one after another (.ci/run runs this after ./mvnw verify):
#
#   e2e/all.sh                  all four checks
#   e2e/all.sh spa balancer     only the named ones, in the order below
#
#   1. keycloak  e2e/keycloak.sh  the *E2E journeys with tokens a real Keycloak issues
#   2. graphiql  e2e/graphiql.sh  GraphiQL in headless Chromium against the dev-mode server
#   3. spa       e2e/spa.sh       the SPA fixture across origins: Keycloak login (code + PKCE), API, live invitation
#   4. balancer  e2e/balancer.sh  nginx (docker/nginx.conf) in front of two packaged instances
#
# First it installs what a fresh machine lacks and says so: Debian's chromium and nginx (apt-get update +
# apt-get install, as root), the npm packages of e2e/browser (npm ci, from the lock file), and it builds the
# server once (./mvnw package -DskipTests; E2E_SKIP_BUILD=1 reuses target/quarkus-app). Keycloak comes from Maven
# Central (e2e/lib.sh); all.sh starts it once for the keycloak and spa checks and stops it after them. Every check runs even if an earlier one failed; each prints one summary line
# with its time, and the exit status is non-zero if any failed. Each script stops what it started, also on
# failure; Ctrl-C or SIGTERM stops the running check (and its processes) and skips the rest.
# Ports and schemas are the scripts' own (see each script's header and the README's end-to-end section).
# Needs: PostgreSQL, Java 17 (server), a JDK 21+ (Keycloak; KEYCLOAK_JAVA_HOME), Node.js 18+ with npm.
set -uo pipefail
cd "$(dirname "$0")/.."
E2E_NAME=all.sh
say() { echo "$E2E_NAME: $*"; }
die() { echo "$E2E_NAME: $*" >&2; exit 1; }

. e2e/lib.sh # process control and Keycloak; its EXIT trap stops the Keycloak started here
CHECKS=(keycloak graphiql spa balancer)
selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=("${CHECKS[@]}")
for name in "${selected[@]}"; do
  [[ " ${CHECKS[*]} " == *" $name "* ]] || die "unknown check '$name'; the checks are: ${CHECKS[*]}"
done

child=
interrupted=
keycloak_pid=
on_signal() {
  interrupted=1
  [ -z "$child" ] || kill -TERM "$child" 2>/dev/null || true
}

# --- What a fresh machine lacks
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    say "installing Debian packages ${missing[*]} (apt-get update; apt-get install -y ${missing[*]})"
    apt-get update -qq || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null \
      || die "apt-get install ${missing[*]} failed"
  else
    die "missing Debian packages: ${missing[*]} (sudo apt-get install ${missing[*]})"
  fi
else
  say "chromium and nginx are installed"
fi
command -v node >/dev/null && command -v npm >/dev/null || die "needs Node.js 18+ and npm: sudo apt-get install nodejs npm"
say "installing npm dependencies (npm ci in e2e/browser, from its lock file)"
(cd e2e/browser && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
export E2E_NPM_DONE=1
if [ -n "${E2E_SKIP_BUILD:-}" ] && [ -f target/quarkus-app/quarkus-run.jar ]; then
  say "using the packaged server in target/quarkus-app (E2E_SKIP_BUILD)"
else
  say "building the server once (./mvnw package -DskipTests)"
  ./mvnw -q package -DskipTests || die "the build failed"
fi
export E2E_SKIP_BUILD=1

# --- The checks
summary=()
failed=0
run_check() { # name, script
  local name=$1 script=$2 started=$SECONDS rc
  [[ " ${selected[*]} " == *" $name "* ]] || return 0
  if [ -n "$interrupted" ]; then
    summary+=("SKIP  $name (interrupted)")
    return
  fi
  say "=== $name: $script"
  "$script" &
  child=$!
  # wait returns early when a trapped signal arrives; the check is still stopping then
  while :; do
    wait "$child"
    rc=$?
    kill -0 "$child" 2>/dev/null || break
  done
  child=
  local took=$((SECONDS - started))
  local time
  time=$(printf '%dm%02ds' $((took / 60)) $((took % 60)))
  if [ "$rc" -eq 0 ]; then
    summary+=("PASS  $name  $time")
  else
    summary+=("FAIL  $name  $time  (exit $rc; see its output above)")
    failed=$((failed + 1))
  fi
}
total_started=$SECONDS
# One Keycloak for both checks that need it: its start is the slowest step of either.
if [[ " ${selected[*]} " == *" keycloak "* || " ${selected[*]} " == *" spa "* ]]; then
  kc_port=${E2E_KEYCLOAK_PORT:-8280}
  require_free_ports "$kc_port" "${E2E_KEYCLOAK_MANAGEMENT_PORT:-9280}"
  mkdir -p target/e2e
  kc_started=$SECONDS
  start_keycloak "$kc_port" "${E2E_KEYCLOAK_MANAGEMENT_PORT:-9280}" target/e2e/keycloak.log \
    "$(realm_for_spa "http://127.0.0.1:${E2E_SPA_PORT:-8290}" target/e2e)"
  keycloak_pid=$STARTED_PID
  summary+=("      (Keycloak for keycloak and spa started in $((SECONDS - kc_started)) s)")
  export E2E_KEYCLOAK_RUNNING=1
fi
trap on_signal INT TERM # lib.sh's own traps would exit at once, without stopping the running check
run_check keycloak e2e/keycloak.sh
run_check graphiql e2e/graphiql.sh
run_check spa e2e/spa.sh
if [ -n "$keycloak_pid" ]; then
  say "stopping Keycloak"
  stop_one "$keycloak_pid"
  started=()
fi
run_check balancer e2e/balancer.sh

took=$((SECONDS - total_started))
say "=== summary"
for line in "${summary[@]}"; do
  say "$line"
done
say "$(printf '%d of %d checks failed, %dm%02ds in all' "$failed" ${#selected[@]} $((took / 60)) $((took % 60)))"
[ -z "$interrupted" ] || exit 130
[ "$failed" -eq 0 ]
