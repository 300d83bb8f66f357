-- Assessment, hardened: an order's answer kept apart from its issue (either may be applied first
-- when a parked event is replayed), and what a publication froze besides its lines — the
-- departments assessed and their targets by colour.
create table assessment_order_response (
    order_id     bigint primary key,
    responded_on date   not null
);
insert into assessment_order_response (order_id, responded_on)
select order_id, responded_on from assessment_order where responded_on is not null;
alter table assessment_order drop column responded_on;

alter table assessment_publication add column roster jsonb not null default '[]'::jsonb;
