-- Sign-for (签收): which units of a task have yet to sign for it, and by when. The sweep reminds
-- each of them from the last day of the limit, as a periodic duty.
alter table task_projection
    add column sign_for_due        date,
    add column unsigned_unit_codes varchar(32)[] not null default '{}';
create index task_projection_sign_for_idx on task_projection (sign_for_due)
    where open and cardinality(unsigned_unit_codes) > 0;

alter table reminder drop constraint reminder_subject_type_check;
alter table reminder add constraint reminder_subject_type_check
    check (subject_type in ('TASK', 'MILESTONE', 'REPORT', 'ACTUAL', 'ORDER', 'ACCOUNTABILITY', 'SIGN_FOR'));
