-- Compensation subscriptions (decision 0292): one row per completion of an activity that has a compensation boundary
-- event, in the scope instance it completed in; a compensation throw or end event triggers the CREATED rows of its
-- scope and waits until the handler of each is COMPLETED.
create table engine_compensation_subscription (
    subscription_key          bigint primary key,
    process_instance_key      bigint not null,
    flow_scope_key            bigint not null,
    activity_id               text not null,
    activity_instance_key     bigint not null,
    handler_id                text not null,
    state                     text not null,
    throw_event_instance_key  bigint,
    handler_instance_key      bigint
);

create index engine_compensation_subscription_scope on engine_compensation_subscription (flow_scope_key, state);
create index engine_compensation_subscription_thrower on engine_compensation_subscription (throw_event_instance_key);
create index engine_compensation_subscription_handler on engine_compensation_subscription (handler_instance_key);
