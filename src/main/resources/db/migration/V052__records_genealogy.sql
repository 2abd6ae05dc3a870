-- Genealogy: which asset went into, came out of or was made from which (domain brief §5.2, §6.2 Q1, Q4, Q14).
create table genealogy_link (
    link_id               uuid primary key,
    from_type             text not null check (from_type in ('VEHICLE', 'BATTERY', 'PART', 'LOT')),
    from_key              text not null,
    relation              text not null check (relation in ('INSTALLED_IN', 'REMOVED_FROM', 'HARVESTED_FROM',
                                                            'REMANUFACTURED_FROM', 'REPURPOSED_FROM', 'CONSUMED_IN',
                                                            'REPLACED_BY')),
    to_type               text not null check (to_type in ('VEHICLE', 'BATTERY', 'PART', 'LOT')),
    to_key                text not null,
    process_instance_key  bigint,
    linked_at             timestamptz not null,
    idempotency_key       text not null unique,
    check (from_type <> to_type or from_key <> to_key)
);
create index genealogy_link_from_idx on genealogy_link (from_key);
create index genealogy_link_to_idx on genealogy_link (to_key);
