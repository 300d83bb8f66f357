-- Tables every service has: the (copy of the) org tree, the outbox it serves as a feed,
-- cursors of the feeds it consumes, and the append-only audit log.

create table org_unit (
    code        varchar(32)  primary key,
    name        varchar(100) not null,
    type        varchar(16)  not null check (type in ('CITY', 'DISTRICT', 'DEPARTMENT')),
    parent_code varchar(32)  references org_unit (code),
    path        varchar(512) not null,
    version     bigint       not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);
create index org_unit_path_idx on org_unit (path varchar_pattern_ops);
create index org_unit_parent_idx on org_unit (parent_code);

create table outbox_event (
    seq         bigint generated always as identity primary key,
    type        varchar(64)  not null,
    event_key   varchar(128) not null,
    payload     jsonb        not null,
    occurred_at timestamptz  not null
);

create table feed_cursor (
    feed       varchar(64) primary key,
    last_seq   bigint      not null,
    updated_at timestamptz not null
);

create table audit_log (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz  not null,
    actor       varchar(128) not null,
    actor_name  varchar(128),
    actor_org   varchar(32),
    action      varchar(64)  not null,
    entity      varchar(64)  not null,
    entity_id   varchar(128) not null,
    scope_org   varchar(32),
    before      jsonb,
    after       jsonb
);
create index audit_log_entity_idx on audit_log (entity, entity_id, id desc);
create index audit_log_scope_idx on audit_log (scope_org, id desc);

-- 全程留痕: the audit log is append-only, whoever connects.
create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
