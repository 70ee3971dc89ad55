-- Issue 25, item 20: a pay figure names the country it describes, so that a page never
-- shows another country's pay as if it were local; and it carries a year only when its
-- source gives one (a guide that dates only its page dates no figure).
alter table career add column salary_country varchar(2) check (salary_country ~ '^[A-Z]{2}$');

-- Figures kept so far came from United States sources, in dollars.
update career set salary_country = 'US' where salary_currency = 'USD';

-- The old rule asked for a year with every figure; find it by what it says, since V13
-- left it unnamed.
do $$
declare
    rule text;
begin
    select conname into rule from pg_constraint
    where conrelid = 'career'::regclass and contype = 'c'
      and pg_get_constraintdef(oid) like '%salary_year IS NOT NULL%';
    if rule is not null then
        execute format('alter table career drop constraint %I', rule);
    end if;
end $$;

alter table career add constraint career_salary_described
    check (salary_amount is null or (salary_kind is not null and source is not null));
-- New figures must name their country; a figure kept from before in another currency
-- is left for an editor to describe.
alter table career add constraint career_salary_country
    check (salary_amount is null or salary_country is not null) not valid;
