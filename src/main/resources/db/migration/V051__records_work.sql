-- Work orders and what was found and issued while working on an asset (domain brief §5.1).
-- Rows created by job workers carry the worker's idempotency key (job key + kind): a job delivered twice
-- inserts nothing the second time.

create table work_order (
    work_order_id         text primary key,
    type                  text not null check (type in ('INTAKE', 'DIAGNOSIS', 'RENEW', 'BODYWORK', 'RETROFIT', 'REMAN',
                                                        'BATTERY', 'DISMANTLE', 'REWORK')),
    subject_type          text not null check (subject_type in ('VEHICLE', 'BATTERY', 'PART')),
    subject_key           text not null,
    process_instance_key  bigint,
    status                text not null check (status in ('CREATED', 'RELEASED', 'IN_PROGRESS', 'ON_HOLD', 'QUALITY',
                                                          'CLOSED', 'CANCELLED')),
    parent_work_order_id  text references work_order (work_order_id),
    rework_count          integer not null default 0 check (rework_count between 0 and 5),
    idempotency_key       text not null unique,
    created_at            timestamptz not null default now(),
    version               integer not null default 0
);
create index work_order_subject_idx on work_order (subject_key);

create table inspection_result (
    result_id                      uuid primary key,
    subject_type                   text not null,
    subject_key                    text not null,
    work_order_id                  text references work_order (work_order_id),
    check_code                     text not null,
    control_plan_id                text,
    control_plan_version           text,
    measured_value                 numeric,
    unit                           text,
    lower_limit                    numeric,
    upper_limit                    numeric,
    result                         text not null check (result in ('OK', 'NOK', 'NA')),
    severity                       text not null default 'NONE' check (severity in ('NONE', 'MINOR', 'MAJOR', 'CRITICAL')),
    safety_characteristic          boolean not null default false,
    equipment_id                   text,
    equipment_calibration_due_date date,
    performed_by                   text not null,
    performed_at                   timestamptz not null,
    idempotency_key                text not null unique
);
create index inspection_result_subject_idx on inspection_result (subject_key);
create index inspection_result_equipment_idx on inspection_result (equipment_id);

create table non_conformity (
    nc_id                    uuid primary key,
    subject_key              text not null,
    work_order_id            text references work_order (work_order_id),
    detected_at_gate         text not null,
    defect_code              text not null,
    severity                 text not null check (severity in ('MINOR', 'MAJOR', 'CRITICAL')),
    quantity                 integer not null default 1 check (quantity > 0),
    disposition              text check (disposition in ('REWORK', 'SCRAP', 'CONCESSION', 'USE_AS_IS',
                                                         'RETURN_TO_SUPPLIER')),
    disposition_date         date,
    approved_by              text,
    customer_concession_ref  text,
    root_cause_ref           text,
    detected_at              timestamptz not null,
    idempotency_key          text not null unique,
    version                  integer not null default 0,
    check (disposition is distinct from 'CONCESSION' or customer_concession_ref is not null)
);
create index non_conformity_subject_idx on non_conformity (subject_key);

-- Conversion certificates, quality release records, certificates of destruction: issued once, never changed.
create table certificate (
    certificate_id   uuid primary key,
    kind             text not null check (kind in ('CONVERSION_CERTIFICATE', 'QUALITY_RECORD',
                                                   'CERTIFICATE_OF_DESTRUCTION')),
    number           text not null,
    subject_key      text not null,
    work_order_id    text references work_order (work_order_id),
    issued_at        timestamptz not null,
    issued_by        text not null,
    document_uri     text,
    document_sha256  char(64) check (document_sha256 ~ '^[0-9a-f]{64}$'),
    content          text not null,
    idempotency_key  text not null unique,
    unique (kind, number)
);
create index certificate_subject_idx on certificate (subject_key);
