-- Decisions writes the decision e-mails in the applicant's language (issue 29): it reads
-- the programme's and the round's translations beside their main-language names.
create or replace view intake_rounds_for_decisions as
select id, institution_id, name, notification_at, reply_by_at, studies_start_at, studies_start_month_only,
       translations
from application_round;

create or replace view programme_titles_for_decisions as
select id, title, institution_id, translations
from programme;
