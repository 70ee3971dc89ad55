-- A round made on the new-round page is a draft until it is first published: the values on
-- its row are then nobody's published values, and the staff pages must not call them so.
-- Rounds that exist already count as published, unless they admit to no programme and the
-- audit log has no publication of them.
alter table application_round add column ever_published boolean not null default true;

update application_round r
   set ever_published = false
 where not exists (select 1 from round_programme p where p.round_id = r.id)
   and not exists (select 1 from audit_event e
                    where e.entity_type = 'application-round' and e.entity_id = r.id and e.action = 'PUBLISH');
