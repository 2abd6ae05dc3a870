-- Battery passport (EU Battery Regulation 2023/1542, ADR 0900): every change of a battery's passport is a new version
-- row; versions are never updated or deleted, and neither are the batteries nor their SoH readings, so the records
-- outlive the 10-year retention (T16) with no delete path at all.
create table battery_passport_version (
    battery_id            text not null references battery (battery_id),
    version_number        integer not null check (version_number >= 1),
    passport_id           text,
    status                text not null
        check (status in ('ORIGINAL', 'REUSED', 'REPURPOSED', 'REMANUFACTURED', 'WASTE')),
    soh_pct               numeric(4, 1) check (soh_pct between 0.0 and 100.0),
    cycle_count           integer check (cycle_count >= 0),
    parent_battery_id     text references battery (battery_id),
    successor_battery_id  text references battery (battery_id),
    change                text not null check (change in ('STATUS_CHANGED', 'ISSUED_LINKED', 'REPURPOSED_INTO')),
    recorded_at           timestamptz not null,
    recorded_by           text not null,
    idempotency_key       text not null unique,
    primary key (battery_id, version_number)
);

create function battery_passport_reject_change() returns trigger language plpgsql as $$
begin
    raise exception '% is kept for at least 10 years: % is not allowed', tg_table_name, tg_op
        using errcode = 'restrict_violation';
end
$$;

create trigger battery_passport_version_append_only
    before update or delete on battery_passport_version
    for each row execute function battery_passport_reject_change();
create trigger battery_passport_version_no_truncate
    before truncate on battery_passport_version
    for each statement execute function battery_passport_reject_change();

-- Batteries change (status, passport id) but are never removed; their SoH readings are never changed nor removed.
create trigger battery_no_delete
    before delete on battery
    for each row execute function battery_passport_reject_change();
create trigger battery_no_truncate
    before truncate on battery
    for each statement execute function battery_passport_reject_change();
create trigger battery_soh_reading_append_only
    before update or delete on battery_soh_reading
    for each row execute function battery_passport_reject_change();
create trigger battery_soh_reading_no_truncate
    before truncate on battery_soh_reading
    for each statement execute function battery_passport_reject_change();
