-- The course plan belongs to a year of entry too (issue 28, ADR 0034). A plan row without
-- an entry_year is the programme's current year's, as every existing row is; a row with
-- one belongs to that other year (next year's, prepared ahead, or a past one). A course
-- appears once per year, term and year of study of each year of entry.
alter table programme_plan_entry add column entry_year integer check (entry_year between 1900 and 2999);
alter table programme_plan_entry drop constraint programme_plan_entry_programme_id_course_id_study_year_term_key;
create unique index programme_plan_entry_unique
    on programme_plan_entry (programme_id, coalesce(entry_year, 0), course_id, study_year, term);
create index programme_plan_entry_year_idx on programme_plan_entry (programme_id, entry_year) where entry_year is not null;
