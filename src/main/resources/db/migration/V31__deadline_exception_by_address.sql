-- A deadline exception belongs to an e-mail address, not to an account (issue 25): granting
-- one answers the same whether or not the address has an account, and the exception holds
-- for whoever registers with the address and applies. The address is stored in the portal's
-- canonical spelling (support.Emails), the spelling applicant accounts are stored under.
alter table deadline_exception add column email varchar(254);
update deadline_exception e set email = lower(p.email) from applicant p where p.id = e.applicant_id;
alter table deadline_exception drop constraint deadline_exception_pkey;
alter table deadline_exception drop column applicant_id;
alter table deadline_exception alter column email set not null;
alter table deadline_exception add primary key (round_id, email, kind);
