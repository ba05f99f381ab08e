-- The PostGraphile peer's schema (bench/side-by-side.sh, issue 17): what PostGraphile exposes (schema pgl) and
-- its helpers (schema pgl_private, not exposed), over the server's own tables in schema ediary of the bench
-- database. Nothing is precomputed: every function reads the current rows, inside the request's transaction.
--
-- The access rule is the server's: the view ediary.direct_access (docs/access-rule.md) decides who is a parent
-- (or the student); a trusted person's grant counts only while its inviter is a PARENT in that view. The caller
-- is the account whose subject is the verified token's `sub`, which server.mjs puts in the setting
-- jwt.claims.sub of the request's transaction (pgSettings).
--
-- Every function is LANGUAGE sql, STABLE, not STRICT, not SECURITY DEFINER, one SELECT: PostgreSQL inlines
-- it into PostGraphile's statement, so the planner sees one query. The correlated `count(*) > 0` forms follow
-- docs/access-rule.md (an EXISTS over direct_access would become a semi-join that builds the whole view).
--
-- What the peer leaves out (the benchmark's parents never need it): staff readers (class teachers, school
-- systems), registering an unknown subject, and the audit of a trusted person's reads (a write, which a STABLE
-- function cannot do). Dates are the server's: today in Europe/Moscow, recent marks from 93 days back (5 of
-- them), the diary page's default 30 days (ediary.diary.* defaults).
--
-- Usage: psql -d ediary_bench -f bench/postgraphile/schema.sql   (drops and re-creates pgl and pgl_private)
\set ON_ERROR_STOP on
set client_min_messages = warning;
drop schema if exists pgl cascade;
drop schema if exists pgl_private cascade;
create schema pgl;
create schema pgl_private;
comment on schema pgl is 'The PostGraphile peer of bench/side-by-side.sh: types and functions only, no tables.';

-- Helpers ------------------------------------------------------------------------------------------------------

create function pgl_private.current_account_id() returns uuid
language sql stable as $$
    select a.id from ediary.account a where a.subject = current_setting('jwt.claims.sub', true)
$$;

-- The school day's date, as the server's clock in ediary.diary.zone sees it.
create function pgl_private.today() returns date
language sql stable as $$
    select (now() at time zone 'Europe/Moscow')::date
$$;

-- FullNames.of: surname, given name, patronymic, skipping the parts not known.
create function pgl_private.full_name(last text, first text, middle text) returns text
language sql immutable as $$
    select concat_ws(' ', case when last ~ '\S' then last end, case when first ~ '\S' then first end,
                     case when middle ~ '\S' then middle end)
$$;

-- Whether the account sees the enrolled student as a parent right now (the view, both ids pushed down).
create function pgl_private.is_parent(account_id uuid, student_id uuid) returns boolean
language sql stable as $$
    select (select count(*) from ediary.direct_access d
            where d.account_id = $1 and d.student_id = $2 and d.capacity = 'PARENT') > 0
$$;

-- Types ---------------------------------------------------------------------------------------------------------

create type pgl.person_name as (full_name text);
create type pgl.account as (id uuid, last_name text, first_name text, middle_name text, full_name text,
                            email text, phone text);
create type pgl.school as (id uuid, name text);
create type pgl.school_class as (id uuid, name text, school pgl.school);
create type pgl.child as (id uuid, last_name text, first_name text, middle_name text, full_name text,
                          birth_date date, status text, school_class pgl.school_class);
create type pgl.recent_mark as ("date" date, subject text, value int, weight int, kind text, comment text);
create type pgl.homework as ("date" date, lesson_number int, subject text, "text" text);
create type pgl.trusted_access as (id uuid, child_id uuid, status text, trusted_person pgl.person_name,
                                   invited_by pgl.person_name, granted_at timestamptz);
create type pgl.invited_child as (id uuid, full_name text, outcome text);
create type pgl.invitation as (id uuid, status text, inviter pgl.person_name, invitee pgl.person_name,
                               created_at timestamptz, expires_at timestamptz, accepted_at timestamptz,
                               closed_at timestamptz);
create type pgl.mark as (value int, weight int, kind text, comment text);
create type pgl.diary_entry as (id uuid, "date" date, lesson_number int, subject text, topic text,
                                homework text, attendance text, teacher_name text, marks pgl.mark[]);

-- Query fields ----------------------------------------------------------------------------------------------------

create function pgl.me() returns pgl.account
language sql stable as $$
    select a.id, a.last_name, a.first_name, a.middle_name,
           pgl_private.full_name(a.last_name, a.first_name, a.middle_name), a.email, a.phone
    from ediary.account a where a.subject = current_setting('jwt.claims.sub', true)
$$;
comment on function pgl.me() is 'The caller''s own account (the verified token''s subject).';

