-- Element statistics of a process version (POST /v2/process-definitions/{key}/statistics/element-instances, ADR 1020):
-- with 250,000 instances of a version among other versions' rows, the counts per element can come from this index
-- alone (by definition key, in element-id order), and a filter over the version's instances starts from its instances by
-- definition key instead of scanning every instance of every process.
create index engine_element_instance_statistics on engine_element_instance (process_definition_key, element_id, state)
    include (incident_key, element_type, process_instance_key)
    where element_type <> 'PROCESS';
create index engine_process_instance_definition_key on engine_process_instance (process_definition_key, state);
