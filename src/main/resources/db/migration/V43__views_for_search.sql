-- Views through which search reads the catalogue and the rounds (ADR 0032). They are
-- plain projections, so PostgreSQL inlines them: the search still uses the programme's
-- full-text index and the rounds' indexes.

-- search finds, filters, ranks and lists programmes, and gathers the filters' values.
create view programme_listing_for_search as
select id, institution_id, state, slug, code, title, award, level, credits, credit_system, duration_months,
       pace_percent, study_mode, language, summary, topics, tuition_amount, tuition_currency, tuition_period,
       search_vector
from programme;

-- search names each programme's institution, filters by it and shows deadlines in its zone.
create view institution_listing_for_search as
select id, slug, name, city, time_zone from institution;

-- search tells which programmes are open now, their nearest deadline and when studies start.
create view intake_rounds_for_search as
select id, institution_id, opens_at, deadline_at, studies_start_at from application_round;

create view intake_round_programmes_for_search as
select round_id, programme_id from round_programme;
