#!/usr/bin/env bash
# Where the server's CPU goes under load: a JFR recording (profile settings: execution samples every 10-20 ms)
# of the server while wrk runs one benchmark at concurrency 16, after a warm-up. Prints a markdown summary:
#   * inclusive share of samples per layer (a sample counts for every layer on its stack),
#   * self share per layer: each sample counted once, for the layer of the topmost frame that belongs to one
#     (JDK frames count for the library that called them),
#   * the top 25 frames by self samples (the frame at the top of the stack),
#   * the server's CPU per request over the recorded run (user + system, /proc) and its peak RSS,
#   * allocation (jdk.ObjectAllocationSample, weighted): bytes per request, by layer of the topmost known frame
#     and by the topmost frame of our code, the GraphQL engine or the JSON writer.
# Keeps the recording in $BENCH_RESULTS/profile-<benchmark>.jfr for `jfr print` / JDK Mission Control.
# Usage: bench/profile.sh [dashboard|diary|...]   (default dashboard)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require wrk wrk
bench=${1:-dashboard}
case $bench in
    dashboard | diary | diary-access) lines=parents.tsv ;;
    *) lines=send.tsv ;;
esac
export BENCH_DIR BENCH_LINES=$BENCH_RESULTS/tokens/$lines
jfr_file=$BENCH_RESULTS/profile-$bench.jfr
start_server "$BENCH_PORT" -Dediary.trust.activation-enabled=false -Dediary.trust.lookup-limit=100000000
trap 'stop_server' EXIT
url=http://127.0.0.1:$BENCH_PORT/graphql
wrk -t2 -c16 -d"$BENCH_INITIAL_WARMUP" --timeout 10s -s "$BENCH_DIR/wrk/$bench.lua" "$url" > /dev/null 2>&1
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
# bytes allocated so far (Micrometer counts what each collection found allocated in the young generation)
allocated() {
    curl -fsS -m 5 "http://127.0.0.1:$(management_port "$BENCH_PORT")/q/metrics" 2> /dev/null \
        | awk '/^jvm_gc_memory_allocated_bytes_total/ {s += $NF} END {printf "%.0f\n", s}'
}
jcmd "$SERVER_PID" JFR.start name=bench settings=profile > /dev/null
start_sampler "$SERVER_PID" "$BENCH_RESULTS/mem-profile-$bench.txt"
before=$(cpu_ticks)
allocated_before=$(allocated)
result=$(wrk -t2 -c16 -d"$BENCH_DURATION" --timeout 10s -s "$BENCH_DIR/wrk/$bench.lua" "$url" 2> /dev/null | grep '^RESULT')
after=$(cpu_ticks)
allocated_after=$(allocated)
stop_sampler
jcmd "$SERVER_PID" JFR.dump name=bench filename="$jfr_file" > /dev/null
jcmd "$SERVER_PID" JFR.stop name=bench > /dev/null
IFS=$'\t' read -r _ rps p50 p99 requests _ failed _ <<< "$result"
cpu=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN {printf "%.2f", n ? t * 1000 / hz / n : 0}')
read -r rss heap < <(sampler_peak "$BENCH_RESULTS/mem-profile-$bench.txt")
per_request=$(awk -v a="$allocated_before" -v b="$allocated_after" -v n="$requests" 'BEGIN {printf "%.0f", n ? (b - a) / 1024 / n : 0}')
echo "Profile of $bench at c=16 during $BENCH_DURATION: $rps req/s, p50 $p50 ms, p99 $p99 ms, $requests requests" \
    "($failed failed), server CPU $cpu ms/req, allocated $per_request kB/req (GC-counted), peak RSS $rss MiB," \
    "peak heap $heap MiB ($jfr_file)"
echo

