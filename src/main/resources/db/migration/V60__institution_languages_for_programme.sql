-- A course's page lists the programmes that hold it, each titled in the page's language
-- where translated, else marked with its institution's main language (issue 29).
create view institution_languages_for_programme as
select id, main_language from institution;
