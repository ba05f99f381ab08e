#!/usr/bin/env bash
# The database's own limit for a benchmark: pgbench issues the statements the server issues for one request
# (bench/pgbench/<name>.sql, taken from bench/capture-sql.sh) for the same accounts as the wrk tokens
# (bench.parent), at each concurrency of BENCH_CONCURRENCY, BENCH_RUNS times after a warm-up; prepared
# statements, as the JDBC driver uses once a statement has run 5 times. One pgbench transaction is one
# request. Prints a markdown table and appends raw rows to $BENCH_RESULTS/pgbench.tsv.
# Usage: bench/pgbench.sh dashboard|diary
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require pgbench postgresql-client
name=${1:?"usage: bench/pgbench.sh dashboard|diary"}
script=$BENCH_DIR/pgbench/$name.sql
parents=$(psql_bench -At -c "select count(*) from bench.parent")
export PGOPTIONS="-c search_path=ediary"
secs() { local d=$1; [[ $d == *s ]] && d=${d%s}; [[ $d == *m ]] && d=$((${d%m} * 60)); echo "$d"; }
logs=$BENCH_RESULTS/pgbench-logs
mkdir -p "$logs"

echo "| pgbench $name | c | tx/s | p50 ms | p99 ms |"
echo "|---|---|---|---|---|"
for c in $BENCH_CONCURRENCY; do
    threads=$((c < 2 ? 1 : 2))
    pgbench -n -M prepared -c "$c" -j $threads -T "$(secs "$BENCH_WARMUP")" -D parents="$parents" -f "$script" \
        "$BENCH_DB" > /dev/null 2>&1
    for run in $(seq 1 "$BENCH_RUNS"); do
        rm -f "$logs"/"$name"-*
        output=$(pgbench -n -M prepared -c "$c" -j $threads -T "$(secs "$BENCH_DURATION")" -D parents="$parents" \
            -l --log-prefix="$logs/$name" -f "$script" "$BENCH_DB" 2>&1) || { echo "$output" >&2; exit 1; }
        tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<< "$output" | head -1)
        failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<< "$output")
        read -r p50 p99 < <(cat "$logs/$name".* | awk '{print $3 / 1000}' | sort -g | awk '{v[NR] = $1}
            END {printf "%.2f %.2f\n", v[int(NR * 0.5) + 1], v[int(NR * 0.99) + 1]}')
        printf '%s\t%s\t%s\t%.1f\t%s\t%s\t%s\n' "$name" "$c" "$run" "$tps" "$p50" "$p99" "${failed:-0}" >> "$BENCH_RESULTS/pgbench.tsv"
        printf '|  | %s (run %s) | %.1f | %s | %s |\n' "$c" "$run" "$tps" "$p50" "$p99"
    done
done
