-- A syllabus version or offering added to a course that is already public stays off the
-- public page until an editor publishes it with the course's other staged changes (see
-- pending_revision). Every existing row is public, so the default is true; the editing
-- service creates new rows with false.

alter table syllabus add column published boolean not null default true;
alter table course_offering add column published boolean not null default true;
