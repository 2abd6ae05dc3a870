-- Embedded engine: pending timers (catch events, boundary events, start events). A row exists only while the timer
-- waits; firing deletes it (and inserts the next row for a repeating cycle) in the transaction that applies it.
create table engine_timer (
    timer_key              bigint primary key,
    element_instance_key   bigint,
    process_instance_key   bigint,
    process_definition_key bigint not null,
    process_definition_id  text not null,
    element_id             text not null,
    due_date               timestamptz not null,
    repetitions            int not null,
    interval               text
);
create index engine_timer_due on engine_timer (due_date);
create index engine_timer_owner on engine_timer (element_instance_key);
create index engine_timer_start on engine_timer (process_definition_id) where process_instance_key is null;
