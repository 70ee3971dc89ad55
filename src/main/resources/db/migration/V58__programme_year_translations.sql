-- A year of entry's texts (entry requirements, fee notes) in other languages than its
-- institution's main one (issue 29, ADR 0036): {"sv": {"entryRequirements": "…"}}. The
-- current year's are in programme.translations with the programme's own texts, and move
-- with the values when the year turns.
alter table programme_year add column translations jsonb not null default '{}'::jsonb
    check (jsonb_typeof(translations) = 'object');
