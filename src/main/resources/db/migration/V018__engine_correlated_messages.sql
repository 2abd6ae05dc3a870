-- One row per correlation of a message to a subscription (catch event, receive task, boundary event) or to a message
-- start event, written in the transaction of the correlation; read by /v2/correlated-message-subscriptions/search.
create table engine_correlated_message (
    correlation_id         bigint generated always as identity primary key,
    message_key            bigint not null,
    message_name           text not null,
    correlation_key        text not null,
    subscription_key       bigint not null,
    element_instance_key   bigint,
    element_id             text not null,
    process_instance_key   bigint not null,
    process_definition_key bigint not null,
    process_definition_id  text not null,
    correlation_time       timestamptz not null
);
create index engine_correlated_message_by_instance on engine_correlated_message (process_instance_key);
