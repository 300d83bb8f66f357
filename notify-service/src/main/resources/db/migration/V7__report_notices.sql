-- Notices of documents issued by target-service (文件印发: 周调度清单, 督查通报, 季度分析): kind
-- REPORT_ISSUED, about a DOCUMENT (subject_id = the document's id in target-service's archive).
alter table reminder drop constraint reminder_kind_check;
alter table reminder add constraint reminder_kind_check check (kind in (
    -- ladder steps
    'NOTICE', 'URGE', 'YELLOW', 'RED',
    -- notices of what happened
    'ORDER_ISSUED', 'TASK_RETURNED', 'CLOSURE_REQUESTED', 'TASK_CLOSED', 'ACTUAL_RETURNED',
    'ACCOUNTABILITY_RECORDED', 'REASSIGNMENT_REQUESTED', 'REASSIGNMENT_DECIDED', 'ASSESSMENT_PUBLISHED',
    'APPEAL_FILED', 'APPEAL_DECIDED', 'REPORT_ISSUED'));

alter table reminder drop constraint reminder_subject_type_check;
alter table reminder add constraint reminder_subject_type_check
    check (subject_type in ('TASK', 'MILESTONE', 'REPORT', 'ACTUAL', 'ORDER', 'ACCOUNTABILITY', 'SIGN_FOR',
                            'ASSESSMENT', 'DOCUMENT'));
