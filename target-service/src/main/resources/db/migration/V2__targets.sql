-- Indicators (指标), annual targets (年度目标) and their actuals (实绩).

create table indicator (
    code             varchar(32)  primary key,
    name             varchar(100) not null,
    unit             varchar(16)  not null,
    kind             varchar(16)  not null check (kind in ('GROWTH_RATE', 'CUMULATIVE', 'LEVEL')),
    direction        varchar(20)  not null check (direction in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
    frequency        varchar(12)  not null check (frequency in ('MONTHLY', 'QUARTERLY')),
    actuals_due_day  smallint     not null check (actuals_due_day between 1 and 28),
    yellow_tolerance numeric(6, 4) check (yellow_tolerance > 0 and yellow_tolerance < 1),
    version          bigint       not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);

create table target (
    id                    bigint generated always as identity primary key,
    indicator_code        varchar(32)    not null references indicator (code),
    org_unit_code         varchar(32)    not null references org_unit (code),
    year                  smallint       not null,
    committed_value       numeric(20, 4) not null,
    stretch_value         numeric(20, 4),
    responsible_unit_code varchar(32)    not null references org_unit (code),
    plan                  jsonb          not null,
    colour                varchar(8)     not null check (colour in ('BLUE', 'YELLOW', 'RED')),
    -- summary of the approved actuals, rewritten in the transaction that approves or restates one
    approved_total        numeric(24, 4),
    latest_period         varchar(8),
    latest_value          numeric(20, 4),
    h1_total              numeric(24, 4),
    h1_value              numeric(20, 4),
    h1_reported           boolean        not null,
    version               bigint         not null,
    created_at            timestamptz    not null,
    updated_at            timestamptz    not null,
    constraint target_one_per_unit_and_year unique (indicator_code, org_unit_code, year)
);
create index target_org_year_idx on target (org_unit_code, year);
create index target_responsible_year_idx on target (responsible_unit_code, year);
create index target_indicator_year_idx on target (indicator_code, year);

create table actual (
    id                 bigint generated always as identity primary key,
    target_id          bigint         not null references target (id),
    period             varchar(8)     not null,
    end_month          smallint       not null check (end_month between 1 and 12),
    value              numeric(20, 4) not null,
    note               varchar(500),
    status             varchar(12)    not null check (status in ('SUBMITTED', 'APPROVED', 'RETURNED', 'SUPERSEDED')),
    revision           integer        not null,
    submitted_by       varchar(128)   not null,
    submitted_at       timestamptz    not null,
    decided_by         varchar(128),
    decided_at         timestamptz,
    return_reason      varchar(500),
    restatement_reason varchar(500),
    version            bigint         not null
);
create index actual_target_idx on actual (target_id, end_month, revision);
create index actual_approved_idx on actual (target_id, end_month) include (value) where status = 'APPROVED';
-- at most one live actual (submitted or approved) per target and period, whatever races
create unique index actual_live_period_uq on actual (target_id, period) where status in ('SUBMITTED', 'APPROVED');
