-- Tasks under way before sign-for existed: a unit that has reported on a task has signed for it
-- by reporting, as a first report does from now on.
insert into task_signature (task_id, unit_code, signed_at, signed_by, implicit)
select r.task_id, r.unit_code, min(r.reported_at), (array_agg(r.reported_by order by r.reported_at))[1], true
  from progress_report r
  join task_unit u on u.task_id = r.task_id and u.unit_code = r.unit_code
 group by r.task_id, r.unit_code
    on conflict (task_id, unit_code) do nothing;
