-- The input collection of a multi-instance body, evaluated once when the body activates (Camunda 8 semantics):
-- sequential bodies read their next item from here, and numberOfInstances is its size. The collected outputs are
-- kept here too, so that a stale copy written into the output collection variable (e.g. by a called process that
-- received it and propagates all its variables back) cannot lose outputs collected earlier.
create table engine_multi_instance (
    body_key          bigint primary key,
    input_collection  text not null,
    output_collection text not null
);
