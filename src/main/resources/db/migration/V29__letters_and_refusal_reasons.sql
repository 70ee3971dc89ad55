-- Decision letters and structured refusal reasons (issue 16).

-- Each institution's refusal reasons, one per element as "reason | what the applicant can
-- do next", and what its letters are signed with and end on.
alter table institution
    add column refusal_reasons  text[]        not null default '{}',
    add column letter_signatory varchar(200),
    add column letter_closing   varchar(1000);

-- The standard reason of a refusal and its advice, copied from the institution's list when
-- the decision is made, so that a later edit of the list changes no decision.
alter table application
    add column refusal_reason varchar(500),
    add column refusal_advice varchar(1000);

-- Files sent with an outbox message, such as a decision letter, rendered when the message
-- is written and deleted with it.
create table mail_attachment (
    message_id   bigint       not null references mail_outbox (id) on delete cascade,
    position     integer      not null,
    filename     varchar(200) not null,
    content_type varchar(100) not null,
    content      bytea        not null,
    primary key (message_id, position)
);
