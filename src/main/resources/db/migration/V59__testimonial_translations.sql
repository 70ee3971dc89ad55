-- A graduate's words in other languages than the institution's main one (issue 29, ADR
-- 0036): {"sv": {"quote": "…", "authorOrigin": "…"}}. The name is the graduate's own.
alter table programme_testimonial add column translations jsonb not null default '{}'::jsonb
    check (jsonb_typeof(translations) = 'object');
