-- Late applications by exception (issue 16): admissions staff let one applicant submit, or
-- send documents, after the round's deadline, until an instant they set, with a reason.
-- Keyed by round and applicant account, since the applicant may not have started.
create table deadline_exception (
    round_id     bigint        not null references application_round (id) on delete cascade,
    applicant_id bigint        not null references applicant (id) on delete cascade,
    kind         varchar(10)   not null check (kind in ('SUBMIT', 'DOCUMENTS')),
    until_at     timestamptz   not null,
    reason       varchar(1000) not null,
    granted_by   varchar(254)  not null,
    granted_at   timestamptz   not null,
    primary key (round_id, applicant_id, kind)
);