-- DirectAccessService.directChildren filtered to PARENT (AccessService.myChildren): a child the caller also is
-- (SELF) is not among them; ordered by surname, given name, id.
create function pgl.my_children() returns setof pgl.child
language sql stable as $$
    select s.id, s.last_name, s.first_name, s.middle_name,
           pgl_private.full_name(s.last_name, s.first_name, s.middle_name), s.birth_date, s.status,
           row(c.id, c.name, row(sc.id, sc.name)::pgl.school)::pgl.school_class
    from (select d.student_id, bool_or(d.capacity = 'SELF') as self from ediary.direct_access d
          where d.account_id = (select pgl_private.current_account_id())
          group by d.student_id) d
    join ediary.student s on s.id = d.student_id
    join ediary.school_class c on c.id = s.class_id
    join ediary.school sc on sc.id = c.school_id
    where not d.self
    order by s.last_name, s.first_name, s.id
$$;
comment on function pgl.my_children() is E'@behavior -connection +list\nChildren whose diary the caller sees as a parent.';

-- InvitationReading.page(sent): the caller's invitations, newest first.
create function pgl.sent_invitations() returns setof pgl.invitation
language sql stable as $$
    select i.id, i.status, row(pgl_private.full_name(r.last_name, r.first_name, r.middle_name))::pgl.person_name,
           row(pgl_private.full_name(e.last_name, e.first_name, e.middle_name))::pgl.person_name,
           i.created_at, i.expires_at, i.accepted_at, i.closed_at
    from ediary.invitation i
    join ediary.account r on r.id = i.inviter_id
    join ediary.account e on e.id = i.invitee_id
    where i.inviter_id = (select pgl_private.current_account_id())
    order by i.created_at desc, i.id desc
$$;
comment on function pgl.sent_invitations() is E'@behavior +connection -list\nInvitations the caller sent, newest first.';

-- DiaryReadService.page: one child's lessons from `from` to `to` (default: the last 30 days), oldest first, for
-- the student, a parent (direct_access) or a trusted person with an ACTIVE grant (ChildReaders); nothing for
-- anyone else or for a withdrawn student. A range the server refuses (from after to, over 93 days) is empty.
create function pgl.diary(child_id uuid, "from" date default null, "to" date default null)
returns setof pgl.diary_entry
language sql stable as $$
    select l.id, l.lesson_date, l.lesson_number, l.subject, l.topic, l.homework,
           coalesce((select a.attendance from ediary.lesson_attendance a
                     where a.lesson_id = l.id and a.lesson_date = l.lesson_date and a.student_id = s.id),
                    case when l.attendance_taken then 'PRESENT' end),
           l.teacher_name,
           array(select row(m.value, m.weight, m.kind, m.comment)::pgl.mark from ediary.lesson_mark m
                 where m.lesson_id = l.id and m.lesson_date = l.lesson_date and m.student_id = s.id
                 order by m.position)
    from ediary.student s
    cross join lateral (select coalesce($3, pgl_private.today()) as until) u
    cross join lateral (select coalesce($2, u.until - 30) as since) f
    cross join lateral (
        select l.* from ediary.lesson l
        where l.class_id = s.class_id and l.group_id is null and l.withdrawn_at is null
          and l.lesson_date between f.since and u.until
        union all
        select l.* from ediary.lesson_group_member g join ediary.lesson l on l.group_id = g.group_id
        where g.student_id = s.id and l.withdrawn_at is null and l.lesson_date between f.since and u.until) l
    where s.id = $1 and s.status = 'ENROLLED' and f.since <= u.until and u.until - f.since < 93
      and ((select count(*) from ediary.direct_access d
            where d.account_id = (select pgl_private.current_account_id()) and d.student_id = s.id) > 0
           or (select count(*) from ediary.trusted_access t
               where t.trusted_person_id = (select pgl_private.current_account_id()) and t.student_id = s.id
                 and t.revoked_at is null and pgl_private.is_parent(t.inviter_id, t.student_id)) > 0)
    order by l.lesson_date, l.lesson_number, l.id
$$;
comment on function pgl.diary(uuid, date, date) is E'@behavior +connection -list\nA page of a child''s lessons, oldest first.';

-- Child's computed fields (ChildDiaryFields, ChildTrustFields) --------------------------------------------------
-- A function whose first argument is a composite type that is not a table would also become a root field taking
-- any Child as input, which would read any child's diary past the rule: `-queryField` keeps these four as fields of
-- the rows my_children and sent_invitations return (as ChildDiaryFields relies on the query that produced them).

