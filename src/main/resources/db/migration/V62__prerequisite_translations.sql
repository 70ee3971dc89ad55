-- A syllabus's specific prerequisite's description in other languages than its
-- institution's main one (issue 29, ADR 0036), on the row like an examination module's
-- name: {"sv": {"description": "Linjär algebra motsvarande 7,5 hp."}}.
alter table syllabus_prerequisite add column translations jsonb not null default '{}'::jsonb
    check (jsonb_typeof(translations) = 'object');
