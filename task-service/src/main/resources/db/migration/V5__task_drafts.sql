-- Task drafts (任务分解): a plan's text, the draft tasks the extractor found in it, and the
-- keyword → department mapping that suggests who leads each.

-- what a task remembers of the plan it was drafted from, and how its quantity was qualified (以上)
alter table task add column source_text text;
alter table task add column quantity_qualifier varchar(8);

create table task_draft_batch (
    id            bigint generated always as identity primary key,
    org_unit_code varchar(32)  not null references org_unit (code),
    org_path      varchar(512) not null,
    -- the plan's name: the file's, or the first line of pasted text; becomes the tasks' source
    title         varchar(64)  not null,
    source_name   varchar(200),
    plan_date     date         not null,
    text          text         not null,
    created_by    varchar(128) not null,
    created_at    timestamptz  not null,
    version       bigint       not null
);
create index task_draft_batch_path_idx on task_draft_batch (org_path varchar_pattern_ops, id desc);

create table task_draft (
    id                       bigint generated always as identity primary key,
    batch_id                 bigint        not null references task_draft_batch (id) on delete cascade,
    position                 int           not null,
    title                    varchar(300)  not null,
    source_text              text          not null,
    source_start             int           not null,
    source_end               int           not null,
    category                 varchar(64),
    due_date                 date,
    due_date_text            varchar(32),
    milestones               jsonb         not null,
    quantity_value           numeric(18, 4),
    quantity_unit            varchar(32),
    quantity_qualifier       varchar(8),
    quantity_masked          boolean       not null,
    suggested_lead_unit_code varchar(32),
    suggested_co_unit_codes  jsonb         not null,
    confidence               numeric(3, 2) not null,
    -- the task it became; set once, so a batch published twice makes each task once
    task_id                  bigint references task (id),
    published_at             timestamptz,
    version                  bigint        not null
);
create index task_draft_batch_idx on task_draft (batch_id, position);

-- keyword → department, per district (or city) whose departments the keywords point to
create table task_unit_keyword (
    org_unit_code varchar(32) not null references org_unit (code),
    position      int         not null,
    keyword       varchar(32) not null,
    unit_code     varchar(32) not null references org_unit (code),
    primary key (org_unit_code, position)
);

create table task_unit_keyword_set (
    org_unit_code varchar(32)  primary key references org_unit (code),
    version       bigint       not null,
    updated_by    varchar(128) not null,
    updated_at    timestamptz  not null
);
