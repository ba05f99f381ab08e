#!/usr/bin/env bash
# Fault test (not part of the test run; see docs/reliability.md): PostgreSQL stopped and started again while
# a school system keeps writing diary entries. Checks that requests in the gap fail fast with
# SERVICE_UNAVAILABLE, readiness goes DOWN and UP again, the server recovers without a restart, and no
# acknowledged write is lost. Exits non-zero on any violation.
# It stops and starts this machine's PostgreSQL cluster: run it only where nothing else needs it meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."
SCHEMA=${FAULT_SCHEMA:-ediary_fault_db}
PORT=18083
DOWN_SECONDS=${DOWN_SECONDS:-8}
RUN_SECONDS=${RUN_SECONDS:-30}
CLUSTER=$(ls /etc/postgresql)
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
PSQL=(psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -v ON_ERROR_STOP=1 -q -t -A)
sql() { PGOPTIONS="-c search_path=$SCHEMA" "${PSQL[@]}" -c "$1"; }
work=$(mktemp -d)
server=""
cleanup() {
  pg_ctlcluster --skip-systemctl-redirect "$CLUSTER" main start 2>/dev/null || true
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
}
trap cleanup EXIT

"${PSQL[@]}" -c "drop schema if exists $SCHEMA cascade" > /dev/null 2>&1
java -Dquarkus.profile=dev -Dquarkus.http.port=$PORT -Dquarkus.management.port=$((PORT + 1000)) -DDB_SCHEMA="$SCHEMA" -Dquarkus.log.level=WARN \
     -Dquarkus.flyway.ignore-migration-patterns='*:missing' -jar "$JAR" > target/fault-db.log 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -sf -o /dev/null "localhost:$((PORT + 1000))/q/health/ready" && break; sleep 1; done
sql "insert into school (id, name, system_client_id) values (md5('f')::uuid, 'Школа', 'fault-school');
     insert into school_class (id, school_id, external_id, name) values (md5('fc')::uuid, md5('f')::uuid, 'c', '1А');
     insert into student (id, school_id, class_id, external_id, last_name, first_name, birth_date, status)
       values (md5('fs')::uuid, md5('f')::uuid, md5('fc')::uuid, 's1', 'Ученик', 'Тест', date '2015-01-01', 'ENROLLED');"

# a school-system token signed with the dev key
b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
token="$(printf '{"alg":"RS256","typ":"JWT","kid":"dev"}' | b64).$(printf '{"iss":"ediary-dev","sub":"service-account-fault-school","azp":"fault-school","groups":["school-system"],"aud":"ediary-api","iat":%d,"exp":%d}' "$now" $((now + 3600)) | b64)"
token="$token.$(printf '%s' "$token" | openssl dgst -sha256 -sign src/dev/dev-signing-key.pem | b64)"

writer() {
  local i=0 end=$((SECONDS + RUN_SECONDS))
  while [ $SECONDS -lt $end ]; do
    i=$((i + 1))
    body=$(printf '{"query":"mutation { upsertDiaryEntries(input: {entries: [{externalId: \\"w-%d\\", studentExternalId: \\"s1\\", date: \\"%s\\", lessonNumber: 1, subject: \\"Математика\\", marks: []}]}) { created userErrors { code } } }"}' "$i" "$(date +%F)")
    out=$(curl -s --max-time 15 -w ' %{http_code} %{time_total}' -H 'Content-Type: application/json' \
          -H "Authorization: Bearer $token" "localhost:$PORT/graphql" -d "$body" || echo "curl-failed 000 15")
    if [[ "$out" == *'"created":1'* ]]; then echo "w-$i ok ${out##* }"; else
      code=$(grep -oE '"code":"[A-Z_]+"' <<< "$out" | head -1 | cut -d'"' -f4); echo "w-$i fail ${code:-none} ${out##* }"; fi
    sleep 0.1
  done > "$work/writes"
}
ready() {
  local end=$((SECONDS + RUN_SECONDS))
  while [ $SECONDS -lt $end ]; do
    curl -s -o /dev/null --max-time 5 -w '%{http_code}\n' "localhost:$((PORT + 1000))/q/health/ready" || echo 000; sleep 0.5
  done > "$work/ready"
}
writer & w=$!
ready & r=$!
sleep 8
echo "== stopping PostgreSQL for $DOWN_SECONDS s"
pg_ctlcluster --skip-systemctl-redirect "$CLUSTER" main stop -m fast
sleep "$DOWN_SECONDS"
pg_ctlcluster --skip-systemctl-redirect "$CLUSTER" main start
echo "== PostgreSQL started again"
wait $w $r

acknowledged=$(grep -c ' ok ' "$work/writes" || true)
failed=$(grep -c ' fail ' "$work/writes" || true)
unavailable=$(grep -c ' fail SERVICE_UNAVAILABLE ' "$work/writes" || true)
slowest_failure=$(grep ' fail ' "$work/writes" | awk '{print $4}' | sort -n | tail -1)
ids=$(grep ' ok ' "$work/writes" | awk '{printf "%s\x27%s\x27", (NR > 1 ? "," : ""), $1}')
stored=$(sql "select count(*) from diary_entry where external_id in ($ids)")
transitions=$(uniq < "$work/ready" | tr '\n' ' ')
last_ok=$(tail -3 "$work/writes" | grep -c ' ok ' || true)
echo "writes: $acknowledged acknowledged, $failed failed ($unavailable SERVICE_UNAVAILABLE), slowest failure ${slowest_failure:-0} s"
echo "acknowledged and stored: $stored of $acknowledged"
echo "readiness over time: $transitions"
fail=0
[ "$stored" = "$acknowledged" ] || { echo "LOST acknowledged writes" >&2; fail=1; }
[ "$unavailable" = "$failed" ] || { echo "failures other than SERVICE_UNAVAILABLE:"; grep ' fail ' "$work/writes" | grep -v SERVICE_UNAVAILABLE | head -5; fail=1; }
[ "$failed" -gt 0 ] || { echo "no request fell into the gap: the outage was not observed" >&2; fail=1; }
awk -v s="${slowest_failure:-0}" 'BEGIN { exit !(s <= 10) }' || { echo "a failure took longer than 10 s" >&2; fail=1; }
[[ "$transitions" == *503* && "$transitions" == *"200 "* ]] || { echo "readiness did not go down and up" >&2; fail=1; }
[ "$last_ok" -ge 1 ] || { echo "the server did not recover" >&2; fail=1; }
[ $fail = 0 ] && echo "fault test passed"
exit $fail
