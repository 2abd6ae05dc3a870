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

-- Regulatory targets and lead times as master data (ADR 0913, 0914): the ELV Directive's yearly rates and the
-- warning before an installer authorisation expires. Java reads them; it never repeats them.
create table regulatory_target (
    target_code text primary key,
    value       numeric not null,
    unit        text not null,
    source      text not null
);

insert into regulatory_target (target_code, value, unit, source) values
    ('ELV_REUSE_RECOVERY_MIN', 95, 'PERCENT', 'Directive 2000/53/EC art. 7(2)(b): reuse and recovery, from 1 January 2015'),
    ('ELV_REUSE_RECYCLING_MIN', 85, 'PERCENT', 'Directive 2000/53/EC art. 7(2)(b): reuse and recycling, from 1 January 2015');
