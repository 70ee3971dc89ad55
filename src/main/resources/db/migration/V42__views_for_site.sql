-- Views through which site reads other modules' rows (ADR 0032).

-- site keeps an editor out of another institution's catalogue records, whatever the
-- spelling of the id in the address: it asks which institution owns the record.
create view programme_institutions_for_site as
select id, institution_id from programme;

create view course_institutions_for_site as
select id, institution_id from course;

create view intake_round_institutions_for_site as
select id, institution_id from application_round;

create view institution_ids_for_site as
select id from institution;

-- site's contact page lists the published programmes that name a contact.
create view programme_contacts_for_site as
select id, institution_id, slug, title, lead_name, contact_email
from programme
where state = 'PUBLISHED' and contact_email is not null;

-- site's page cache reads the catalogue's version when PostgreSQL says it changed.
create view staging_version_for_site as
select version from catalogue_version;
