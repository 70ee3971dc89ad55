-- An applicant's language (issue 29, ADR 0035): set at registration from the address
-- they registered at, changed when they use the other language while signed in. E-mails
-- and decision letters go out in it, whoever's action sends them. A BCP 47 tag; the
-- accounts made before languages existed registered in English.
alter table applicant add column language varchar(35) not null default 'en'
    check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$');

-- Read by decisions, which writes the decision e-mails and letters in it.
create view applicant_languages_for_decisions as
select id, language
from applicant;