# The layer a frame belongs to, shared by the CPU and the allocation breakdowns.
LAYER_AWK='
    function layer(f) {
        if (f ~ /^ru\.ediary\./) return "our code (ru.ediary)";
        if (f ~ /^org\.hibernate\./) return "Hibernate ORM";
        if (f ~ /^org\.postgresql\./) return "PostgreSQL JDBC driver";
        if (f ~ /^io\.agroal\./) return "Agroal pool";
        if (f ~ /^(graphql\.|io\.smallrye\.graphql\.)/) return "GraphQL (graphql-java, SmallRye)";
        if (f ~ /^(io\.quarkus\.oidc|io\.smallrye\.jwt|org\.jose4j)/) return "token verification (OIDC, jose4j)";
        if (f ~ /^(com\.arjuna|io\.quarkus\.narayana|jakarta\.transaction)/) return "transactions (Narayana)";
        if (f ~ /^(io\.vertx|io\.netty)/) return "HTTP (Vert.x, Netty)";
        if (f ~ /^(io\.quarkus\.arc|io\.smallrye\.context)/) return "CDI and context propagation";
        if (f ~ /^(io\.micrometer|org\.jboss\.logging|org\.jboss\.logmanager)/) return "metrics and logging";
        if (f ~ /^(com\.fasterxml|jakarta\.json|org\.eclipse\.yasson|org\.glassfish\.json|org\.eclipse\.parsson)/) return "JSON";
        return "";
    }
'

jfr print --events jdk.ExecutionSample --stack-depth 200 "$jfr_file" | awk "$LAYER_AWK"'
    /^jdk\.ExecutionSample/ {n++; top = ""; owner = ""; delete seen; instack = 0}
    /stackTrace = \[/ {instack = 1; next}
    instack && /^[[:space:]]*\]/ {instack = 0; own[owner == "" ? "JDK and other" : owner]++}
    instack {
        f = $1; sub(/\(.*/, "", f);
        if (top == "") {top = f; self[f]++}
        l = layer(f); if (l != "" && !(l in seen)) {seen[l] = 1; incl[l]++}
        if (l != "" && owner == "") owner = l
    }
    END {
        printf "%d samples\n\n| layer (inclusive) | share of samples |\n|---|---|\n", n;
        for (l in incl) printf "| %s | %.0f %% |\n", l, 100 * incl[l] / n | "sort -t\"|\" -k3 -rn";
        close("sort -t\"|\" -k3 -rn");
        printf "\n| layer (self: topmost frame of a known layer) | share of samples |\n|---|---|\n";
        for (l in own) printf "| %s | %.0f %% |\n", l, 100 * own[l] / n | "sort -t\"|\" -k3 -rn";
        close("sort -t\"|\" -k3 -rn");
        printf "\n| top frame (self) | share of samples |\n|---|---|\n";
        for (f in self) printf "| `%s` | %.1f %% |\n", f, 100 * self[f] / n | "sort -t\"|\" -k3 -rn | head -25";
        close("sort -t\"|\" -k3 -rn | head -25");
    }'

# Allocation: each sample stands for `weight` bytes allocated by that thread since its previous sample.
echo
jfr print --events jdk.ObjectAllocationSample --stack-depth 200 "$jfr_file" | awk -v requests="$requests" "$LAYER_AWK"'
    function bytes(v, u) { return u == "kB" ? v * 1024 : u == "MB" ? v * 1048576 : u == "GB" ? v * 1073741824 : v }
    /^jdk\.ObjectAllocationSample/ {w = 0; owner = ""; ours = ""; instack = 0}
    /^[[:space:]]*weight = / {w = bytes($3 + 0, $4); total += w}
    /stackTrace = \[/ {instack = 1; next}
    instack && /^[[:space:]]*\]/ {instack = 0; own[owner == "" ? "JDK and other" : owner] += w; if (ours != "") mine[ours] += w}
    instack {
        f = $1; sub(/\(.*/, "", f); l = layer(f);
        if (l != "" && owner == "") owner = l;
        if (ours == "" && l ~ /^(our code|GraphQL|JSON|metrics)/) ours = f
    }
    END {
        n = requests > 0 ? requests : 1;
        printf "Allocated: %.0f MiB in all, %.0f kB per request\n\n", total / 1048576, total / 1024 / n;
        printf "| layer (topmost known frame) | kB per request | share |\n|---|---|---|\n";
        for (l in own) printf "| %s | %.1f | %.0f %% |\n", l, own[l] / 1024 / n, 100 * own[l] / total | "sort -t\"|\" -k3 -rn";
        close("sort -t\"|\" -k3 -rn");
        printf "\n| topmost frame of our code, GraphQL, JSON, metrics or logging | kB per request |\n|---|---|\n";
        for (f in mine) printf "| `%s` | %.1f |\n", f, mine[f] / 1024 / n | "sort -t\"|\" -k3 -rn | head -20";
        close("sort -t\"|\" -k3 -rn | head -20");
    }'
