-- Notices of reassignment requests (申请改派) and their decisions, of published assessments
-- (考核结果公布) and of appeals (申诉) and their outcomes.
alter table reminder drop constraint reminder_kind_check;
alter table reminder add constraint reminder_kind_check check (kind in (
    -- ladder steps
    'NOTICE', 'URGE', 'YELLOW', 'RED',
    -- notices of what happened
    'ORDER_ISSUED', 'TASK_RETURNED', 'CLOSURE_REQUESTED', 'TASK_CLOSED', 'ACTUAL_RETURNED',
    'ACCOUNTABILITY_RECORDED', 'REASSIGNMENT_REQUESTED', 'REASSIGNMENT_DECIDED', 'ASSESSMENT_PUBLISHED',
    'APPEAL_FILED', 'APPEAL_DECIDED'));

alter table reminder drop constraint reminder_subject_type_check;
alter table reminder add constraint reminder_subject_type_check
    check (subject_type in ('TASK', 'MILESTONE', 'REPORT', 'ACTUAL', 'ORDER', 'ACCOUNTABILITY', 'SIGN_FOR',
                            'ASSESSMENT'));
