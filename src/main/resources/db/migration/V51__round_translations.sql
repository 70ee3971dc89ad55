-- A round's name in other languages than its institution's main one (issue 29, ADR 0036):
-- {"sv": {"name": "Hösten 2027"}}.
alter table application_round add column translations jsonb not null default '{}'::jsonb
    check (jsonb_typeof(translations) = 'object');
