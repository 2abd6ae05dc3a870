-- User-task listeners of every lifecycle event: what the waiting transition (creating, assigning, updating) will
-- change (attribute to value, JSON) and the action that asked for it, next to the completing listeners' columns.
alter table engine_user_task add column pending_changes text;
alter table engine_user_task add column pending_action text;
