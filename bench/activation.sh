#!/usr/bin/env bash
# Activation job throughput on the generated data (about 100,000 due ACCEPTED invitations):
#   1. baseline: the same state change as one transaction of set-based SQL (bench/activation-baseline.sql),
#      rolled back, BENCH_RUNS times;
#   2. the job in one server (first run 1 s after start, every 1 s), BENCH_RUNS times, with its used heap
#      sampled every second, from the same data each time (bench/activation-reset.sql);
#   3. the job in two servers at once, then checks that every invitation was activated exactly once:
#      one grant per granted child, one ACCESS_GRANTED audit event per grant, two outcome notifications
#      per invitation, nothing left ACCEPTED.
# Prints markdown; the data is reset to its generated state at the end.
# Usage: bench/activation.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
JOB_OPTS=(-Dediary.trust.activation-interval=1s -Dediary.trust.activation-initial-delay=1s)

reset() { psql_bench -f "$BENCH_DIR/activation-reset.sql" > /dev/null; }
due() { psql_bench -At -c "select count(*) from ediary.invitation where status = 'ACCEPTED' and activate_after <= now()"; }
now_s() { date +%s.%N; }

reset
total=$(due)
echo "### Activation of $total accepted invitations"
echo
echo "| what | run | seconds | invitations/s | peak heap MiB | heap samples MiB (min–max after the first 3 s) |"
echo "|---|---|---|---|---|---|"
for run in $(seq 1 "$BENCH_RUNS"); do
    t0=$(now_s)
    psql_bench -f "$BENCH_DIR/activation-baseline.sql" > "$BENCH_RESULTS/activation-baseline-$run.log"
    t1=$(now_s)
    awk -v a="$t0" -v b="$t1" -v n="$total" -v r="$run" \
        'BEGIN {printf "| one SQL transaction | %d | %.1f | %.0f | – | – |\n", r, b - a, n / (b - a)}'
done

# Waits until nothing is due; prints the seconds from the first batch's start (its closed_at) to then.
wait_activated() {
    local i
    for i in $(seq 1 3000); do
        if [[ $(due) == 0 ]]; then
            psql_bench -At -c "select extract(epoch from clock_timestamp() - min(closed_at)) from ediary.invitation
                where idempotency_key ~ '^gen-[0-9]+\$' and substr(idempotency_key, 5)::int % 3 <> 0"
            return 0
        fi
        sleep 0.2
    done
    echo "activation did not finish in 10 minutes" >&2
    exit 1
}

for run in $(seq 1 "$BENCH_RUNS"); do
    reset
    start_server "$BENCH_PORT" "${JOB_OPTS[@]}"
    start_sampler "$SERVER_PID" "$BENCH_RESULTS/mem-activation-$run.txt"
    seconds=$(wait_activated)
    stop_sampler
    stop_server
    read -r _ heap < <(sampler_peak "$BENCH_RESULTS/mem-activation-$run.txt")
    range=$(awk 'NR > 3 {if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2} END {printf "%d–%d", min, max}' \
        "$BENCH_RESULTS/mem-activation-$run.txt")
    awk -v s="$seconds" -v n="$total" -v r="$run" -v h="$heap" -v g="$range" \
        'BEGIN {printf "| job, one server | %d | %.1f | %.0f | %d | %s |\n", r, s, n / s, h, g}'
done

echo
echo "### Two servers running the job at once"
echo
reset
start_server "$BENCH_PORT" "${JOB_OPTS[@]}"
first=$SERVER_PID
start_server "$BENCH_PORT2" "${JOB_OPTS[@]}"
second=$SERVER_PID
trap 'stop_server $first; stop_server $second' EXIT
seconds=$(wait_activated)
stop_server "$first"
stop_server "$second"
trap - EXIT
psql_bench -At -F ' ' -c "
    with act as (select id from ediary.invitation where idempotency_key ~ '^gen-[0-9]+\$'
                 and substr(idempotency_key, 5)::int % 3 <> 0)
    select (select count(*) from ediary.invitation where id in (select id from act) and status = 'ACCEPTED'),
           (select count(*) from ediary.invitation where id in (select id from act) and status = 'ACTIVATED'),
           (select count(*) from ediary.invitation where id in (select id from act) and status = 'FAILED'),
           (select count(*) from ediary.invitation_child where invitation_id in (select id from act) and outcome = 'GRANTED'),
           (select count(*) from ediary.trusted_access where invitation_id in (select id from act)),
           (select count(*) from ediary.audit_event where invitation_id in (select id from act) and action = 'ACCESS_GRANTED'),
           (select count(*) from (select invitation_id from ediary.notification where invitation_id in (select id from act)
                and kind in ('INVITATION_ACTIVATED', 'INVITATION_FAILED') group by invitation_id having count(*) <> 2) x),
           (select count(*) from (select trusted_person_id, student_id from ediary.trusted_access where revoked_at is null
                group by 1, 2 having count(*) > 1) y)" > "$BENCH_RESULTS/activation-two.txt"
read -r accepted activated failed granted grants audited badnotes dupes < "$BENCH_RESULTS/activation-two.txt"
ok=yes
if ((accepted != 0 || granted != grants || grants != audited || badnotes != 0 || dupes != 0 || activated + failed != total)); then
    ok=NO
fi
echo "| seconds | activated | failed | children granted | grants | ACCESS_GRANTED events | invitations without exactly 2 outcome notifications | duplicate live grants | exactly once |"
echo "|---|---|---|---|---|---|---|---|---|"
echo "| $seconds | $activated | $failed | $granted | $grants | $audited | $badnotes | $dupes | $ok |"
reset
[[ $ok == yes ]]
