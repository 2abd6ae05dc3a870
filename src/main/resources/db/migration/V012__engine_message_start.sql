create table engine_message_start_instance (
    process_instance_key  bigint primary key,
    process_definition_id text not null,
    correlation_key       text not null
);
create index engine_message_start_by_key on engine_message_start_instance (process_definition_id, correlation_key);
