-- User-task listeners: while a task's completion waits for its completing listeners, the command's variables and the
-- listeners' corrections so far; a listener job that denied the transition, with its reason.
alter table engine_user_task add column pending_variables text;
alter table engine_user_task add column pending_corrections text;
alter table engine_job add column denied boolean not null default false;
alter table engine_job add column denied_reason text;
