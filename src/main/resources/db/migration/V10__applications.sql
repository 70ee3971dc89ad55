-- Applications: one per applicant and round, identified by a random UUID so that no
-- address can be guessed, with a short reference people can read out. The draft answers
-- are kept step by step as JSON; submitting freezes them into the snapshot, which staff
-- review. A few facts are copied into columns for the admissions queue.

alter table institution add column fee_exempt_countries text[] not null default '{}';

create table application (
    id                  uuid         primary key,
    reference           varchar(12)  not null unique,
    applicant_id        bigint       not null references applicant (id),
    round_id            bigint       not null references application_round (id),
    status              varchar(30)  not null default 'DRAFT'
        check (status in ('DRAFT', 'SUBMITTED', 'WITHDRAWN')),
    answers             jsonb        not null default '{}'::jsonb,
    snapshot            jsonb,
    full_name           varchar(200),
    citizenship_country varchar(2),
    fee_status          varchar(10)  check (fee_status in ('EXEMPT', 'PAID', 'DUE')),
    submit_key          varchar(64)  unique,
    submitted_at        timestamptz,
    withdrawn_at        timestamptz,
    version             bigint       not null default 0,
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    unique (applicant_id, round_id),
    check (status = 'DRAFT' or submitted_at is not null)
);

create index application_applicant_idx on application (applicant_id);
create index application_round_status_idx on application (round_id, status);

create table application_choice (
    application_id uuid    not null references application (id) on delete cascade,
    rank           integer not null check (rank between 1 and 20),
    programme_id   bigint  not null references programme (id),
    primary key (application_id, rank),
    unique (application_id, programme_id)
);

create index application_choice_programme_idx on application_choice (programme_id, rank);
