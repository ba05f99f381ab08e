-- Accounts: portal users, identified by the OIDC subject.
create table account (
    id          uuid primary key,
    subject     varchar(255) not null unique,
    last_name   varchar(100),
    first_name  varchar(100),
    middle_name varchar(100),
    email       varchar(254) check (email = lower(email)),
    phone       varchar(16)  check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    snils       char(11)     check (snils ~ '^[0-9]{11}$'),
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    version     bigint       not null default 0
);
-- A SNILS belongs to at most one account.
create unique index account_snils_key on account (snils) where snils is not null;
-- Invitee lookup (trusted persons) finds accounts by phone.
create index account_phone_idx on account (phone) where phone is not null;

create table school (
    id               uuid primary key,
    name             varchar(200) not null,
    -- the OIDC client (azp) of the school system that feeds this school
    system_client_id varchar(255) unique,
    created_at       timestamptz not null default now()
);

create table school_class (
    id            uuid primary key,
    school_id     uuid not null references school (id),
    external_id   varchar(64) not null,
    name          varchar(10) not null,
    teacher_snils char(11) check (teacher_snils ~ '^[0-9]{11}$'),
    version       bigint not null default 0,
    unique (school_id, external_id)
);
create index school_class_teacher_idx on school_class (teacher_snils) where teacher_snils is not null;

create table student (
    id          uuid primary key,
    school_id   uuid not null references school (id),
    class_id    uuid not null references school_class (id),
    external_id varchar(64) not null,
    last_name   varchar(100) not null,
    first_name  varchar(100) not null,
    middle_name varchar(100),
    birth_date  date not null,
    status      varchar(16) not null check (status in ('ENROLLED', 'WITHDRAWN')),
    -- the student's own contacts as recorded at school (brief rule 2)
    email       varchar(254) check (email = lower(email)),
    phone       varchar(16) check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    updated_at  timestamptz not null default now(),
    version     bigint not null default 0,
    unique (school_id, external_id)
);
create index student_class_idx on student (class_id);
-- Direct access looks students up by the caller's own contacts (e-mails are stored lower-case).
create index student_contact_idx on student (email, phone) where email is not null and phone is not null;

-- A legal representative recorded by the school for one student.
create table guardian_contact (
    id          uuid primary key,
    student_id  uuid not null references student (id) on delete cascade,
    -- set when a school system owns the record (upsertRoster); null when a class teacher recorded it
    external_id varchar(64),
    last_name   varchar(100) not null,
    first_name  varchar(100) not null,
    middle_name varchar(100),
    relation    varchar(24) not null,
    email       varchar(254) check (email = lower(email)),
    phone       varchar(16) check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    updated_at  timestamptz not null default now(),
    version     bigint not null default 0,
    unique (student_id, external_id)
);
create index guardian_contact_student_idx on guardian_contact (student_id);
create index guardian_contact_match_idx on guardian_contact (email, phone) where email is not null and phone is not null;
