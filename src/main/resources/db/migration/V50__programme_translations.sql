-- A programme's texts in other languages than its institution's main one (issue 29, ADR
-- 0036): {"sv": {"title": "…", "summary": "…"}}, language by field. The columns keep the
-- main language's text, which every page falls back to where a translation is missing.
alter table programme add column translations jsonb not null default '{}'::jsonb
    check (jsonb_typeof(translations) = 'object');
