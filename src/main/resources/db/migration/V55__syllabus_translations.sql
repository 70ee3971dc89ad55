-- A syllabus version's texts in other languages than its institution's main one (issue
-- 29, ADR 0036): {"sv": {"contents": "…", "outcomes": "…"}}; an examination module's name
-- likewise, on the module: {"sv": {"name": "Tentamen"}}.
alter table syllabus add column translations jsonb not null default '{}'::jsonb
    check (jsonb_typeof(translations) = 'object');
alter table examination_module add column translations jsonb not null default '{}'::jsonb
    check (jsonb_typeof(translations) = 'object');
