-- The plant calendar (ADR 0700): working days, public-holiday rules, shifts and closure days that the models'
-- working-day SLAs count in. Copied from decisions/plant-calendar.yaml at start when that file's version is newer
-- than file_version; closure days added on the models page (source MODELS_PAGE) survive a reload.
create table plant_calendar (
    id            smallint primary key check (id = 1),
    file_version  integer not null,
    time_zone     text not null,
    working_days  text[] not null,
    loaded_at     timestamptz not null
);

create table plant_public_holiday (
    name                text primary key,
    month_day           char(5) check (month_day ~ '^[0-1][0-9]-[0-3][0-9]$'),
    easter_offset_days  integer,
    check ((month_day is null) <> (easter_offset_days is null))
);

create table plant_shift (
    code       text primary key,
    name       text not null,
    starts_at  time not null,
    ends_at    time not null,
    lines      text[] not null default '{}'
);

create table plant_closure_day (
    day         date primary key,
    reason      text not null,
    source      text not null check (source in ('FILE', 'MODELS_PAGE')),
    changed_by  text not null,
    changed_at  timestamptz not null
);
