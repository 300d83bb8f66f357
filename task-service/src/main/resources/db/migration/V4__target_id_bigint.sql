-- Target ids are target-service's bigint ids everywhere: a task and an accountability record name
-- their target by number, as target_copy does. Only canonical positive numbers were ever accepted
-- (TargetReferences checked them against target_copy), so every value converts; anything else
-- would not name a target and is dropped rather than failing the migration.
alter table task
    alter column target_id type bigint
    using case when target_id ~ '^[1-9][0-9]{0,17}$' then target_id::bigint end;
alter table accountability_record
    alter column target_id type bigint
    using case when target_id ~ '^[1-9][0-9]{0,17}$' then target_id::bigint end;
