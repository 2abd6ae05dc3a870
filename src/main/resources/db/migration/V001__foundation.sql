-- Flyway owns the schema. Each module adds its own migrations (engine, records, ...);
-- this first one only records when the database was created.
create table installation (
    id          smallint primary key default 1 check (id = 1),
    created_at  timestamptz not null default now()
);
insert into installation default values;
