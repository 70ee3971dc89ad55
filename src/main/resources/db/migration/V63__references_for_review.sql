-- The review queue's "references missing" filter (issue 30): an application whose round
-- asks for more references than its referees have given.

-- Owner: intake. The round's count of references, added to what review reads of it.
create or replace view intake_rounds_for_review as
select r.id, r.institution_id, r.name, r.slug, r.opens_at, r.reply_by_at, r.studies_start_at,
       r.references_required
from application_round r;

-- Owner: references. Each request's state, never who the referee is or what they wrote.
create view references_requests_for_review as
select application_id, state from reference_request;
