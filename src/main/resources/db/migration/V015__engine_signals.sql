-- Signal subscriptions of waiting element instances (catch events, event-based gateways, scopes of signal event
-- subprocesses); deleted when the element instance is left. Signal start events are read from the latest definitions.
create table engine_signal_subscription (
    subscription_key       bigint primary key,
    signal_name            text not null,
    element_instance_key   bigint not null,
    element_id             text not null,
    process_instance_key   bigint not null,
    process_definition_key bigint not null,
    process_definition_id  text not null,
    created                timestamptz not null
);
create index engine_signal_subscription_by_name on engine_signal_subscription (signal_name);
create index engine_signal_subscription_by_instance on engine_signal_subscription (element_instance_key);
