-- Staff and applicants are throttled apart. Applicants' attempts used to be told apart
-- by an 'applicant:' prefix on the key, which a staff sign-in could type too.
alter table sign_in_attempt add column audience varchar(10) not null default 'STAFF';

update sign_in_attempt
   set audience = 'APPLICANT', account_key = substr(account_key, length('applicant:') + 1)
 where account_key like 'applicant:%';

alter table sign_in_attempt alter column audience drop default;
alter table sign_in_attempt add constraint sign_in_attempt_audience_check
    check (audience in ('STAFF', 'APPLICANT'));

drop index sign_in_attempt_account_idx;
drop index sign_in_attempt_address_idx;
create index sign_in_attempt_account_idx on sign_in_attempt (audience, account_key, attempted_at);
create index sign_in_attempt_address_idx on sign_in_attempt (audience, address, attempted_at);