-- DiaryQueries.recentMarks: the newest 5 marks of the last 93 days in live lessons, read as the server reads them:
-- the date of the 5th newest mark from the mark index alone (the floor), then only the marks from that date on
-- joined to their lessons; when a withdrawn lesson's marks leave that short (and the floor is above the window's
-- start), the whole window instead.
create function pgl.child_recent_marks(c pgl.child) returns setof pgl.recent_mark
language sql stable as $$
    with w as (
        select d.since, coalesce((select m.lesson_date from ediary.lesson_mark m
                                  where m.student_id = c.id and m.lesson_date >= d.since
                                  order by m.lesson_date desc offset 4 limit 1), d.since) as floor
        from (select pgl_private.today() - 93 as since) d),
    fast as (
        select m.lesson_date, l.lesson_number, m.position, l.subject, m.value, m.weight, m.kind, m.comment
        from w cross join ediary.lesson_mark m
        join ediary.lesson l on l.id = m.lesson_id and l.lesson_date = m.lesson_date
        where m.student_id = c.id and c.status = 'ENROLLED' and m.lesson_date >= w.floor and l.withdrawn_at is null
        order by m.lesson_date desc, l.lesson_number desc, m.position desc
        limit 5)
    select r.lesson_date, r.subject, r.value, r.weight, r.kind, r.comment
    from (select * from fast
          where (select count(*) from fast) = 5 or (select w.floor <= w.since from w)
          union all
          select * from (
              select m.lesson_date, l.lesson_number, m.position, l.subject, m.value, m.weight, m.kind, m.comment
              from w cross join ediary.lesson_mark m
              join ediary.lesson l on l.id = m.lesson_id and l.lesson_date = m.lesson_date
              where m.student_id = c.id and c.status = 'ENROLLED' and m.lesson_date >= w.since
                and l.withdrawn_at is null
              order by m.lesson_date desc, l.lesson_number desc, m.position desc
              limit 5) whole
          where (select count(*) from fast) < 5 and (select w.floor > w.since from w)) r
    order by r.lesson_date desc, r.lesson_number desc, r.position desc
$$;
comment on function pgl.child_recent_marks(pgl.child) is E'@behavior -queryField +typeField -connection +list\nThe child''s latest marks, newest first.';

-- DiaryQueries.homework: this Monday to Sunday, the class's and the pupil's groups' live lessons with homework.
create function pgl.child_week_homework(c pgl.child) returns setof pgl.homework
language sql stable as $$
    select w.lesson_date, w.lesson_number, w.subject, w.homework
    from (select date_trunc('week', pgl_private.today())::date as monday) d
    cross join lateral (
        select l.lesson_date, l.lesson_number, l.id, l.subject, l.homework from ediary.lesson l
        where l.class_id = (c.school_class).id and l.group_id is null and l.withdrawn_at is null
          and l.homework is not null and l.lesson_date between d.monday and d.monday + 6
        union all
        select l.lesson_date, l.lesson_number, l.id, l.subject, l.homework
        from ediary.lesson_group_member g join ediary.lesson l on l.group_id = g.group_id
        where g.student_id = c.id and l.withdrawn_at is null and l.homework is not null
          and l.lesson_date between d.monday and d.monday + 6) w
    where c.status = 'ENROLLED'
    order by w.lesson_date, w.lesson_number, w.id
$$;
comment on function pgl.child_week_homework(pgl.child) is E'@behavior -queryField +typeField -connection +list\nHomework for this week''s lessons, in lesson order.';

-- TrustedAccessService.liveGrantsForParent: for the child's parents only; ACTIVE while the inviter is a parent.
create function pgl.child_trusted_persons(c pgl.child) returns setof pgl.trusted_access
language sql stable as $$
    select t.id, t.student_id,
           case when pgl_private.is_parent(t.inviter_id, t.student_id) then 'ACTIVE' else 'SUSPENDED' end,
           row(pgl_private.full_name(p.last_name, p.first_name, p.middle_name))::pgl.person_name,
           row(pgl_private.full_name(i.last_name, i.first_name, i.middle_name))::pgl.person_name,
           t.granted_at
    from ediary.trusted_access t
    join ediary.account p on p.id = t.trusted_person_id
    join ediary.account i on i.id = t.inviter_id
    where t.student_id = c.id and t.revoked_at is null
      and pgl_private.is_parent((select pgl_private.current_account_id()), c.id)
    order by t.granted_at, t.id
$$;
comment on function pgl.child_trusted_persons(pgl.child) is E'@behavior -queryField +typeField -connection +list\nThe child''s live trusted persons, for its parents.';

-- InvitationViews.of: the children an invitation names, by full name.
create function pgl.invitation_children(i pgl.invitation) returns setof pgl.invited_child
language sql stable as $$
    select s.id, pgl_private.full_name(s.last_name, s.first_name, s.middle_name), c.outcome
    from ediary.invitation_child c join ediary.student s on s.id = c.student_id
    where c.invitation_id = i.id
    order by 2, s.id
$$;
comment on function pgl.invitation_children(pgl.invitation) is E'@behavior -queryField +typeField -connection +list\nThe children the invitation names.';
