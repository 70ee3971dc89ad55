-- An institution's own texts in other languages than its main one (issue 29, ADR 0036):
-- its full name, awarding body, regulator note, letter closing and payment instructions,
-- {"sv": {"name": "…", "awardingBody": "…"}}. The short name is a name and stays as it is.
alter table institution add column translations jsonb not null default '{}'::jsonb
    check (jsonb_typeof(translations) = 'object');

-- Search lists each programme's institution by its name in the page's language where
-- translated, marked with the main language where not.
create or replace view institution_listing_for_search as
select id, slug, name, city, time_zone, main_language, translations from institution;

-- Decisions names the institution in the decision e-mail in the applicant's language.
create or replace view institution_settings_for_decisions as
select id, name, time_zone, offer_conditions, fee_receipt_check_before_submit, translations
from institution;
