-- Counts changes to what a member of staff may do (roles, disabling, a new password). A
-- signed-in session remembers the count it started with; every instance compares it on
-- each staff request, so such a change ends the person's sessions everywhere, not only
-- on the instance that made it.

alter table staff_user add column access_epoch bigint not null default 0;
