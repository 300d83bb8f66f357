-- An actual proposed from a task's progress report (一次填报，多处复用): the task and the report it
-- was derived from. A later report in the same period updates the proposal while it awaits review.
alter table actual
    add column source_task_id   bigint,
    add column source_report_id bigint;
