-- Indicators have an owner: the org unit whose supervisor (or admin) created the indicator. Only
-- supervisors covering that unit change it; null means admin-owned (only admins change it).
alter table indicator add column owner_unit_code varchar(32) references org_unit (code);
-- Indicators created before owners existed: the root unit when the tree has exactly one, else
-- admin-owned.
update indicator
   set owner_unit_code = (select code from org_unit where parent_code is null)
 where (select count(*) from org_unit where parent_code is null) = 1;
create index indicator_owner_idx on indicator (owner_unit_code);
