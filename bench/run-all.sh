#!/usr/bin/env bash
# Every benchmark, one command: data (generated, or reused when the bench database already holds it), tokens,
# the SQL the server issues, plans, the five load benchmarks with pgbench side by side for the dashboard and
# the diary page, a JFR profile, the activation job, start-up. Writes one markdown file ready to paste into
# docs/performance.md: $BENCH_RESULTS/results-<UTC time>.md (also printed at the end).
#
# Usage: bench/run-all.sh [--regenerate] [--students N]
#   --regenerate  drop and re-generate the data even if the bench database already holds it
# Durations etc. come from the environment (see bench/lib.sh): defaults 30 s warm-up per server, then 5 s
# warm-up + 3 runs of 15 s at each of concurrency 1, 16 and 64: about 32 minutes, plus about 6 when generating.
# Needs: JDK 17, PostgreSQL (user postgres), psql and pgbench (postgresql-client), wrk (apt-get install -y wrk),
# read access to the PostgreSQL log for the SQL capture (PG_LOG).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require wrk wrk
require pgbench postgresql-client
gen_args=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --regenerate) gen_args+=(--force); shift ;;
        --students) gen_args+=(--students "$2"); shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
if [[ ! -f $JAR ]]; then
    (cd "$REPO_DIR" && ./mvnw -q -B package -DskipTests)
fi
stamp=$(date -u +%Y%m%dT%H%MZ)
out=$BENCH_RESULTS/results-$stamp.md
rm -f "$BENCH_RESULTS/load.tsv" "$BENCH_RESULTS/pgbench.tsv"
step() { echo "== $(date -u +%H:%M:%S) $*" >&2; }

{
    echo "# Benchmark results $stamp"
    echo
    echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), \
$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); $(java -version 2>&1 | head -1); \
$(psql -X -At -d postgres -c 'select version()' | cut -d, -f1); wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'). \
Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "Settings: warm-up ${BENCH_STEP_WARMUP:-10s} at c=1, 4 and 16 once per server start (load.sh) and $BENCH_WARMUP before each concurrency, measured $BENCH_DURATION, $BENCH_RUNS runs, concurrency $BENCH_CONCURRENCY, \
$BENCH_TOKENS accounts; figures are median (min–max) over the runs."
    echo
} > "$out"

step "data"
"$BENCH_DIR/generate.sh" "${gen_args[@]}" >&2
{
    echo "## Data"
    echo
    psql_bench -At -F ' | ' -c "select 'students', count(*) from ediary.student union all
        select 'guardian contacts', count(*) from ediary.guardian_contact union all
        select 'accounts', count(*) from ediary.account union all
        select 'accounts with direct access', count(*) from ediary.account a where exists (select 1 from ediary.guardian_contact g
            where g.email = a.email and g.phone = a.phone) union all
        select 'live grants', count(*) from ediary.trusted_access where revoked_at is null union all
        select 'invitations ' || status, count(*) from ediary.invitation group by status union all
        select 'lessons', count(*) from ediary.lesson union all
        select 'marks', count(*) from ediary.lesson_mark union all
        select 'database MiB', pg_database_size(current_database()) / 1048576" | sed 's/^/| /; s/$/ |/' \
        | { echo "| what | count |"; echo "|---|---|"; cat; }
    echo
} >> "$out"

step "tokens"
"$BENCH_DIR/tokens.sh" >&2
step "SQL capture"
"$BENCH_DIR/capture-sql.sh" >&2
step "plans"
{
    echo "## Plans of the hot-path statements (EXPLAIN ANALYZE, BUFFERS)"
    echo
    "$BENCH_DIR/explain.sh"
    echo
} >> "$out"

for bench in dashboard diary diary-access send-invitation mix; do
    step "load $bench"
    "$BENCH_DIR/load.sh" "$bench" > "$BENCH_RESULTS/load-$bench.md"
    if [[ $bench == dashboard || $bench == diary ]]; then
        step "pgbench $bench"
        "$BENCH_DIR/pgbench.sh" "$bench" > "$BENCH_RESULTS/pgbench-$bench.md"
    fi
done

{
    echo "## Load benchmarks (wrk, $BENCH_TOKENS different accounts)"
    echo
    echo "CPU ms/req is the server process's user+system CPU time over the run divided by the requests. \
failed = non-200 or GraphQL errors; refused = answered with userErrors (sendInvitation)."
    echo
    echo "| benchmark | c | req/s | p50 ms | p99 ms | CPU ms/req | peak RSS MiB | peak heap MiB | failed | refused |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    for bench in dashboard diary diary-access send-invitation mix; do
        for c in $BENCH_CONCURRENCY; do
            row="| $bench | $c"
            for col in 4 5 6 7 8 9; do
                row="$row | $(awk -F'\t' -v b="$bench" -v c="$c" -v k=$col '$1 == b && $2 == c {print $k}' "$BENCH_RESULTS/load.tsv" | spread)"
            done
            for col in 10 11; do
                row="$row | $(awk -F'\t' -v b="$bench" -v c="$c" -v k=$col '$1 == b && $2 == c {s += $k} END {print s + 0}' "$BENCH_RESULTS/load.tsv")"
            done
            echo "$row |"
        done
    done
    echo
    echo "## The database's own limit: pgbench with the server's statements"
    echo
    echo "| benchmark | c | server req/s | pgbench tx/s | ratio server/pgbench | pgbench p50 ms | pgbench p99 ms |"
    echo "|---|---|---|---|---|---|---|"
    for bench in dashboard diary; do
        for c in $BENCH_CONCURRENCY; do
            server=$(awk -F'\t' -v b="$bench" -v c="$c" '$1 == b && $2 == c {print $4}' "$BENCH_RESULTS/load.tsv" | spread)
            pg=$(awk -F'\t' -v b="$bench" -v c="$c" '$1 == b && $2 == c {print $4}' "$BENCH_RESULTS/pgbench.tsv" | spread)
            ratio=$(awk -v s="${server%% *}" -v p="${pg%% *}" 'BEGIN {printf "%.2f", (p > 0 ? s / p : 0)}')
            p50=$(awk -F'\t' -v b="$bench" -v c="$c" '$1 == b && $2 == c {print $5}' "$BENCH_RESULTS/pgbench.tsv" | spread)
            p99=$(awk -F'\t' -v b="$bench" -v c="$c" '$1 == b && $2 == c {print $6}' "$BENCH_RESULTS/pgbench.tsv" | spread)
            echo "| $bench | $c | $server | $pg | $ratio | $p50 | $p99 |"
        done
    done
    echo
    echo "Each run, raw: $BENCH_RESULTS/load-*.md, pgbench-*.md, load.tsv, pgbench.tsv."
    echo
} >> "$out"

step "profile"
{
    echo "## Profile (JFR) of the dashboard at c=16"
    echo
    "$BENCH_DIR/profile.sh" dashboard
    echo
} >> "$out"

step "activation"
{
    echo "## Activation job"
    echo
    "$BENCH_DIR/activation.sh" || echo "**activation.sh reported a failure**"
    echo
} >> "$out"

step "start-up"
{
    echo "## Start-up and footprint"
    echo
    "$BENCH_DIR/startup.sh"
    echo
} >> "$out"

step "done: $out"
cat "$out"
