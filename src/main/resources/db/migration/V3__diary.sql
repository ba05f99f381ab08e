-- The diary: one entry per student and lesson, fed by the school's system.
create table diary_entry (
    id            uuid primary key,
    student_id    uuid not null references student (id),
    -- the feeding school; external ids are the school system's own, unique within the school
    school_id     uuid not null references school (id),
    external_id   varchar(64) not null,
    lesson_date   date not null,
    lesson_number smallint not null check (lesson_number between 1 and 12),
    subject       varchar(100) not null,
    topic         varchar(500),
    homework      varchar(4000),
    attendance    varchar(16) check (attendance in ('PRESENT', 'ABSENT', 'LATE', 'EXCUSED')),
    teacher_name  varchar(200),
    -- a withdrawn entry stays for the record and is read by nobody
    withdrawn_at  timestamptz,
    changed_at    timestamptz not null,
    version       bigint not null default 0,
    unique (school_id, external_id)
);
-- Every read is one child's entries in date and lesson order, a range at a time: this index answers the
-- diary page, recent marks and the week's homework by an index range scan, newest or oldest first.
create index diary_entry_read_idx on diary_entry (student_id, lesson_date, lesson_number, id)
    where withdrawn_at is null;

create table diary_mark (
    entry_id uuid not null references diary_entry (id) on delete cascade,
    position smallint not null,
    value    smallint not null check (value between 1 and 5),
    weight   smallint not null default 1 check (weight between 1 and 10),
    kind     varchar(16) not null check (kind in ('LESSON', 'HOMEWORK', 'TEST', 'EXAM', 'OTHER')),
    comment  varchar(500),
    primary key (entry_id, position)
);

-- One row per trusted person, child and day on which they read the diary: the audit of reads is
-- de-duplicated by this key, on every instance alike.
create table diary_read (
    account_id uuid not null references account (id),
    student_id uuid not null references student (id),
    read_on    date not null,
    primary key (account_id, student_id, read_on)
);
