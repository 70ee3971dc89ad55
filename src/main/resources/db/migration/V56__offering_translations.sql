-- An offering's target group in other languages than its institution's main one (issue
-- 29, ADR 0036): {"sv": {"targetGroup": "…"}}. Its location is a place's name, kept as
-- written.
alter table course_offering add column translations jsonb not null default '{}'::jsonb
    check (jsonb_typeof(translations) = 'object');
