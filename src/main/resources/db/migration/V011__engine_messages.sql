create table engine_message_subscription (
    subscription_key       bigint primary key,
    element_instance_key   bigint not null,
    process_instance_key   bigint not null,
    process_definition_key bigint not null,
    process_definition_id  text not null,
    element_id             text not null,
    message_name           text not null,
    correlation_key        text not null,
    state                  text not null,
    created                timestamptz not null,
    last_updated           timestamptz not null
);
create index engine_message_subscription_open on engine_message_subscription (message_name, correlation_key)
    where state = 'CREATED';

create table engine_message (
    message_key     bigint primary key,
    name            text not null,
    correlation_key text not null,
    message_id      text,
    variables       text not null,
    deadline        timestamptz not null
);
create index engine_message_by_name on engine_message (name, correlation_key);

create table engine_message_correlation (
    message_key           bigint not null,
    process_definition_id text not null,
    primary key (message_key, process_definition_id)
);
