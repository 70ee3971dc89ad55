-- Each audit event names the institution whose record it is about, so that an institution's
-- administrator reads their institution's audit log and no other's (ADR 0018). The function
-- maps an event's record to its institution; events on staff accounts and applicant
-- accounts carry the institution they were made for, given by the code that records them.

create function audit_institution(kind varchar, ref bigint, ref_uuid uuid) returns bigint
language sql stable as $$
    select case kind
        when 'institution' then ref
        when 'programme' then (select institution_id from programme where id = ref)
        when 'programme-document' then (select institution_id from programme where id = ref)
        when 'course' then (select institution_id from course where id = ref)
        when 'syllabus' then (select c.institution_id from syllabus s join course c on c.id = s.course_id
                              where s.id = ref)
        when 'course-offering' then (select c.institution_id from course_offering o
                                     join course c on c.id = o.course_id where o.id = ref)
        when 'application-round' then (select institution_id from application_round where id = ref)
        when 'application' then (select r.institution_id from application a
                                 join application_round r on r.id = a.round_id where a.id = ref_uuid)
    end
$$;

alter table audit_event add column institution_id bigint;

update audit_event set institution_id = audit_institution(entity_type, entity_id, entity_uuid)
 where entity_type is not null;

create index audit_event_institution_idx on audit_event (institution_id, occurred_at desc, id desc)
    where institution_id is not null;
