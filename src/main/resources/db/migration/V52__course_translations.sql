-- A course's title and summary in other languages than its institution's main one (issue
-- 29, ADR 0036): {"sv": {"title": "…", "summary": "…"}}.
alter table course add column translations jsonb not null default '{}'::jsonb
    check (jsonb_typeof(translations) = 'object');
