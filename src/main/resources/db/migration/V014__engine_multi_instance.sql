-- The input collection of a multi-instance body, evaluated once when the body activates (Camunda 8 semantics):
-- sequential bodies read their next item from here, and numberOfInstances is its size.
create table engine_multi_instance (
    body_key         bigint primary key,
    input_collection text not null
);
