-- An institution's own texts in other languages than its main one (issue 29, ADR 0036):
-- its full name, awarding body, regulator note, letter closing and payment instructions,
-- {"sv": {"name": "…", "awardingBody": "…"}}. The short name is a name and stays as it is.
alter table institution add column translations jsonb not null default '{}'::jsonb
    check (jsonb_typeof(translations) = 'object');
