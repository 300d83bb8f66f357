-- The month the latest approved period ends in: rankings read a target's year-to-date figure
-- straight from its summary whenever the ranked period is its latest.
alter table target add column latest_end_month smallint;
update target t set latest_end_month = a.month
  from (select target_id, max(end_month) as month from actual where status = 'APPROVED' group by target_id) a
 where a.target_id = t.id;
