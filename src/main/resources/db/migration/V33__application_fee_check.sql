-- The application fee as the coordinating institution charges it, how to pay it, and
-- whether submitting waits until staff have checked a receipt (ADR 0026).
alter table institution
    add column application_fee_amount   numeric(12, 2) check (application_fee_amount >= 0),
    add column application_fee_currency varchar(3),
    add column payment_instructions     text,
    add column fee_receipt_check_before_submit boolean not null default false,
    add constraint institution_application_fee_check
        check ((application_fee_amount is null) = (application_fee_currency is null));

-- A receipt is evidence to check, not a payment: "receipt received, not yet checked".
alter table application drop constraint application_fee_status_check;
alter table application alter column fee_status type varchar(20);
alter table application add constraint application_fee_status_check
    check (fee_status in ('EXEMPT', 'PAID', 'DUE', 'NONE', 'RECEIPT_RECEIVED'));

-- Until now an upload alone made the fee paid. Only a receipt that staff verified after
-- its latest upload stays paid; every other "paid" was a receipt nobody had checked.
update application a set fee_status = 'RECEIPT_RECEIVED'
where a.fee_status = 'PAID'
  and not exists (select 1 from application_document_check c
      where c.application_id = a.id and c.kind = 'FEE_RECEIPT' and c.verdict = 'VERIFIED'
        and c.checked_at >= (select max(d.uploaded_at) from application_document d
                             where d.application_id = a.id and d.kind = 'FEE_RECEIPT'));

-- Events from an online payment provider, each taken once: a provider sends an event
-- again until it is acknowledged, and the unique key makes the repeat change nothing.
create table payment_event (
    provider       varchar(40)  not null,
    event_id       varchar(200) not null,
    kind           varchar(40)  not null,
    application_id uuid         references application (id) on delete cascade,
    received_at    timestamptz  not null,
    primary key (provider, event_id)
);
create index payment_event_application_idx on payment_event (application_id) where application_id is not null;
