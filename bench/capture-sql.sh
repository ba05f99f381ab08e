#!/usr/bin/env bash
# Captures the exact SQL the server issues for one request of each benchmark (dashboard, diary page,
# diaryAccess, sendInvitation): turns on
# log_statement for the bench database only (ALTER DATABASE ... SET, new connections), starts the server,
# sends each request twice, and copies that database's lines of the PostgreSQL log for the second to
# $BENCH_RESULTS/sql-<name>.log. The pgbench scripts (bench/pgbench/) issue these statements and
# bench/explain.sh explains them.
# Usage: bench/capture-sql.sh   (needs read access to the PostgreSQL log: PG_LOG, default the Debian path)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PG_LOG=${PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
tokens=$BENCH_RESULTS/tokens
[[ -r $PG_LOG ]] || { echo "Cannot read $PG_LOG (set PG_LOG)" >&2; exit 1; }

psql -X -q -d postgres -c "alter database $BENCH_DB set log_statement = 'all'"
cleanup() {
    stop_server
    psql -X -q -d postgres -c "alter database $BENCH_DB reset log_statement"
    psql_bench -f "$BENCH_DIR/send-reset.sql"
}
start_server "$BENCH_PORT" -Dediary.trust.activation-enabled=false
trap cleanup EXIT
url=http://127.0.0.1:$BENCH_PORT/graphql
IFS=$'\t' read -r token child < <(head -1 "$tokens/parents.tsv")

# capture NAME BODY [TOKEN [WARM-UP BODY]]
capture() {
    local name=$1 body=$2 who=${3:-$token} warm=${4:-$2} offset
    # a first request opens the pool's connections and warms caches; the second is the one captured
    curl -fsS -o /dev/null -H "Authorization: Bearer $who" -H 'Content-Type: application/json' -d "$warm" "$url"
    # a send is captured from the same data as the benchmark's: what the warm-up created is undone
    psql_bench -f "$BENCH_DIR/send-reset.sql"
    sleep 0.5
    offset=$(stat -c %s "$PG_LOG")
    curl -fsS -H "Authorization: Bearer $who" -H 'Content-Type: application/json' -d "$body" "$url" \
        > "$BENCH_RESULTS/sql-$name.response.json"
    sleep 0.5
    # the database's own lines and the DETAIL (bind parameters) lines that follow them
    tail -c +$((offset + 1)) "$PG_LOG" | awk -v db="@$BENCH_DB " '
        /^[0-9]{4}-/ {keep = index($0, db) > 0}
        keep' > "$BENCH_RESULTS/sql-$name.log"
    echo "$name: $(grep -c -E 'LOG: +(execute|statement)' "$BENCH_RESULTS/sql-$name.log") statements -> $BENCH_RESULTS/sql-$name.log"
}
page='{"query":"query Page($c: ID!) { diary(childId: $c, first: 50) { edges { node { id date lessonNumber subject topic homework attendance teacherName marks { value weight kind comment } } } pageInfo { hasNextPage endCursor } } }","variables":{"c":"'$child'"}}'
capture dashboard "$(sed -n 's/^local body = \[\[\(.*\)\]\]$/\1/p' "$BENCH_DIR/wrk/dashboard.lua")"
capture diary "$page"
capture diary-access "$(sed -n 's/^local body = \[\[\(.*\)\]\]$/\1/p' "$BENCH_DIR/wrk/diary-access.lua")"
IFS=$'\t' read -r itoken ichild iphone isurname < <(head -1 "$tokens/send.tsv")
send() {
    echo '{"query":"mutation Send($k: String!, $in: InvitationInput!) { sendInvitation(idempotencyKey: $k, input: $in) { invitation { id status expiresAt } userErrors { field code } } }","variables":{"k":"bench-'"$1"'","in":{"service":"ELECTRONIC_DIARY","childIds":["'"$ichild"'"],"phone":"'"$iphone"'","surname":"'"$isurname"'"}}}'
}
capture send-invitation "$(send capture-2)" "$itoken" "$(send capture-1)"
