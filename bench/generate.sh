#!/usr/bin/env bash
# Loads the city-scale data set into its own database (default ediary_bench), so tests and dev data are
# untouched. The schema comes from the server's own Flyway migrations: the packaged server is started once
# against the empty database and stopped. Then bench/generate.sql fills it, set-based, from a seed.
#
# Usage: bench/generate.sh [--students N] [--days D] [--seed S] [--force]
#   --students  multiple of 500, default 150000 (300 schools)
#   --days      school days of diary ending this Friday, default 170 (a school year); 20 gives four weeks
#   --seed      setseed() value in [-1, 1], default 0.42; the same seed gives the same data
#   --force     drop and re-create the database even when it already holds data (otherwise it is reused)
# Needs: the packaged server (./mvnw -q package -DskipTests), psql, PostgreSQL at PGHOST:PGPORT (user postgres).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

students=150000
days=170
seed=0.42
force=false
while [[ $# -gt 0 ]]; do
    case $1 in
        --students) students=$2; shift 2 ;;
        --days) days=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --force) force=true; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
if ((students % 500 != 0)); then
    echo "--students must be a multiple of 500" >&2
    exit 2
fi
require_jar

exists=$(psql -X -At -d postgres -c "select 1 from pg_database where datname = '$BENCH_DB'")
if [[ $exists == 1 ]]; then
    if $force; then
        echo "Dropping $BENCH_DB"
        psql -X -q -d postgres -c "drop database $BENCH_DB with (force)"
        exists=
    elif [[ $(psql_bench -At -c "select to_regclass('ediary.student') is not null and exists (select 1 from ediary.student)") == t ]]; then
        echo "$BENCH_DB already holds data: reusing it (--force to re-generate)"
        exit 0
    fi
fi
if [[ $exists != 1 ]]; then
    psql -X -q -d postgres -c "create database $BENCH_DB"
fi

echo "Migrating $BENCH_DB with the server's Flyway migrations (start once, stop)"
start_server "$BENCH_PORT" -Dediary.trust.activation-enabled=false
stop_server

echo "Generating $students students, $days school days of diary (seed $seed)"
start=$(date +%s)
psql_bench -v seed="$seed" -v students="$students" -v days="$days" -f "$BENCH_DIR/generate.sql"
echo "Generated in $(($(date +%s) - start)) s"
# What autovacuum would do to a live database, done once here (and needed where autovacuum is off, as on these
# machines): hint bits set and rows frozen, so the benchmarks' reads do not dirty and write the pages they read,
# and the visibility map lets index-only scans skip the heap.
start=$(date +%s)
psql_bench -c "vacuum (freeze, analyze)"
echo "Vacuumed in $(($(date +%s) - start)) s"
psql_bench -c "select 'schools' as what, count(*) from ediary.school union all
    select 'students', count(*) from ediary.student union all
    select 'guardian contacts', count(*) from ediary.guardian_contact union all
    select 'accounts', count(*) from ediary.account union all
    select 'accounts with direct access', count(*) from ediary.account a where exists (select 1 from ediary.guardian_contact g
        where g.email = a.email and g.phone = a.phone) union all
    select 'live grants', count(*) from ediary.trusted_access where revoked_at is null union all
    select 'invitations ' || status, count(*) from ediary.invitation group by status union all
    select 'school days', count(distinct lesson_date) from ediary.lesson union all
    select 'lessons', count(*) from ediary.lesson union all
    select 'groups', count(*) from ediary.lesson_group union all
    select 'group members', count(*) from ediary.lesson_group_member union all
    select 'attendance rows (sparse)', count(*) from ediary.lesson_attendance union all
    select 'marks', count(*) from ediary.lesson_mark"
# Size on disk: a partitioned table's own size is 0, so each is the sum of its partitions (heap, indexes, TOAST).
psql_bench -c "with t(name) as (values ('lesson'), ('lesson_attendance'), ('lesson_mark'))
    select t.name as diary_table, count(*) as partitions,
           round(sum(pg_relation_size(i.inhrelid)) / 1048576.0) as heap_mib,
           round(sum(pg_indexes_size(i.inhrelid)) / 1048576.0) as index_mib,
           round(sum(pg_total_relation_size(i.inhrelid)) / 1048576.0) as total_mib
    from t join pg_inherits i on i.inhparent = ('ediary.' || t.name)::regclass
    group by t.name
    union all
    select relname, 1, round(pg_relation_size(oid) / 1048576.0), round(pg_indexes_size(oid) / 1048576.0),
           round(pg_total_relation_size(oid) / 1048576.0)
    from pg_class where oid in ('ediary.lesson_group'::regclass, 'ediary.lesson_group_member'::regclass)
    union all
    select 'database', null, null, null, round(pg_database_size(current_database()) / 1048576.0)"
