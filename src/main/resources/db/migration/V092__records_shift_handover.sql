-- Shift handovers (issue 21, ADR 0711): what the outgoing shift leader signed (open and overdue tasks per group, HV
-- lockouts in place, quarantined batteries with their temperature log, open incidents, notes) and, in its own row,
-- the incoming leader's countersignature. Both tables are append-only: a signed handover is never changed.
create table shift_handover (
    handover_id        bigserial primary key,
    handover_date      date not null,
    outgoing_shift     text not null,
    incoming_shift     text not null,
    content            text not null,
    content_json       jsonb generated always as (content::jsonb) stored,
    notes              text not null,
    content_hash       char(64) not null,
    outgoing_leader    text not null,
    outgoing_signed_at timestamptz not null
);

create table shift_handover_countersignature (
    handover_id        bigint primary key references shift_handover (handover_id),
    incoming_leader    text not null,
    signed_at          timestamptz not null
);

create function shift_handover_reject_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'restrict_violation';
end
$$;

create trigger shift_handover_append_only
    before update or delete on shift_handover
    for each row execute function shift_handover_reject_change();

create trigger shift_handover_countersignature_append_only
    before update or delete on shift_handover_countersignature
    for each row execute function shift_handover_reject_change();
