-- The catalogue's version (issue 15, ADR 0023): one number that goes up with every
-- committed change to anything a public page shows, and a notification on the channel
-- 'catalogue' that carries it. Every instance listens, drops its cached pages and tags new
-- ones with the number, so a publish, retire or discard on one instance reaches the others
-- as it commits, and two instances give a page the same ETag.
--
-- Triggers rather than calls in Java: whatever writes the tables (an editor's publish, a
-- round's edit, a migration, a seeder, psql) moves the version, and nothing can forget to.
-- Staged edits (pending_revision, programme_document_draft) are not public and do not.

create table catalogue_version (
    id      boolean primary key default true check (id),
    version bigint  not null
);

insert into catalogue_version (id, version) values (true, 1);

-- Once per transaction, at its commit: the triggers are deferred, so the version's row is
-- locked last, after every row the transaction changed, and two publishing transactions
-- cannot deadlock on it. A transaction-local setting marks that the work is done.
create function catalogue_changed() returns trigger language plpgsql as $$
declare
    changed bigint;
begin
    if coalesce(current_setting('prospectus.catalogue_changed', true), '') = '' then
        update catalogue_version set version = version + 1 returning version into changed;
        perform pg_notify('catalogue', changed::text);
        perform set_config('prospectus.catalogue_changed', 'yes', true);
    end if;
    return null;
end
$$;

do $$
declare
    t text;
begin
    foreach t in array array['institution', 'programme', 'programme_document', 'programme_testimonial',
            'programme_plan_entry', 'course', 'syllabus', 'syllabus_prerequisite', 'examination_module',
            'course_offering', 'offering_period', 'application_round', 'round_programme', 'career',
            'programme_career', 'guide_section', 'guide_entry'] loop
        execute format('create constraint trigger %I after insert or update or delete on %I '
                || 'deferrable initially deferred for each row execute function catalogue_changed()',
                t || '_catalogue_changed', t);
        execute format('create trigger %I after truncate on %I for each statement '
                || 'execute function catalogue_changed()', t || '_catalogue_truncated', t);
    end loop;
end
$$;
