-- What the review module (the admissions queue, its dashboard, bulk moves and the places
-- page) reads of other modules' tables (ADR 0032): one view per owner and table, each
-- the owner's contract with review alone, column by column. Every view is a plain
-- projection of one table (no join, aggregate, DISTINCT or window), so PostgreSQL
-- inlines it into review's statements and the queue's keyset pages keep the V12 and V15
-- indexes, as ReviewQueuePlanTests checks. Review joins the views itself. A view holds
-- no rows and no keys: erasure and retention delete from the tables beneath as before.

-- Owner: applications. Read by review's ReviewQueue (the queue's rows, filters, keyset
-- order and reserve position), ReviewDashboard (counts per programme, status and day)
-- and BulkStatusChange (the candidates of a bulk move and whether they were notified).
create view applications_queue_for_review as
select a.id, a.reference, a.applicant_id, a.round_id, a.full_name, a.email, a.first_choice_programme_id,
       a.status, a.fee_status, a.citizenship_country, a.missing_documents, a.search_text, a.submitted_at,
       a.decision_programme_id, a.reserve_rank, a.decided_at, a.decision_notified_at, a.version
from application a;

-- Owner: applications. Read by review's ReviewQueue (the "any ranked choice" programme
-- filter) and BulkStatusChange (each candidate's choices in rank order, for the move's
-- rules).
create view applications_choices_for_review as
select c.application_id, c.programme_id, c.rank
from application_choice c;

-- Owner: applications. Read by review's ReviewQueue: whether an application's applicant
-- has a deadline exception in its round (the queue's "excepted" column).
create view applications_deadline_exceptions_for_review as
select e.round_id, e.email
from deadline_exception e;

-- Owner: applicant. Read by review's ReviewQueue: an applicant's address, to match the
-- deadline exceptions granted to it.
create view applicant_emails_for_review as
select p.id, p.email
from applicant p;

-- Owner: decisions. Read by review's ReviewQueue and OfferFilter: where an application's
-- offers stand, their reply-by instant, and the queue's offer filters.
create view decisions_offers_for_review as
select o.id, o.application_id, o.round_id, o.state, o.reply_by_at, o.made_at
from offer o;

-- Owner: decisions. Read by review's ReviewQueue and OfferFilter: the conditions of an
-- offer still to be checked.
create view decisions_offer_conditions_for_review as
select c.offer_id, c.state
from offer_condition c;

-- Owner: intake. Read by review's ReviewQueue: the rounds the queue's filters offer,
-- and a round's reply-by and start of studies for an offer without its own reply-by.
create view intake_rounds_for_review as
select r.id, r.institution_id, r.name, r.slug, r.opens_at, r.reply_by_at, r.studies_start_at
from application_round r;

-- Owner: intake. Read by review's ReviewDashboard (a round's programmes, shown even
-- without applications) and AdminPlacesController (whether a programme is in a round).
create view intake_round_programmes_for_review as
select rp.round_id, rp.programme_id
from round_programme rp;

-- Owner: institution. Read by review's ReviewQueue: the names and time zones the
-- queue's round and programme filters show.
create view institution_names_for_review as
select i.id, i.name, i.short_name, i.time_zone
from institution i;

-- Owner: programme. Read by review's ReviewQueue: the programmes the queue's filters
-- offer, with the institution that gives each.
create view programme_programmes_for_review as
select p.id, p.institution_id, p.code, p.title
from programme p;
