-- Listener jobs (execution listeners, user-task listeners): the job's kind and event, and which listener of the
-- element's list of that event it runs (the next one is created when it completes).
alter table engine_job add column kind text not null default 'BPMN_ELEMENT';
alter table engine_job add column listener_event_type text not null default 'UNSPECIFIED';
alter table engine_job add column listener_index int;
