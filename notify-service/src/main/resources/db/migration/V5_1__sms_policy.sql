-- SMS is the costly channel: a policy names the ladder steps that may go by SMS and a daily cap
-- per unit; what each unit has sent today is counted here.
alter table reminder_policy add column sms_kinds jsonb not null default '["YELLOW", "RED"]';
alter table reminder_policy add column sms_daily_cap int not null default 20;

create table sms_usage (
    org_unit_code varchar(32) not null,
    day           date        not null,
    sent          int         not null,
    primary key (org_unit_code, day)
);

-- the channel types of notify-service part 2: the group robots and SMS
alter table contact_channel drop constraint contact_channel_type_check;
alter table contact_channel add constraint contact_channel_type_check
    check (type in ('EMAIL', 'WEBHOOK', 'DINGTALK', 'WECOM', 'FEISHU', 'SMS'));
