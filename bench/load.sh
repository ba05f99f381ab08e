#!/usr/bin/env bash
# One load benchmark against the packaged server on the generated data: a first, gentle warm-up of
# BENCH_STEP_WARMUP (10s) at each of concurrency 1, 4 and 16 (so the JIT compiler is done before anything is
# measured), then at
# each concurrency of BENCH_CONCURRENCY a warm-up of BENCH_WARMUP and BENCH_RUNS measured runs, with wrk; the server's RSS and used heap are sampled every
# second and its CPU time per request taken from /proc. Prints a markdown table and appends raw rows to
# $BENCH_RESULTS/load.tsv.
#
# Usage: bench/load.sh dashboard|diary|diary-access|send-invitation|mix
# Needs: bench/generate.sh and bench/tokens.sh done; wrk (apt-get install -y wrk).
# The server runs with the activation job off (it would otherwise activate the generated invitations
# mid-run) and a lookup limit high enough that sendInvitation runs are not rate-limited.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BENCH_STEP_WARMUP=${BENCH_STEP_WARMUP:-10s}
require wrk wrk
bench=${1:?"usage: bench/load.sh dashboard|diary|diary-access|send-invitation|mix"}
case $bench in
    dashboard | diary-access) lines=parents.tsv ;;
    diary) lines=parents.tsv ;;
    send-invitation | mix) lines=send.tsv ;;
    *) echo "unknown benchmark $bench" >&2; exit 2 ;;
esac
export BENCH_DIR BENCH_LINES=$BENCH_RESULTS/tokens/$lines
if [[ ! -s $BENCH_LINES ]]; then
    echo "No $BENCH_LINES: run bench/tokens.sh first" >&2
    exit 1
fi
writes() { [[ $bench == send-invitation || $bench == mix ]]; }
reset() { if writes; then psql_bench -f "$BENCH_DIR/send-reset.sql"; fi; }

reset
start_server "$BENCH_PORT" -Dediary.trust.activation-enabled=false -Dediary.trust.lookup-limit=100000000
trap 'stop_server' EXIT
url=http://127.0.0.1:$BENCH_PORT/graphql
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
hz=$(getconf CLK_TCK)

echo "| $bench | c | req/s | p50 ms | p99 ms | CPU ms/req | peak RSS MiB | peak heap MiB | failed | refused |"
echo "|---|---|---|---|---|---|---|---|---|---|"
# gently: on 2 cores a JVM warmed straight at high concurrency starves its JIT compiler and measures ~2x slow
for c in 1 4 16; do
    BENCH_TAG=w0$c$RANDOM wrk -t$((c < 2 ? 1 : 2)) -c$c -d"$BENCH_STEP_WARMUP" --timeout 10s -s "$BENCH_DIR/wrk/$bench.lua" "$url" \
        > /dev/null 2>&1
done
for c in $BENCH_CONCURRENCY; do
    threads=$((c < 2 ? 1 : 2))
    BENCH_TAG=w$c$RANDOM wrk -t$threads -c"$c" -d"$BENCH_WARMUP" --timeout 10s -s "$BENCH_DIR/wrk/$bench.lua" "$url" > /dev/null 2>&1
    for run in $(seq 1 "$BENCH_RUNS"); do
        reset
        start_sampler "$SERVER_PID" "$BENCH_RESULTS/mem-$bench-$c-$run.txt"
        before=$(cpu_ticks)
        result=$(BENCH_TAG=r$c$run$RANDOM wrk -t$threads -c"$c" -d"$BENCH_DURATION" --timeout 10s -s "$BENCH_DIR/wrk/$bench.lua" "$url" \
            2> "$BENCH_RESULTS/wrk-$bench-$c-$run.err" | grep '^RESULT')
        after=$(cpu_ticks)
        stop_sampler
        read -r rss heap < <(sampler_peak "$BENCH_RESULTS/mem-$bench-$c-$run.txt")
        IFS=$'\t' read -r _ rps p50 p99 requests socket failed refused <<< "$result"
        cpu=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$requests" 'BEGIN {printf "%.1f", n ? t * 1000 / hz / n : 0}')
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$bench" "$c" "$run" "$rps" "$p50" "$p99" "$cpu" "$rss" "$heap" \
            "$((socket + failed))" "$refused" >> "$BENCH_RESULTS/load.tsv"
        echo "|  | $c (run $run) | $rps | $p50 | $p99 | $cpu | $rss | $heap | $((socket + failed)) | $refused |"
    done
done
