-- Group robots (DingTalk, WeCom, Feishu) limit how many messages each robot takes per minute (and
-- per second): the limit is the robot's, so every replica's worker counts against one log here.

-- one row per message posted to a robot, kept for the longest window (a minute)
create table robot_send (
    robot_key varchar(80) not null,
    sent_at   timestamptz not null
);
create index robot_send_key_idx on robot_send (robot_key, sent_at);

-- a robot that told us to stop (DingTalk blocks a robot for ten minutes after too many messages)
create table robot_block (
    robot_key     varchar(80) primary key,
    blocked_until timestamptz not null
);
