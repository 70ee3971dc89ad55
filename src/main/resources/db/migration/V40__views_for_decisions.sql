-- What other modules offer the decisions module to read (ADR 0032): one view per owner and
-- purpose, each named <owner>_<what>_for_decisions, and only decisions names them. Each
-- selects the columns decisions reads and nothing else, from its owner's tables alone, so
-- the owner may change its tables and keep the view. They are plain projections (no
-- aggregate, no DISTINCT), so PostgreSQL inlines them into the query, indexes apply, and
-- FOR UPDATE [SKIP LOCKED] through one of them locks the owner's rows underneath.

-- Read by decisions for where each application stands: the notifier's batch, the
-- reply-by jobs and promotions (locking the application rows through the view), the
-- reserve list and its order, the notifier's lag, who reaches an application, which fee
-- receipts wait for a check and the deadline exceptions' applications. Drafts are in it:
-- a draft's fee receipt may wait for a check.
create view applications_standing_for_decisions as
select id, round_id, applicant_id, reference, email, full_name, status, fee_status, decision_programme_id,
       decision_reason, refusal_reason, refusal_advice, decided_at, decision_notified_at, reserve_rank
from application;

-- Read by decisions for the programmes an application ranks: which it may offer, who
-- reaches it in a joint round, the programme titles a decision names.
create view applications_choices_for_decisions as
select application_id, programme_id, rank
from application_choice;

-- Read by decisions for the fee receipts staff check, of submitted applications and drafts.
create view applications_fee_receipts_for_decisions as
select id, application_id, stored_name, uploaded_at
from application_document
where kind = 'FEE_RECEIPT';

-- Read by decisions for the list of a round's deadline exceptions staff granted.
create view applications_deadline_exceptions_for_decisions as
select round_id, email, kind, until_at, reason, granted_by, granted_at
from deadline_exception;

-- Read by decisions for a round's institution, name and dates: when decisions are
-- released, the reply-by of an offer, the start of studies; and locked by it while a
-- round's promotion setting changes.
create view intake_rounds_for_decisions as
select id, institution_id, name, notification_at, reply_by_at, studies_start_at, studies_start_month_only
from application_round;

-- Read by decisions for which programmes a round takes in: a joint round's partners, and
-- the programmes an officer may meet.
create view intake_round_programmes_for_decisions as
select round_id, programme_id
from round_programme;

-- Read by decisions for a programme's title and the institution that gives it, which
-- decides offers and reserve places on it.
create view programme_titles_for_decisions as
select id, title, institution_id
from programme;

-- Read by decisions for what an institution's decisions say and follow: its name, its
-- time zone, its standard offer conditions and whether a fee receipt is checked before
-- submitting.
create view institution_settings_for_decisions as
select id, name, time_zone, offer_conditions, fee_receipt_check_before_submit
from institution;

-- Read by decisions for the open accounts a deadline exception is granted to, by address,
-- and the name shown with one once its holder applied.
create view applicant_open_accounts_for_decisions as
select id, email, full_name
from applicant
where closed_at is null;
