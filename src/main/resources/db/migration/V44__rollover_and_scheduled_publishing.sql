-- Rolling a round over to the next cycle (issue 28): the copy names the round it came from,
-- and a round has at most one copy, so rolling over twice (two clicks, two editors, two
-- instances) creates one. Deleting the old round leaves the copy standing.
alter table application_round add column rolled_from_id bigint unique
    references application_round (id) on delete set null;

-- Staged changes scheduled to go live at an instant. One schedule per entry: a second is
-- refused. The job takes due rows with "for update skip locked" and deletes each in the
-- transaction that publishes, so with several instances running each fires once. A
-- schedule that could not be carried out stays, with the reason, until someone cancels
-- it or schedules again.
create table scheduled_publication (
    id             bigint generated always as identity primary key,
    entity_type    varchar(60)  not null,
    entity_id      bigint       not null,
    institution_id bigint       not null references institution (id) on delete cascade,
    publish_at     timestamptz  not null,
    scheduled_by   varchar(254) not null,
    scheduled_at   timestamptz  not null,
    failed_at      timestamptz,
    failure        varchar(500),
    unique (entity_type, entity_id)
);

create index scheduled_publication_due_idx on scheduled_publication (publish_at) where failed_at is null;

-- Scheduling, cancelling and a schedule that could not be carried out are audited; a
-- rollover is recorded as the copy's creation.
alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('CREATE', 'UPDATE', 'PUBLISH', 'RETIRE', 'DELETE', 'DISCARD', 'UPLOAD',
                      'ROLE_CHANGE', 'SIGN_IN', 'SIGN_IN_FAILED',
                      'SUBMIT', 'WITHDRAW', 'STATUS_CHANGE', 'DOCUMENT_CHECK', 'DOCUMENT_REQUEST', 'NOTE',
                      'VIEW', 'DOWNLOAD', 'EXPORT', 'CLOSE_ACCOUNT', 'ERASE',
                      'REPLY', 'CONDITION_CHECK', 'OFFER_WITHDRAW', 'DECLINE_BY_DEFAULT',
                      'SCHEDULE', 'UNSCHEDULE', 'SCHEDULE_FAILED'));
