-- Process-instance tags and runtime instructions given at creation (decision 0291), and the hash of each
-- incident's error message that the 8.8 process-instance filter incidentErrorHashCode compares with.
alter table engine_process_instance add column tags text[] not null default '{}';

create table engine_runtime_instruction (
    process_instance_key bigint not null,
    after_element_id     text not null,
    primary key (process_instance_key, after_element_id)
);

alter table engine_incident add column error_message_hash int;

-- Java's String.hashCode over the UTF-16 code units, for the incidents recorded before this column existed.
create function pg_temp.java_hash(s text) returns int language plpgsql immutable as $$
declare
    h bigint := 0;
    cp int;
begin
    for i in 1 .. coalesce(length(s), 0) loop
        cp := ascii(substr(s, i, 1));
        if cp > 65535 then
            h := (h * 31 + 55296 + ((cp - 65536) >> 10)) % 4294967296;
            h := (h * 31 + 56320 + ((cp - 65536) & 1023)) % 4294967296;
        else
            h := (h * 31 + cp) % 4294967296;
        end if;
    end loop;
    return (case when h >= 2147483648 then h - 4294967296 else h end)::int;
end $$;
update engine_incident set error_message_hash = pg_temp.java_hash(error_message);
