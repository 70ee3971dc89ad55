-- The key that signs the waiting room's tickets and passes (site/WaitingRoom, ADR 0027).
-- One row, made here so that every instance on this database signs alike: a ticket taken
-- from one instance keeps its place on another. 244 random bits from two version-4 UUIDs.
create table admission_key (
    id     smallint primary key check (id = 1),
    secret text not null
);

insert into admission_key (id, secret)
values (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
