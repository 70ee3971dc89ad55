-- The language an institution's editors write its catalogue in (issue 29): its texts are
-- in this language, and a page in another language shows them marked with it, with a
-- note that they are not translated. Every catalogue so far was written in English.
alter table institution add column main_language varchar(35) not null default 'en'
    check (main_language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$');
