#!/usr/bin/env bash
# The accounts the load benchmarks act as, and their tokens. BENCH_TOKENS parents with direct access are
# picked pseudo-randomly but repeatably (by md5 of the subject) into table bench.parent of the bench
# database, with what the pgbench scripts need to issue the server's statements for them (bench/pgbench/;
# `children` is all of the parent's children, as the dashboard reads them); then token files are written
# to $BENCH_RESULTS/tokens/, lines "token<TAB>fields...":
#   parents.tsv  a parent, one of their children (dashboard, diaryAccess, diary page)
#   send.tsv     another parent, their child, another person's phone and surname to invite; 5 invitees per
#                parent, ordered so that consecutive lines are different parents (sendInvitation, mix)
# Usage: bench/tokens.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
out=$BENCH_RESULTS/tokens
mkdir -p "$out"
n=$BENCH_TOKENS

psql_bench -v n="$n" <<'SQL'
\set ON_ERROR_STOP on
set client_min_messages = warning;
create schema if not exists bench;
drop table if exists bench.parent, bench.inviter;
create temporary table candidate as
select distinct on (a.id) a.id as account_id, a.subject, a.email, a.phone, s.id as child_id, md5(a.subject) as k
from ediary.account a
join ediary.guardian_contact g on g.email = a.email and g.phone = a.phone
join ediary.student s on s.id = g.student_id and s.status = 'ENROLLED'
where a.subject like 'bench-%'
order by a.id, s.id;

-- the dates are the server's: recentMarks from 93 days back, weekHomework this Monday to Sunday, the diary
-- page the last 30 days
create table bench.parent as
select row_number() over (order by c.k)::int as n, c.subject, c.account_id, c.email, c.phone, c.child_id,
       (current_date - 93)::text as marks_from,
       (date_trunc('week', current_date))::date::text as week_from,
       (date_trunc('week', current_date) + interval '6 days')::date::text as week_to,
       (current_date - 30)::text as page_from, current_date::text as page_to,
       (select coalesce(array_agg(e.id order by e.lesson_date, e.lesson_number, e.id), '{}')::text
        from (select l.id, l.lesson_date, l.lesson_number from ediary.lesson l
              join ediary.student s on s.id = c.child_id and l.class_id = s.class_id and l.group_id is null
              where l.withdrawn_at is null and l.lesson_date between current_date - 30 and current_date
              union all
              select l.id, l.lesson_date, l.lesson_number from ediary.lesson_group_member g
              join ediary.lesson l on l.group_id = g.group_id
              where g.student_id = c.child_id and l.withdrawn_at is null
                and l.lesson_date between current_date - 30 and current_date
              order by lesson_date, lesson_number, id limit 51) e) as page_entries,
       (select s.class_id from ediary.student s where s.id = c.child_id) as class_id,
       (select array_agg(d.student_id order by d.student_id)::text from ediary.direct_access d
        where d.account_id = c.account_id) as children,
       (select i.id from ediary.invitation i where i.inviter_id = c.account_id
        order by i.created_at desc, i.id desc limit 1) as last_invitation
from (select * from candidate order by k limit :n) c;
alter table bench.parent add primary key (n);

create table bench.inviter as
select row_number() over (order by c.k desc)::int as n, c.subject, c.child_id
from (select * from candidate order by k desc limit :n) c;
analyze bench.parent;
analyze bench.inviter;
SQL

psql_bench -At -F $'\t' -c "select subject, child_id from bench.parent order by n" | mint_tokens > "$out/parents.tsv"

# invitees: "other" accounts (phone +77) with no grant or open invitation for that child
psql_bench -At -F $'\t' -c "
    with other as (
        select id, phone, last_name, row_number() over (order by md5(id::text)) as r
        from ediary.account where phone like '+77%'),
    others as (select count(*) as c from other)
    select i.subject, i.child_id, o.phone, o.last_name
    from bench.inviter i cross join generate_series(0, 4) slot
    join other o on o.r = 1 + (i.n * 5 + slot) * 7 % (select c from others)
    where not exists (select 1 from ediary.trusted_access t where t.trusted_person_id = o.id and t.student_id = i.child_id
                      and t.revoked_at is null)
      and not exists (select 1 from ediary.invitation v join ediary.invitation_child c on c.invitation_id = v.id
                      where v.invitee_id = o.id and c.student_id = i.child_id and v.status in ('PENDING', 'ACCEPTED'))
    order by slot, i.n" | mint_tokens > "$out/send.tsv"

wc -l "$out"/*.tsv
