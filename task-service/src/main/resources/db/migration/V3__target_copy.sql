-- A local copy of target-service's targets, kept from its feed (target.upserted): a task or an
-- accountability record may name only a target its author may see, and reports will later feed
-- the target's actuals. An upsert only ever moves a row to a newer version.
create table target_copy (
    id                    bigint         primary key,
    indicator_code        varchar(32)    not null,
    indicator_name        varchar(100),
    unit                  varchar(16),
    frequency             varchar(12),
    org_unit_code         varchar(32)    not null,
    responsible_unit_code varchar(32)    not null,
    year                  smallint       not null,
    committed_value       numeric(20, 4),
    version               bigint         not null,
    received_at           timestamptz    not null
);
create index target_copy_org_year_idx on target_copy (org_unit_code, year);
create index target_copy_responsible_year_idx on target_copy (responsible_unit_code, year);

-- Targets set before this table existed are on target-service's feed already: read it again from
-- the start (the org-unit events it replays are idempotent upserts by version).
update feed_cursor set last_seq = 0, updated_at = now() where feed = 'target';
