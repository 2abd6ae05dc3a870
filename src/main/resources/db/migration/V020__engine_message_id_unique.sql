-- A message id is accepted once per message name and correlation key while the message is buffered (ADR 0255).
-- Publications accepted twice under concurrency before this version: keep the first, as Camunda 8 would have.
delete from engine_message_correlation c
 using engine_message m, engine_message first
 where c.message_key = m.message_key
   and first.name = m.name and first.correlation_key = m.correlation_key and first.message_id = m.message_id
   and first.message_key < m.message_key;
delete from engine_message m
 using engine_message first
 where first.name = m.name and first.correlation_key = m.correlation_key and first.message_id = m.message_id
   and first.message_key < m.message_key;
create unique index engine_message_id_unique on engine_message (name, correlation_key, message_id)
    where message_id is not null and message_id <> '';
