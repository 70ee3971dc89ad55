-- References from referees (issue 30). A round says how many references an application
-- needs: none, one or two. The applicant names each referee; a request goes out on
-- submission (or at once when named after it) with a single-use link whose token is kept
-- only hashed. The referee answers or declines without an account. The content is for
-- staff only; the applicant sees the state.
alter table application_round add column references_required integer not null default 0
    check (references_required between 0 and 2);

create table reference_request (
    id              bigserial    primary key,
    application_id  uuid         not null references application (id) on delete cascade,
    position        integer      not null check (position between 1 and 2),
    referee_name    varchar(200) not null,
    referee_email   varchar(254) not null,
    relationship    varchar(20)  not null
        check (relationship in ('ACADEMIC', 'PROFESSIONAL', 'SCHOOL', 'CHARACTER')),
    known_for       varchar(120) not null,
    state           varchar(20)  not null default 'NAMED'
        check (state in ('NAMED', 'REQUESTED', 'GIVEN', 'DECLINED')),
    token_hash      varchar(64)  unique,
    requested_at    timestamptz,
    reminders       integer      not null default 0,
    last_sent_at    timestamptz,
    answered_at     timestamptz,
    comments        text,
    version         bigint       not null default 0,
    unique (application_id, position)
);

-- Referees' links that lead nowhere are counted by address, as failed sign-ins are.
alter table sign_in_attempt drop constraint sign_in_attempt_audience_check;
alter table sign_in_attempt add constraint sign_in_attempt_audience_check
    check (audience in ('STAFF', 'APPLICANT', 'REFEREE'));

-- Reminders go to referees who have not answered, 7 and 14 days after the request and
-- never after the documents deadline: the references module reads each application's
-- round and each round's deadline through these.
create view applications_rounds_for_references as
select id, round_id from application;

create view intake_deadlines_for_references as
select id, documents_deadline_at from application_round;
