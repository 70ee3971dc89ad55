-- Places and reserve lists (issue 16). A programme has a number of places in a round,
-- which offers holding a place (open or accepted) count against; its reserve list is
-- ranked; and a round says whether a freed place goes to the next on the list at once or
-- after staff confirm. Admissions data, not catalogue data: no public page reads these,
-- and a round's publishing never rewrites them.

create table programme_places (
    round_id     bigint  not null references application_round (id) on delete cascade,
    programme_id bigint  not null references programme (id) on delete cascade,
    places       integer not null check (places between 0 and 100000),
    primary key (round_id, programme_id)
);

create table round_promotion (
    round_id  bigint  primary key references application_round (id) on delete cascade,
    automatic boolean not null
);

-- The reserve list's order: lower first. Gaps are allowed; ties fall back to the decision's
-- time and the id.
alter table application add column reserve_rank integer;

update application a
   set reserve_rank = ranked.n
  from (select id, row_number() over (partition by round_id, decision_programme_id order by decided_at, id) as n
          from application where status = 'RESERVE') ranked
 where a.id = ranked.id;

create index application_reserve_idx on application (round_id, decision_programme_id, reserve_rank, decided_at, id)
    where status = 'RESERVE';

-- An offer made from the reserve list, which has a reply window of its own.
alter table offer add column promoted boolean not null default false;
