-- notify-service: its projection of tasks and targets, reminder policies, reminders, deliveries
-- and the in-app inbox.

-- ---------------------------------------------------------------- projection of task-service
create table task_projection (
    id                 bigint       primary key,
    title              varchar(300) not null,
    org_unit_code      varchar(32)  not null,
    lead_unit_code     varchar(32),
    co_unit_codes      varchar(32)[] not null default '{}',
    responsible_leader varchar(100),
    start_date         date,
    due_date           date,
    reporting_cadence  varchar(16),
    status             varchar(24)  not null,
    -- reminded: ASSIGNED or IN_PROGRESS (a draft is nobody's yet; closure requested, closed and
    -- cancelled tasks are not chased)
    open               boolean      not null,
    version            bigint       not null,
    updated_at         timestamptz  not null
);
create index task_projection_due_idx on task_projection (due_date) where open;
create index task_projection_cadence_idx on task_projection (reporting_cadence) where open and reporting_cadence is not null;

create table milestone_projection (
    id        bigint       primary key,
    task_id   bigint       not null references task_projection (id) on delete cascade,
    title     varchar(300) not null,
    due_date  date         not null,
    completed boolean      not null
);
create index milestone_projection_task_idx on milestone_projection (task_id);
create index milestone_projection_due_idx on milestone_projection (due_date) where not completed;

-- the last business day each unit reported on each task
create table report_projection (
    task_id          bigint      not null,
    unit_code        varchar(32) not null,
    last_reported_on date        not null,
    primary key (task_id, unit_code)
);

-- ---------------------------------------------------------------- projection of target-service
create table target_projection (
    id                    bigint       primary key,
    indicator_code        varchar(64)  not null,
    indicator_name        varchar(200) not null,
    unit                  varchar(32),
    frequency             varchar(16)  not null,
    actuals_due_day       int          not null,
    org_unit_code         varchar(32)  not null,
    responsible_unit_code varchar(32),
    year                  int          not null,
    version               bigint       not null
);
create index target_projection_year_idx on target_projection (year);
create index target_projection_indicator_idx on target_projection (indicator_code);

-- the latest status of each period's actual (SUBMITTED, APPROVED, RETURNED)
create table actual_projection (
    target_id bigint      not null,
    period    varchar(16) not null,
    status    varchar(16) not null,
    primary key (target_id, period)
);

-- ---------------------------------------------------------------- policies
create table reminder_policy (
    -- an org unit's code, or 'default'
    scope_code  varchar(32) primary key,
    steps       jsonb       not null,
    quiet_start time,
    quiet_end   time,
    digest      boolean     not null,
    version     bigint      not null,
    updated_at  timestamptz not null,
    updated_by  varchar(128) not null
);
insert into reminder_policy (scope_code, steps, quiet_start, quiet_end, digest, version, updated_at, updated_by)
values ('default',
        '[{"offsetDays":-3,"kind":"NOTICE","notify":["LEAD","CO"]},
          {"offsetDays":-1,"kind":"NOTICE","notify":["LEAD","CO"]},
          {"offsetDays":1,"kind":"URGE","notify":["LEAD"]},
          {"offsetDays":3,"kind":"YELLOW","notify":["LEAD","DISTRICT"]},
          {"offsetDays":7,"kind":"RED","notify":["DISTRICT","CITY"]}]',
        '22:00', '07:30', false, 1, now(), 'system');

-- ---------------------------------------------------------------- where each subject is on its ladder
-- One row per chased subject and period: the due date its ladder runs against and the last step
-- fired, so a sweep reads only subjects with something new to do.
create table ladder_state (
    subject_type varchar(16) not null,
    subject_id   bigint      not null,
    -- '' for tasks and milestones; 'unit|2026-W47' for a unit's report; '2026-10' for an actual
    subject_key  varchar(64) not null,
    due_date     date        not null,
    last_offset  int         not null,
    done         boolean     not null,
    primary key (subject_type, subject_id, subject_key)
);

-- ---------------------------------------------------------------- reminders
create table reminder (
    id            bigserial    primary key,
    subject_type  varchar(16)  not null check (subject_type in ('TASK', 'MILESTONE', 'REPORT', 'ACTUAL')),
    subject_id    bigint       not null,
    subject_key   varchar(64)  not null,
    task_id       bigint,
    target_id     bigint,
    title         varchar(300) not null,
    org_unit_code varchar(32)  not null,
    party         varchar(16)  not null check (party in ('LEAD', 'CO', 'DISTRICT', 'CITY')),
    kind          varchar(8)   not null check (kind in ('NOTICE', 'URGE', 'YELLOW', 'RED')),
    offset_days   int          not null,
    due_date      date         not null,
    status        varchar(12)  not null check (status in ('PENDING', 'SENT', 'CANCELLED', 'FAILED')),
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    -- created once: one subject, one recipient unit, one step, one due date
    constraint reminder_once unique (subject_type, subject_id, subject_key, org_unit_code, offset_days, due_date)
);
create index reminder_unit_idx on reminder (org_unit_code, created_at desc);
create index reminder_task_idx on reminder (task_id) where task_id is not null;
create index reminder_target_idx on reminder (target_id) where target_id is not null;

-- ---------------------------------------------------------------- deliveries
create table delivery (
    id              bigserial     primary key,
    reminder_id     bigint        not null references reminder (id),
    org_unit_code   varchar(32)   not null,
    channel         varchar(16)   not null,
    address         varchar(2000) not null,
    title           varchar(300)  not null,
    body            text          not null,
    link            varchar(2000) not null,
    facts           jsonb         not null,
    idempotency_key uuid          not null unique,
    status          varchar(12)   not null check (status in ('PENDING', 'SENDING', 'SENT', 'RETRYING', 'DEAD', 'CANCELLED')),
    attempts        int           not null default 0,
    next_attempt_at timestamptz   not null,
    lease_until     timestamptz,
    -- daily digest: deliveries with the same group are sent together as one message
    digest_group    varchar(200),
    last_error      varchar(500),
    sent_at         timestamptz,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0,
    constraint delivery_once unique (reminder_id, channel, address)
);
create index delivery_due_idx on delivery (next_attempt_at) where status in ('PENDING', 'RETRYING', 'SENDING');
create index delivery_unit_idx on delivery (org_unit_code, created_at desc);
create index delivery_reminder_idx on delivery (reminder_id);
create index delivery_digest_idx on delivery (digest_group) where digest_group is not null and status in ('PENDING', 'RETRYING');

-- ---------------------------------------------------------------- inbox
create table inbox_message (
    id            bigserial     primary key,
    delivery_id   bigint        not null unique references delivery (id),
    org_unit_code varchar(32)   not null,
    title         varchar(300)  not null,
    body          text          not null,
    link          varchar(2000) not null,
    kind          varchar(8)    not null,
    created_at    timestamptz   not null,
    read_at       timestamptz,
    read_by       varchar(128)
);
create index inbox_unit_idx on inbox_message (org_unit_code, (read_at is not null), created_at desc);
