-- A round may ask referees as soon as they are named, not only once the application is
-- submitted (issue 30): for rounds that want references in early.
alter table application_round add column references_at_once boolean not null default false;
