-- Staff belong to institutions, with a role in each (ADR 0018). A role in staff_role holds
-- at every institution: that is a portal-wide member of staff, which every account made
-- before this migration stays, so that no deployment loses access on upgrade. ADMIN in one
-- institution is that institution's administrator; ADMIN in staff_role is the portal's.

create table staff_membership (
    staff_user_id  bigint      not null references staff_user (id) on delete cascade,
    institution_id bigint      not null references institution (id) on delete cascade,
    role           varchar(20) not null check (role in ('ADMIN', 'EDITOR', 'ADMISSIONS')),
    primary key (staff_user_id, institution_id, role)
);

create index staff_membership_institution_idx on staff_membership (institution_id);
