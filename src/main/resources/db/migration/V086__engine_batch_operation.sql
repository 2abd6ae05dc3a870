-- Batch operations (Camunda 8.8 /v2/batch-operations, ADR 1040): one row per batch, one row per item. The items are
-- chosen when the batch is created (the filter is evaluated once) and worked off in chunks by the engine's batch
-- runner; an item's state changes in the same transaction as its effect, so a restart neither loses nor repeats one.
create table engine_batch_operation (
    batch_operation_key bigint primary key,
    operation_type      text not null,
    state               text not null,
    filter              jsonb not null,
    -- what a type needs beyond the filter (a migration plan, modification instructions); null for cancel and resolve
    parameters          jsonb,
    actor               text,
    creation_date       timestamptz not null,
    start_date          timestamptz,
    end_date            timestamptz
);

create index engine_batch_operation_unfinished on engine_batch_operation (creation_date)
    where state in ('CREATED', 'ACTIVE');

create table engine_batch_operation_item (
    batch_operation_key  bigint not null references engine_batch_operation (batch_operation_key),
    item_key             bigint not null,
    process_instance_key bigint not null,
    state                text not null,
    processed_date       timestamptz,
    error_message        text,
    primary key (batch_operation_key, item_key)
);

create index engine_batch_operation_item_by_state on engine_batch_operation_item (batch_operation_key, state, item_key);
create index engine_batch_operation_item_by_instance on engine_batch_operation_item (process_instance_key);
