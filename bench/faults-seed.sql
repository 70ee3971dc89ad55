-- The catalogue bench/faults.sh applies to: one institution with one published programme
-- in one round that is open for the whole run. No application fee, so no receipt is due.
insert into institution (slug, name, country_code, time_zone, currency)
values ('faultu', 'Fault University', 'SE', 'Europe/Stockholm', 'SEK');
insert into programme (institution_id, code, slug, title, award, level, credits, credit_system, duration_months,
                       study_mode, language, summary, state)
select id, 'P1', 'p1', 'Programme One', 'Master of Science', 'MASTER', 120, 'ECTS', 24, 'CAMPUS', 'en',
       'A programme to apply to.', 'PUBLISHED'
from institution where slug = 'faultu';
insert into application_round (institution_id, slug, name, opens_at, deadline_at, documents_deadline_at,
                               notification_at, studies_start_at)
select id, 'fault-round', 'Fault round', now() - interval '1 day', now() + interval '30 days',
       now() + interval '40 days', now() + interval '50 days', now() + interval '90 days'
from institution where slug = 'faultu';
insert into round_programme (round_id, programme_id)
select r.id, p.id from application_round r, programme p where r.slug = 'fault-round' and p.slug = 'p1';
