-- "References missing" kept on the application (issue 30), as missing_documents is, so
-- that the queue's filter is an index range and its count does not weigh every
-- application's choices and references (docs/benchmarks.md, section 4). Written only by
-- applications' ReferenceRecords: on submission, when a reference is given and when a
-- round's numbers change.
alter table application add column references_missing boolean not null default false;

-- Owner: references. How many references each application has been given.
create view references_given_for_applications as
select application_id, count(*) as given
from reference_request
where state = 'GIVEN'
group by application_id;

-- Owner: intake. What each round asks: its own number, and programmes' own numbers.
create view intake_round_references_for_applications as
select id, references_required, programme_references
from application_round;

-- What the applications submitted so far need and have been given: the most any
-- programme ranked needs, each its own number or the round's; only in rounds that ask for
-- any. A sixteenth of the ids a statement, so that none runs long: each must end within
-- the connection's 30 s socket timeout (docs/benchmarks.md, section 4, has the time at a
-- million applications).
create function pg_temp.mark_references_missing(low uuid, high uuid) returns void language sql as $$
    update application a set references_missing = true
    from intake_round_references_for_applications r
    where r.id = a.round_id and a.submitted_at is not null and a.id >= low and a.id <= high
      and (r.references_required > 0 or r.programme_references <> '{}')
      and coalesce((select max(coalesce(cast(r.programme_references ->> cast(c.programme_id as text) as integer),
                                         r.references_required))
                    from application_choice c where c.application_id = a.id), r.references_required)
          > coalesce((select g.given from references_given_for_applications g where g.application_id = a.id), 0)
$$;
select pg_temp.mark_references_missing('00000000-0000-0000-0000-000000000000', '10000000-0000-0000-0000-000000000000');
select pg_temp.mark_references_missing('10000000-0000-0000-0000-000000000000', '20000000-0000-0000-0000-000000000000');
select pg_temp.mark_references_missing('20000000-0000-0000-0000-000000000000', '30000000-0000-0000-0000-000000000000');
select pg_temp.mark_references_missing('30000000-0000-0000-0000-000000000000', '40000000-0000-0000-0000-000000000000');
select pg_temp.mark_references_missing('40000000-0000-0000-0000-000000000000', '50000000-0000-0000-0000-000000000000');
select pg_temp.mark_references_missing('50000000-0000-0000-0000-000000000000', '60000000-0000-0000-0000-000000000000');
select pg_temp.mark_references_missing('60000000-0000-0000-0000-000000000000', '70000000-0000-0000-0000-000000000000');
select pg_temp.mark_references_missing('70000000-0000-0000-0000-000000000000', '80000000-0000-0000-0000-000000000000');
select pg_temp.mark_references_missing('80000000-0000-0000-0000-000000000000', '90000000-0000-0000-0000-000000000000');
select pg_temp.mark_references_missing('90000000-0000-0000-0000-000000000000', 'a0000000-0000-0000-0000-000000000000');
select pg_temp.mark_references_missing('a0000000-0000-0000-0000-000000000000', 'b0000000-0000-0000-0000-000000000000');
select pg_temp.mark_references_missing('b0000000-0000-0000-0000-000000000000', 'c0000000-0000-0000-0000-000000000000');
select pg_temp.mark_references_missing('c0000000-0000-0000-0000-000000000000', 'd0000000-0000-0000-0000-000000000000');
select pg_temp.mark_references_missing('d0000000-0000-0000-0000-000000000000', 'e0000000-0000-0000-0000-000000000000');
select pg_temp.mark_references_missing('e0000000-0000-0000-0000-000000000000', 'f0000000-0000-0000-0000-000000000000');
select pg_temp.mark_references_missing('f0000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff');

create index application_queue_references_idx on application (submitted_at, id)
    where submitted_at is not null and references_missing;

create or replace view applications_queue_for_review as
select a.id, a.reference, a.applicant_id, a.round_id, a.full_name, a.email, a.first_choice_programme_id,
       a.status, a.fee_status, a.citizenship_country, a.missing_documents, a.search_text, a.submitted_at,
       a.decision_programme_id, a.reserve_rank, a.decided_at, a.decision_notified_at, a.version,
       a.review_score, a.reads_outstanding, a.reads_disagree, a.references_missing
from application a;

-- The queue no longer works the rule out itself.
drop view intake_programme_references_for_review;
