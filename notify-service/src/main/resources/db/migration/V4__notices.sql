-- Notices (通知) and the supervision-order ladder.
--
-- A notice is a reminder row of its own kind: one per event and recipient unit, made when the event
-- is applied. Its unique key (reminder_once) reads: subject, subject_key = '<event type>#<seq>',
-- recipient, offset 0, due_date = the event's business day; so a feed event delivered or replayed
-- any number of times gives one notice per recipient.

alter table reminder drop constraint reminder_kind_check;
alter table reminder alter column kind type varchar(24);
alter table reminder add constraint reminder_kind_check check (kind in (
    -- ladder steps
    'NOTICE', 'URGE', 'YELLOW', 'RED',
    -- notices of what happened
    'ORDER_ISSUED', 'TASK_RETURNED', 'CLOSURE_REQUESTED', 'TASK_CLOSED', 'ACTUAL_RETURNED',
    'ACCOUNTABILITY_RECORDED'));

alter table reminder drop constraint reminder_subject_type_check;
alter table reminder add constraint reminder_subject_type_check
    check (subject_type in ('TASK', 'MILESTONE', 'REPORT', 'ACTUAL', 'ORDER', 'ACCOUNTABILITY'));

alter table inbox_message alter column kind type varchar(24);

-- ---------------------------------------------------------------- projection of supervision orders
-- Issued orders (督办单) and whether the lead unit has answered: an open order's respond_by is
-- chased on the ladder like a due date.
create table order_projection (
    id           bigint       primary key,
    task_id      bigint       not null,
    level        varchar(16)  not null,
    reason       text         not null,
    respond_by   date         not null,
    issued_at    timestamptz  not null,
    responded_at timestamptz,
    open         boolean      not null
);
create index order_projection_due_idx on order_projection (respond_by) where open;
create index order_projection_task_idx on order_projection (task_id);
