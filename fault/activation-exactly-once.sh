#!/usr/bin/env bash
# Fault test of the activation job (not part of the test run; see docs/reliability.md):
#   1. two server processes run the job on one database over N accepted invitations: each exactly once;
#   2. a server killed with SIGKILL in the middle of activating N more, then restarted: each exactly once.
# Exits non-zero on any violation. Needs PostgreSQL (as the README says) and the packaged server.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
SCHEMA=${FAULT_SCHEMA:-ediary_fault}
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
PSQL=(psql -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-postgres}" -d "${DB_NAME:-postgres}"
      -v ON_ERROR_STOP=1 -q -t -A)
sql() { PGOPTIONS="-c search_path=$SCHEMA" "${PSQL[@]}" -c "$1"; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start() { # port -> pid; the dev profile's keys, the job every second
  java -Dquarkus.profile=dev -Dquarkus.http.port="$1" -Dquarkus.management.port="$(($1 + 1000))" -DDB_SCHEMA="$SCHEMA" -Dquarkus.log.level=WARN \
       '-Dquarkus.log.category."ru.ediary.trust".level=INFO' \
       -Dquarkus.flyway.ignore-migration-patterns='*:missing' \
       -Dediary.trust.activation-interval=1s -Dediary.trust.activation-initial-delay=1s \
       -Dediary.trust.activation-batch-size=200 -jar "$JAR" > "target/fault-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 60); do curl -sf -o /dev/null "localhost:$(($1 + 1000))/q/health/ready" && return 0; sleep 1; done
  echo "server on port $1 did not start" >&2; exit 1
}

seed() { # tag -> N accepted, due invitations, each from a parent with direct access to one child
  sql "insert into school (id, name) values (md5('$1')::uuid, 'Школа $1');
       insert into school_class (id, school_id, external_id, name) values (md5('$1c')::uuid, md5('$1')::uuid, 'c', '1А');
       insert into account (id, subject, last_name, first_name, email, phone)
         select md5('$1p' || g)::uuid, '$1-p-' || g, 'Родителев', 'Тест', '$1-p-' || g || '@example.ru',
                '+7999' || lpad(g::text, 7, '0') from generate_series(1, $N) g;
       insert into account (id, subject, last_name, first_name)
         select md5('$1i' || g)::uuid, '$1-i-' || g, 'Доверенный', 'Тест' from generate_series(1, $N) g;
       insert into student (id, school_id, class_id, external_id, last_name, first_name, birth_date, status)
         select md5('$1s' || g)::uuid, md5('$1')::uuid, md5('$1c')::uuid, '$1-s-' || g, 'Ученик', 'Тест',
                date '2015-01-01', 'ENROLLED' from generate_series(1, $N) g;
       insert into guardian_contact (id, student_id, last_name, first_name, relation, email, phone)
         select md5('$1g' || g)::uuid, md5('$1s' || g)::uuid, 'Родителев', 'Тест', 'MOTHER',
                '$1-p-' || g || '@example.ru', '+7999' || lpad(g::text, 7, '0') from generate_series(1, $N) g;
       insert into invitation (id, inviter_id, invitee_id, service, status, idempotency_key, request_hash,
                               invitee_identifier, created_at, expires_at, accepted_at, activate_after)
         select md5('$1v' || g)::uuid, md5('$1p' || g)::uuid, md5('$1i' || g)::uuid, 'ELECTRONIC_DIARY', 'ACCEPTED',
                'k-' || g, 'h', '+7999*****00', now(), now() + interval '30 days', now(), now()
         from generate_series(1, $N) g;
       insert into invitation_child (invitation_id, student_id)
         select md5('$1v' || g)::uuid, md5('$1s' || g)::uuid from generate_series(1, $N) g;"
}

waiting() { sql "select count(*) from invitation i join account a on a.id = i.inviter_id
                 where a.subject like '$1-p-%' and i.status = 'ACCEPTED'"; }

check() { # tag: every invitation activated, exactly one grant each
  local activated grants doubled
  activated=$(sql "select count(*) from invitation i join account a on a.id = i.inviter_id
                   where a.subject like '$1-p-%' and i.status = 'ACTIVATED'")
  grants=$(sql "select count(*) from trusted_access t join account a on a.id = t.inviter_id where a.subject like '$1-p-%'")
  doubled=$(sql "select count(*) from (select t.invitation_id from trusted_access t join account a on a.id = t.inviter_id
                 where a.subject like '$1-p-%' group by t.invitation_id having count(*) > 1) d")
  echo "$1: activated=$activated grants=$grants doubled=$doubled (of $N)"
  [ "$activated" = "$N" ] && [ "$grants" = "$N" ] && [ "$doubled" = "0" ]
}

wait_done() { # tag, seconds
  for _ in $(seq 1 "$2"); do [ "$(waiting "$1")" = "0" ] && return 0; sleep 1; done
  echo "$1: still $(waiting "$1") waiting after $2 s" >&2; return 1
}

"${PSQL[@]}" -c "drop schema if exists $SCHEMA cascade" > /dev/null
start 18081
start 18082

echo "== two instances, $N invitations"
seed twoinst
t0=$(date +%s.%N)
wait_done twoinst 300
t1=$(date +%s.%N)
check twoinst
printf 'two instances: %d invitations in %.1f s (%.0f/s, including up to 1 s until the next run)\n' \
  "$N" "$(echo "$t1 - $t0" | bc)" "$(echo "$N / ($t1 - $t0)" | bc -l)"
share() { grep -oE 'Activation run: [0-9]+ activated' "$1" | awk '{s += $3} END {print s + 0}'; }
echo "activated by instance 1: $(share target/fault-18081.log), by instance 2: $(share target/fault-18082.log)"

echo "== SIGKILL mid-activation, $N invitations"
kill -9 "${pids[1]}"; wait "${pids[1]}" 2>/dev/null || true
seed killed
for _ in $(seq 1 600); do
  left=$(waiting killed)
  [ "$left" -lt $((N * 2 / 3)) ] && break
  sleep 0.05
done
kill -9 "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
left=$(waiting killed)
echo "killed with $left of $N still waiting"
partial=$(sql "select count(*) from invitation i join account a on a.id = i.inviter_id where a.subject like 'killed-p-%'
               and i.status = 'ACCEPTED' and exists (select 1 from trusted_access t where t.invitation_id = i.id)")
[ "$partial" = "0" ] || { echo "an unactivated invitation already has a grant" >&2; exit 1; }
start 18081
wait_done killed 300
check killed
echo "fault test passed"
