#!/usr/bin/env bash
# Start-up and footprint of the packaged server (prod profile, JVM mode, default heap settings unless
# BENCH_JAVA_OPTS says otherwise): time from launching java to the first answered GraphQL request (a dashboard,
# polled every 50 ms), Quarkus's own "started in", then RSS and used heap after 10 s idle. BENCH_RUNS times.
# Usage: bench/startup.sh   (after bench/generate.sh and bench/tokens.sh)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require_jar
IFS=$'\t' read -r token _ < <(head -1 "$BENCH_RESULTS/tokens/parents.tsv")
body=$(sed -n 's/^local body = \[\[\(.*\)\]\]$/\1/p' "$BENCH_DIR/wrk/dashboard.lua")
log=$BENCH_RESULTS/server-startup.log

echo "| run | first request answered s | Quarkus \"started in\" s | idle RSS MiB | idle used heap MiB |"
echo "|---|---|---|---|---|"
for run in $(seq 1 "$BENCH_RUNS"); do
    t0=$(date +%s%N)
    # shellcheck disable=SC2086
    DB_NAME=$BENCH_DB java ${BENCH_JAVA_OPTS:-} -XX:+UseG1GC -Dquarkus.http.port="$BENCH_PORT" -Dquarkus.management.port="$(management_port "$BENCH_PORT")" \
        -D%prod.quarkus.oidc.auth-server-url= -Dquarkus.oidc.public-key="$(dev_public_key)" \
        -Dquarkus.oidc.token.issuer=ediary-dev -Dediary.trust.activation-enabled=false -jar "$JAR" > "$log" 2>&1 &
    SERVER_PID=$!
    trap 'stop_server' EXIT
    until curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body" \
        "http://127.0.0.1:$BENCH_PORT/graphql" 2> /dev/null; do
        kill -0 "$SERVER_PID" 2> /dev/null || { tail -20 "$log" >&2; exit 1; }
        sleep 0.05
    done
    t1=$(date +%s%N)
    sleep 10
    rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$SERVER_PID/status")
    heap=$(curl -fsS "http://127.0.0.1:$(management_port "$BENCH_PORT")/q/metrics" \
        | awk '/^jvm_memory_used_bytes\{area="heap"/ {s += $NF} END {print int(s / 1048576)}')
    started=$(sed -n 's/.*started in \([0-9.]*\)s.*/\1/p' "$log" | head -1)
    stop_server
    trap - EXIT
    printf '| %d | %.2f | %s | %d | %d |\n' "$run" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print (b - a) / 1e9}')" \
        "${started:-?}" "$rss" "$heap"
done
