-- Versions of deleted resources (POST /v2/resources/{key}/deletion). Camunda never reuses a version number: the next
-- deployment of the same id continues after the highest version ever deployed, deleted or not (ADR 0251).
create table engine_deleted_version (
    resource_type text not null,
    resource_id   text not null,
    version       int not null,
    deleted_at    timestamptz not null,
    primary key (resource_type, resource_id, version)
);
