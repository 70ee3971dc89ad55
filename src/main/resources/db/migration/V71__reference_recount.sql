-- Rounds whose applications' "references missing" is to be worked out again (issue 30):
-- publishing a change to a round's numbers records the round here, in its transaction,
-- and ReferenceRecounts works through its submitted applications a batch at a time, each
-- batch its own short transaction, from where the last one stopped. A round of a quarter
-- of a million applications took 48 s in one statement, past the connection's 30 s socket
-- timeout (docs/benchmarks.md, section 4).
create table reference_recount (
    round_id          bigint       primary key references application_round (id) on delete cascade,
    after_submitted   timestamptz,
    after_id          uuid,
    requested_at      timestamptz  not null default now()
);
