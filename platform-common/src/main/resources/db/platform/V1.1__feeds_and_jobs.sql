-- Platform tables, second step: an outbox that needs no writer lock, dead letters for feed
-- consumers, and claims that make scheduled jobs run once across replicas.
-- Platform migrations are numbered 1.x; services number theirs from 2 (out-of-order is allowed,
-- so a database that already has a service's V2 still receives a new platform 1.x).

-- Outbox: writers insert rows with the id of their transaction and no public sequence number.
-- A feed reader gives `seq` to the rows of transactions that have all finished (below the
-- snapshot's xmin), in (transaction, id) order, so a transaction that commits late can never
-- land behind a cursor that has already moved past it, and no writer waits for another.
alter table outbox_event drop constraint outbox_event_pkey;
alter table outbox_event rename column seq to id;
alter table outbox_event add primary key (id);
alter table outbox_event add column seq bigint;
update outbox_event set seq = id;
create unique index outbox_event_seq_idx on outbox_event (seq);
alter table outbox_event add column tx_id xid8 not null default pg_current_xact_id();
create index outbox_event_unsettled_idx on outbox_event (tx_id, id) where seq is null;

-- Consumer side: the event a feed is stuck on, and events parked after too many attempts.
alter table feed_cursor add column failing_seq bigint;
alter table feed_cursor add column failing_attempts integer not null default 0;
alter table feed_cursor add column last_error text;

create table feed_dead_letter (
    id           bigint generated always as identity primary key,
    feed         varchar(64)  not null,
    seq          bigint       not null,
    type         varchar(64)  not null,
    event_key    varchar(128) not null,
    payload      jsonb        not null,
    occurred_at  timestamptz  not null,
    error        text         not null,
    attempts     integer      not null,
    status       varchar(16)  not null check (status in ('PARKED', 'REPLAYED')),
    parked_at    timestamptz  not null,
    replayed_at  timestamptz,
    replayed_by  varchar(128),
    version      bigint       not null default 0,
    unique (feed, seq)
);
create index feed_dead_letter_status_idx on feed_dead_letter (status, id);

-- Scheduled jobs: one row per job and run (e.g. the day); whoever inserts it does the work.
-- A claim that was never finished may be taken over once its lease has run out.
create table job_run (
    job          varchar(64)  not null,
    run_key      varchar(64)  not null,
    holder       varchar(128) not null,
    claimed_at   timestamptz  not null,
    lease_until  timestamptz  not null,
    finished_at  timestamptz,
    outcome      text,
    primary key (job, run_key)
);
