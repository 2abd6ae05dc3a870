-- A termination that waits for a user task's canceling listeners (ADR 1602): the element
-- instance and its flow scopes stay ACTIVE (as Camunda shows a terminating element) but are
-- marked as terminating, and the element an interrupting event or event subprocess
-- activates waits for the interrupted one.
alter table engine_element_instance add column terminating boolean not null default false;

create table engine_deferred_activation (
    element_instance_key bigint primary key,
    waiting_key          bigint not null
);
create index engine_deferred_activation_waiting on engine_deferred_activation (waiting_key);
