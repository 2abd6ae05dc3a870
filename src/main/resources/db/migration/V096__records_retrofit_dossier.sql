-- Issue 22, ADR 0910: the PDF the Refactory rendered for a certificate (the Annex II conversion certificate, the
-- customer information pack), kept beside the certificate it prints; its SHA-256 is the certificate's document hash.
-- Append-only like the certificate itself.
create table certificate_document (
    certificate_id uuid primary key references certificate (certificate_id),
    media_type     text not null,
    content        bytea not null,
    sha256         char(64) not null
);

create function certificate_document_reject_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'restrict_violation';
end
$$;

create trigger certificate_document_append_only
    before update or delete on certificate_document
    for each row execute function certificate_document_reject_change();

-- Regulatory targets and documented factors as master data (ADR 0912): the emission factors of the Annex IV
-- statement, and already the ELV Directive's yearly targets and the T9 warning lead time for the slices of issue 22
-- that use them. Java reads them by code; it never repeats them.
create table regulatory_parameter (
    parameter_code text primary key,
    value          numeric not null,
    unit           text not null,
    source         text not null
);

insert into regulatory_parameter (parameter_code, value, unit, source) values
    ('ELV_REUSE_RECOVERY_MIN', 95, 'PERCENT', 'Directive 2000/53/EC art. 7(2)(b): reuse and recovery, from 1 January 2015'),
    ('ELV_REUSE_RECYCLING_MIN', 85, 'PERCENT', 'Directive 2000/53/EC art. 7(2)(b): reuse and recycling, from 1 January 2015'),
    ('INSTALLER_AUTHORISATION_WARNING_DAYS', 60, 'DAYS', 'Domain brief T9: warn 60 days before an installer authorisation expires (A)'),
    ('GHG_DIESEL_KGCO2E_PER_L', 3.16, 'KG_CO2E_PER_L', 'ADEME Base Carbone, gazole routier, well-to-wheel (combustion and upstream)'),
    ('GHG_LCV_DIESEL_L_PER_100KM', 9.0, 'L_PER_100KM', 'Renault Master III 2.3 dCi, mixed urban use (A: ADR 0912)'),
    ('GHG_ELECTRICITY_FR_KGCO2E_PER_KWH', 0.052, 'KG_CO2E_PER_KWH', 'ADEME Base Carbone, electricity France, consumption mix, life cycle'),
    ('GHG_BATTERY_KGCO2E_PER_KWH', 75, 'KG_CO2E_PER_KWH', 'IVL report C444 (2019): 61-106 kg CO2e per kWh of Li-ion pack, midpoint'),
    ('GHG_STATEMENT_YEARS', 10, 'YEARS', 'Arrêté of 13 March 2020 as amended in 2023, Annex IV: emissions avoided over 10 years');
