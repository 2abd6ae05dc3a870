-- Append-only, hash-chained audit log (domain brief §6.3). Each entry's hash is the SHA-256 of the previous entry's
-- hash and the entry's canonical content (every column but the hash); verification walks the chain in sequence order.
create table audit_entry (
    sequence_number       bigint primary key,
    recorded_at           timestamptz not null,
    actor                 text not null,
    action                text not null,
    subject_type          text not null,
    subject_key           text not null,
    process_instance_key  bigint,
    idempotency_key       text unique,
    data                  text not null,
    data_json             jsonb generated always as (data::jsonb) stored,
    previous_hash         char(64) not null,
    hash                  char(64) not null unique
);
create sequence audit_entry_sequence as bigint owned by audit_entry.sequence_number;
create index audit_entry_subject_idx on audit_entry (subject_key);

create function audit_entry_reject_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % is not allowed', tg_op
        using errcode = 'restrict_violation';
end
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function audit_entry_reject_change();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_reject_change();
