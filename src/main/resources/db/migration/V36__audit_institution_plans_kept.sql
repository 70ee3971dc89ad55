-- The institution of an audited record (V23), as PL/pgSQL: an SQL function whose body
-- holds sub-selects is never inlined, so PostgreSQL planned all eight of them again on
-- every audit insert (about 1 ms, four times per application, issue 26). PL/pgSQL runs
-- only the branch that applies and keeps each branch's plan for the connection's life.
-- Same signature, same answers.
create or replace function audit_institution(kind varchar, ref bigint, ref_uuid uuid) returns bigint
language plpgsql stable as $$
begin
    if kind = 'institution' then
        return ref;
    elsif kind in ('programme', 'programme-document') then
        return (select institution_id from programme where id = ref);
    elsif kind = 'course' then
        return (select institution_id from course where id = ref);
    elsif kind = 'syllabus' then
        return (select c.institution_id from syllabus s join course c on c.id = s.course_id where s.id = ref);
    elsif kind = 'course-offering' then
        return (select c.institution_id from course_offering o join course c on c.id = o.course_id
                where o.id = ref);
    elsif kind = 'application-round' then
        return (select institution_id from application_round where id = ref);
    elsif kind = 'application' then
        return (select r.institution_id from application a join application_round r on r.id = a.round_id
                where a.id = ref_uuid);
    end if;
    return null;
end
$$;
