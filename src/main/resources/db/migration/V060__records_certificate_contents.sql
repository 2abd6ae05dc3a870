-- The customer information pack (brief §3.3 step 3.19) is issued like a certificate: once, never changed.
alter table certificate drop constraint certificate_kind_check;
alter table certificate add constraint certificate_kind_check
    check (kind in ('CONVERSION_CERTIFICATE', 'QUALITY_RECORD', 'CERTIFICATE_OF_DESTRUCTION', 'HANDOVER_PACK'));

-- When the kit manufacturer got its copy of a conversion certificate (§5.1 copySentToManufacturerAt): recorded once,
-- beside the certificate, which itself never changes.
create table certificate_copy_sent (
    certificate_id   uuid primary key references certificate (certificate_id),
    sent_at          timestamptz not null,
    receipt_id       text not null,
    idempotency_key  text not null unique
);
