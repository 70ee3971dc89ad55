-- A programme within a round may need its own number of references (issue 30): a map
-- from programme id to 0, 1 or 2, kept with the round so that a round's save rewrites it
-- with the programmes it admits to. A programme not in it needs the round's number; an
-- application needs the most that any programme it ranks needs.
alter table application_round add column programme_references jsonb not null default '{}'
    check (jsonb_typeof(programme_references) = 'object');

-- Owner: intake. The programmes with a number of their own, for the queue's "references
-- missing" filter.
create view intake_programme_references_for_review as
select r.id as round_id, cast(e.key as bigint) as programme_id, cast(e.value as integer) as references_required
from application_round r, jsonb_each_text(r.programme_references) e;
