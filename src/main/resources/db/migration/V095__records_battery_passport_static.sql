-- Static battery passport data (EU Battery Regulation 2023/1542, Annex XIII; ADR 0903): the pack as made, as its BMS
-- reports it at the first reading. Filled once, never overwritten: a later reading cannot change how a pack was made.
alter table battery
    add column manufacturer       text,
    add column manufactured_on    date,
    add column nominal_voltage_v  numeric(5, 1) check (nominal_voltage_v between 48 and 900),
    add column mass_kg            numeric(5, 1) check (mass_kg between 50 and 700),
    add column module_count       integer check (module_count >= 1),
    add column cell_count         integer check (cell_count >= 1);

-- A remanufactured battery is, like a repurposed one, a new battery linked to its parent (ADR 0904).
alter table battery_passport_version drop constraint battery_passport_version_change_check;
alter table battery_passport_version add constraint battery_passport_version_change_check
    check (change in ('STATUS_CHANGED', 'ISSUED_LINKED', 'REPURPOSED_INTO', 'REMANUFACTURED_INTO'));
