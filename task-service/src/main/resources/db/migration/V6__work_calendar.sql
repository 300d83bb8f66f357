-- Working-day calendars (工作日历), one per year as the State Council publishes it: the statutory
-- holidays (法定节假日) and the weekend days worked in exchange (调休上班).
create table work_calendar (
    year       int          primary key,
    version    bigint       not null,
    updated_by varchar(128) not null,
    updated_at timestamptz  not null
);

create table work_calendar_day (
    day  date        primary key,
    year int         not null references work_calendar (year) on delete cascade,
    kind varchar(16) not null check (kind in ('HOLIDAY', 'WORKDAY'))
);
create index work_calendar_day_year_idx on work_calendar_day (year);
