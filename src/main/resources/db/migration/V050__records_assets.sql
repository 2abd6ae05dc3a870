-- The Refactory's own record of the assets that pass through it (domain brief §5.1).
-- Times are timestamptz and written in UTC; every row carries the subject key an auditor searches by.

create table vehicle (
    vin                      char(17) primary key check (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
    make                     text,
    model_family             text,
    model_version            text,
    powertrain               text check (powertrain in ('ICE_DIESEL', 'ICE_PETROL', 'LPG', 'HEV', 'PHEV', 'BEV')),
    category                 text,
    first_registration_date  date check (first_registration_date >= date '1950-01-01'),
    arrived_at               timestamptz,
    odometer_km              integer check (odometer_km between 0 and 999999),
    odometer_read_at         timestamptz,
    created_at               timestamptz not null default now(),
    version                  integer not null default 0
);

create table battery (
    battery_id           text primary key,
    manufacturer_serial  text,
    model_reference      text,
    chemistry            text check (chemistry in ('NMC', 'NCA', 'LFP', 'LMO', 'OTHER')),
    rated_capacity_kwh   numeric(6, 2) check (rated_capacity_kwh between 1 and 200),
    passport_id          text unique,
    parent_battery_id    text references battery (battery_id),
    host_vin             char(17),
    regulatory_status    text not null default 'ORIGINAL'
        check (regulatory_status in ('ORIGINAL', 'REUSED', 'REPURPOSED', 'REMANUFACTURED', 'WASTE')),
    created_at           timestamptz not null default now(),
    version              integer not null default 0,
    check (parent_battery_id is null or parent_battery_id <> battery_id)
);
create index battery_parent_idx on battery (parent_battery_id);

-- State-of-health history: one row per reading, never updated.
create table battery_soh_reading (
    reading_id       uuid primary key,
    battery_id       text not null references battery (battery_id),
    soh_pct          numeric(4, 1) not null check (soh_pct between 0.0 and 100.0),
    method           text not null check (method in ('BMS', 'CAPACITY_TEST')),
    measured_at      timestamptz not null,
    equipment_id     text,
    idempotency_key  text not null unique
);
create index battery_soh_reading_battery_idx on battery_soh_reading (battery_id, measured_at);

create table part (
    part_id           uuid primary key,
    part_number       text not null check (part_number = upper(part_number) and part_number !~ '\s'),
    family            text not null,
    serial_number     text,
    donor_vin         char(17),
    installed_in_vin  char(17),
    origin            text not null
        check (origin in ('DEALER_EXCHANGE', 'DISMANTLING', 'RETROFIT_REMOVAL', 'SUPPLIER_NEW')),
    condition_grade   text check (condition_grade in ('A', 'B', 'C', 'D')),
    core_grade        text check (core_grade in ('A', 'B', 'C', 'REJECT')),
    core_credit_pct   integer check (core_credit_pct between 0 and 100),
    reman_serial      text,
    idempotency_key   text not null unique,
    created_at        timestamptz not null default now(),
    version           integer not null default 0,
    unique (part_number, serial_number),
    check (origin not in ('DISMANTLING', 'RETROFIT_REMOVAL') or donor_vin is not null)
);
create index part_donor_vin_idx on part (donor_vin);
