#!/usr/bin/env bash
# Storage of the generated school year in today's per-pupil model (V3), measured on a sample of classes and
# extrapolated to the whole data set, next to the lesson model's measured size. The sample's schema
# (legacy_sample) is dropped afterwards.
# Usage: bench/legacy-sample.sh [--classes N]   (default 100 classes = 2,500 pupils)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
classes=100
[[ ${1:-} == --classes ]] && classes=$2
psql_bench -v classes="$classes" -f "$BENCH_DIR/legacy-sample.sql"
psql_bench <<'SQL'
\pset footer off
with sample as (
    select (select count(distinct student_id) from legacy_sample.diary_entry) as pupils,
           (select count(*) from legacy_sample.diary_entry) as entries,
           (select count(*) from legacy_sample.diary_mark) as marks,
           pg_total_relation_size('legacy_sample.diary_entry') as entry_bytes,
           pg_total_relation_size('legacy_sample.diary_mark') as mark_bytes),
whole as (select count(*) as pupils from ediary.student),
lesson_model as (
    select sum(pg_total_relation_size(i.inhrelid)) as bytes
    from pg_inherits i where i.inhparent in ('ediary.lesson'::regclass, 'ediary.lesson_attendance'::regclass,
                                             'ediary.lesson_mark'::regclass))
select s.pupils as sample_pupils, s.entries as sample_entries, s.marks as sample_marks,
       round(s.entry_bytes / 1048576.0) as sample_entry_mib, round(s.mark_bytes / 1048576.0) as sample_mark_mib,
       round((s.entry_bytes + s.mark_bytes)::numeric / s.pupils) as bytes_per_pupil,
       w.pupils as all_pupils,
       round((s.entry_bytes + s.mark_bytes)::numeric / s.pupils * w.pupils / 1073741824.0, 1) as v3_year_gib,
       round(l.bytes / 1073741824.0, 1) as lesson_model_gib,
       round((s.entry_bytes + s.mark_bytes)::numeric / s.pupils * w.pupils / l.bytes, 1) as ratio
from sample s, whole w, lesson_model l;
SQL
psql_bench -q -c "drop schema legacy_sample cascade"
