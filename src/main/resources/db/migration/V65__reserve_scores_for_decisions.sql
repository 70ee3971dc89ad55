-- Selective review (issue 30): an officer may order a programme's reserve list by the
-- applications' review scores, and the list shows each score. Decisions reads the score
-- through its view of applications, the column added at the end (a plain projection still,
-- so the view is replaced in place).
create or replace view applications_standing_for_decisions as
select id, round_id, applicant_id, reference, email, full_name, status, fee_status, decision_programme_id,
       decision_reason, refusal_reason, refusal_advice, decided_at, decision_notified_at, reserve_rank,
       review_score
from application;
