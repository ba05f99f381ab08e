#!/usr/bin/env bash
# Feed throughput: lessons with their pupils' attendance and marks accepted per second through the API
# (upsertLessons), in batches of the documented maximum (200 lessons), against the generated data set.
# Each batch is one school's new lessons (20 classes x 7 lessons a day, days after the generated year): 5 class
# lessons and 2 group lessons a class and day, every class lesson with 5 pupils' marks and one absence, every
# group lesson with 2 marks and one absence, attendance taken. The bodies are built beforehand (psql), then sent
# by CONCURRENCY parallel curl clients, each batch once; the time is from the first request to the last answer.
# Afterwards the lessons it created are deleted again (marks and attendance go with them).
#
# Usage: bench/feed.sh [--batches N] [--concurrency C] [--schools S]   (defaults 60, 2, 20)
# Needs: bench/generate.sh done, the packaged server, curl.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
batches=60
concurrency=2
schools=20
while [[ $# -gt 0 ]]; do
    case $1 in
        --batches) batches=$2; shift 2 ;;
        --concurrency) concurrency=$2; shift 2 ;;
        --schools) schools=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
work=$(mktemp -d)
trap 'stop_server; rm -rf "$work"' EXIT
run=f$(date +%s)

cleanup_lessons() {
    psql_bench -c "delete from ediary.lesson where external_id like 'feed-%'" > /dev/null
}
cleanup_lessons

# the first day after the generated year (its last lesson date), Monday to Friday from there
first_day=$(psql_bench -At -c "select max(lesson_date) + 3 from ediary.lesson")
seq 1 "$schools" | sed 's/^/service-account-bench-school-/' | mint_tokens > "$work/tokens"

echo "Building $batches bodies of 200 lessons ($schools schools, from $first_day)"
for ((b = 0; b < batches; b++)); do
    school=$((b % schools + 1))
    chunk=$((b / schools))
    token=$(sed -n "${school}p" "$work/tokens")
    psql_bench -At -v school="$school" -v chunk="$chunk" -v run="$run" -v first_day="$first_day" > "$work/body-$b.json" <<'SQL'
with seq as (
    select row_number() over (order by d.n, c, sl.slot) - 1 as i, d.n as day, c, sl.slot
    from generate_series(0, 60) d(n) cross join generate_series((:school - 1) * 20 + 1, :school * 20) c
    cross join generate_series(1, 7) sl(slot)),
lessons as (
    select s.i, json_build_object(
        'externalId', 'feed-' || :'run' || '-' || s.c || '-' || s.day || '-' || s.slot,
        'classExternalId', 'c' || s.c,
        'groupExternalId', case when s.slot >= 6 then 'g' || s.c || '-' || (s.slot - 6) end,
        'date', (:'first_day'::date + (s.day / 5) * 7 + s.day % 5)::text,
        'lessonNumber', case when s.slot <= 3 then s.slot when s.slot <= 5 then s.slot + 1 else 4 end,
        'subject', case when s.slot >= 6 then 'Английский язык' else 'Математика' end,
        'topic', 'Тема ' || s.day, 'homework', 'Параграф ' || s.day, 'teacherName', 'Учитель ' || s.slot,
        'attendanceTaken', true,
        'pupils', (select json_agg(json_build_object('studentExternalId', 's' || ((s.c - 1) * 25 + p.k),
                       'attendance', case when p.absent then 'ABSENT' end,
                       'marks', case when p.absent then '[]'::json
                                     else json_build_array(json_build_object('value', 3 + p.k % 3, 'kind', 'LESSON')) end))
                   from (select distinct on (k) k, absent from (
                           select case when s.slot < 6 then (s.day * 7 + s.slot * 3 + j * 4) % 25 + 1
                                       else (s.slot - 6) * 13 + (s.day + j * 5) % 12 + 1 end as k, j = 0 as absent
                           from generate_series(0, case when s.slot < 6 then 5 else 2 end) j) x order by k, absent desc) p)
    ) as lesson
    from seq s where s.i >= :chunk * 200 and s.i < (:chunk + 1) * 200)
select json_build_object(
    'query', 'mutation Feed($in: LessonBatchInput!) { upsertLessons(input: $in) { created updated withdrawn unchanged userErrors { field code } } }',
    'variables', json_build_object('in', json_build_object('lessons', json_agg(lesson order by i))))
from lessons;
SQL
    printf '%s\n' "$token" > "$work/token-$b"
done

start_server "$BENCH_PORT" -Dediary.trust.activation-enabled=false
url=http://127.0.0.1:$BENCH_PORT/graphql
# one warm-up batch of another run (deleted afterwards with the rest)
sed "s/feed-$run-/feed-warm-/g" "$work/body-0.json" > "$work/warm.json"
curl -fsS -o /dev/null -H "Authorization: Bearer $(cat "$work/token-0")" -H 'Content-Type: application/json' \
    --data-binary @"$work/warm.json" "$url"

started=$(date +%s%N)
seq 0 $((batches - 1)) | xargs -P "$concurrency" -I{} sh -c \
    'curl -fsS -o "$1/out-$2.json" -w "%{time_total}\n" -H "Authorization: Bearer $(cat "$1/token-$2")" \
        -H "Content-Type: application/json" --data-binary @"$1/body-$2.json" "$3"' _ "$work" {} "$url" > "$work/times"
elapsed_ms=$((($(date +%s%N) - started) / 1000000))

created=$(cat "$work"/out-*.json | grep -o '"created":[0-9]*' | cut -d: -f2 | paste -sd+ | bc)
refused=$(grep -L '"userErrors":\[\]' "$work"/out-*.json | wc -l)
marks=$(psql_bench -At -c "select count(*) from ediary.lesson_mark m join ediary.lesson l on l.id = m.lesson_id
    and l.lesson_date = m.lesson_date where l.external_id like 'feed-$run-%'")
p50=$(sort -g "$work/times" | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)] * 1000}')
p99=$(sort -g "$work/times" | awk '{v[NR] = $1} END {i = int(NR * 0.99); if (i < 1) i = 1; print v[i] * 1000}')
echo "| batches | concurrency | lessons created | marks stored | refused batches | seconds | lessons/s | marks/s | batch p50 ms | batch p99 ms |"
echo "|---|---|---|---|---|---|---|---|---|---|"
awk -v b="$batches" -v c="$concurrency" -v l="$created" -v m="$marks" -v r="$refused" -v ms="$elapsed_ms" -v p50="$p50" -v p99="$p99" \
    'BEGIN {printf "| %d | %d | %d | %d | %d | %.1f | %.0f | %.0f | %.0f | %.0f |\n", b, c, l, m, r, ms / 1000, l * 1000 / ms, m * 1000 / ms, p50, p99}'
cleanup_lessons
