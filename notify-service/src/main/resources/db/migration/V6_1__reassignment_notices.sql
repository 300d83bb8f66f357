-- Notices of reassignment requests (申请改派) and their decisions.
alter table reminder drop constraint reminder_kind_check;
alter table reminder add constraint reminder_kind_check check (kind in (
    -- ladder steps
    'NOTICE', 'URGE', 'YELLOW', 'RED',
    -- notices of what happened
    'ORDER_ISSUED', 'TASK_RETURNED', 'CLOSURE_REQUESTED', 'TASK_CLOSED', 'ACTUAL_RETURNED',
    'ACCOUNTABILITY_RECORDED', 'REASSIGNMENT_REQUESTED', 'REASSIGNMENT_DECIDED'));
