-- Issue 22, ADR 0920: the installer authorisations a kit manufacturer granted the Refactory (or renewed), as recorded
-- by a retrofit manager or HR-COMP; the T9 warning process computes its timers from them. One row per recording,
-- append-only: a renewal is a new row, the history of authorisations is what the DGEC report and auditors read.
create table installer_authorisation (
    recording_id         uuid primary key,
    installer_org        text not null,
    installer_name       text not null,
    kit_manufacturer     text not null,
    authorisation_number text not null,
    valid_from           date not null,
    valid_to             date not null check (valid_to >= valid_from),
    recorded_at          timestamptz not null,
    idempotency_key      text not null unique
);

create index installer_authorisation_recorded on installer_authorisation (recorded_at desc);

create trigger installer_authorisation_append_only
    before update or delete on installer_authorisation
    for each row execute function certificate_document_reject_change();
