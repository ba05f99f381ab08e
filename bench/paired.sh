#!/usr/bin/env bash
# Two builds of the server measured at the same time, under the same load: for a step between builds on a noisy
# machine. Run one after the other (bench/load.sh), the same build measured 2.1 and 3.6 ms of CPU per diary page on
# one machine within 20 minutes; run side by side, whatever slows the machine slows both, and the ratio of their CPU
# per request held within a few per cent from round to round.
#
#  1. both packaged servers started (as bench/load.sh starts them), on BENCH_PORT and BENCH_PORT2;
#  2. both warmed at once, gently: BENCH_STEP_WARMUP at each of c=1, 4 and BENCH_PAIRED_CONCURRENCY per server;
#  3. BENCH_ROUNDS rounds: wrk on both at once, BENCH_PAIRED_CONCURRENCY connections each, for BENCH_DURATION;
#     each server's CPU time (user + system, /proc) over the run divided by the requests it answered.
# Prints one line per round (requests and CPU ms per request of each, and B's CPU over A's) and the median ratio.
#
# Usage: bench/paired.sh dashboard|diary JAR_A JAR_B      (JAR: a packaged server's quarkus-run.jar)
# Needs: bench/generate.sh and bench/tokens.sh done, wrk. Settings (besides bench/lib.sh's): BENCH_ROUNDS (4),
# BENCH_STEP_WARMUP (30s), BENCH_PAIRED_CONCURRENCY (8).
set -euo pipefail
BENCH_DURATION=${BENCH_DURATION:-20s}
source "$(dirname "$0")/lib.sh"
BENCH_ROUNDS=${BENCH_ROUNDS:-4}
BENCH_STEP_WARMUP=${BENCH_STEP_WARMUP:-30s}
BENCH_PAIRED_CONCURRENCY=${BENCH_PAIRED_CONCURRENCY:-8}
require wrk wrk
bench=${1:?"usage: bench/paired.sh dashboard|diary JAR_A JAR_B"}
jar_a=${2:?"usage: bench/paired.sh dashboard|diary JAR_A JAR_B"}
jar_b=${3:?"usage: bench/paired.sh dashboard|diary JAR_A JAR_B"}
parent_benchmark "$bench"

JAR=$jar_a
start_server "$BENCH_PORT" -Dediary.trust.activation-enabled=false
pid_a=$SERVER_PID
JAR=$jar_b
start_server "$BENCH_PORT2" -Dediary.trust.activation-enabled=false
pid_b=$SERVER_PID
trap 'stop_server $pid_a; stop_server $pid_b' EXIT

out_a=$BENCH_RESULTS/paired-a.txt
out_b=$BENCH_RESULTS/paired-b.txt
# both at once for $2; prints the requests each answered: "A B"
load() {
  wrk -t1 -c"$1" -d"$2" --timeout 10s -s "$BENCH_DIR/wrk/$bench.lua" "http://127.0.0.1:$BENCH_PORT/graphql" \
    > "$out_a" 2>&1 &
  local wrk_a=$!
  wrk -t1 -c"$1" -d"$2" --timeout 10s -s "$BENCH_DIR/wrk/$bench.lua" "http://127.0.0.1:$BENCH_PORT2/graphql" \
    > "$out_b" 2>&1
  wait "$wrk_a"
  echo "$(awk '/requests in/ {print $1}' "$out_a") $(awk '/requests in/ {print $1}' "$out_b")"
}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

for c in 1 4 "$BENCH_PAIRED_CONCURRENCY"; do
  load "$c" "$BENCH_STEP_WARMUP" > /dev/null
done
ratios=()
for round in $(seq 1 "$BENCH_ROUNDS"); do
  a0=$(ticks "$pid_a")
  b0=$(ticks "$pid_b")
  read -r requests_a requests_b < <(load "$BENCH_PAIRED_CONCURRENCY" "$BENCH_DURATION")
  cpu_a=$(awk -v t="$(ticks "$pid_a")" -v t0="$a0" -v n="$requests_a" -v hz="$hz" 'BEGIN {printf "%.3f", (t - t0) * 1000 / hz / n}')
  cpu_b=$(awk -v t="$(ticks "$pid_b")" -v t0="$b0" -v n="$requests_b" -v hz="$hz" 'BEGIN {printf "%.3f", (t - t0) * 1000 / hz / n}')
  ratio=$(awk -v a="$cpu_a" -v b="$cpu_b" 'BEGIN {printf "%.3f", b / a}')
  ratios+=("$ratio")
  echo "round $round $bench c=$BENCH_PAIRED_CONCURRENCY each: A $requests_a requests, $cpu_a ms CPU/req;" \
    "B $requests_b requests, $cpu_b ms CPU/req; B/A $ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n \
  | awk '{v[NR] = $1} END {printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}')
echo "$bench: B's CPU per request over A's, median of $BENCH_ROUNDS rounds: $median"
