-- Views through which one module reads another module's rows (ADR 0032): each is named
-- <owner>_<what>_for_<reader>, selects only what that reader needs, and is simple enough
-- for PostgreSQL to inline into the reader's query.

-- account lists the institutions a member of staff can be given a role at, by name.
-- (account is below institution, so it cannot ask institution's Java API.)
create view institution_names_for_account as
select id, name from institution;

-- audit shows each event in the zone of its institution.
create view institution_zones_for_audit as
select id, time_zone from institution;

-- audit lets an institution's administrator read the events of their staff's accounts.
create view account_memberships_for_audit as
select staff_user_id, institution_id from staff_membership;

-- intake collects the instants at which a round's state changes, in its institution's zone.
create view institution_zones_for_intake as
select id, time_zone from institution;

-- applications finds the deadline exceptions granted to an applicant's address.
create view applicant_emails_for_applications as
select id, email, closed_at from applicant;

-- applications asks whether a ranked programme, or any of a round's, charges a fee.
create view programme_fees_for_applications as
select id, application_fee_amount from programme;

-- applications reads which programmes a round admits to.
create view intake_round_programmes_for_applications as
select round_id, programme_id from round_programme;

-- programme shows who uploaded a pending course-description document, and records it.
create view account_emails_for_programme as
select id, email from staff_user;
