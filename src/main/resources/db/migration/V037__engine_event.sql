-- The engine's event log: every event of every command, in the order it happened (ADR 0271). It is the history
-- auditors and conformance tests read; rows are never updated and only the engine purge deletes them.
create table engine_event (
    position             bigserial primary key,
    key                  bigint not null,
    value_type           text not null,
    intent               text not null,
    process_instance_key bigint,
    element_instance_key bigint,
    element_id           text,
    occurred_at          timestamptz not null,
    actor                text,
    variables            jsonb
);

create index engine_event_process_instance on engine_event (process_instance_key, position);
