-- An application to programmes that charge no application fee owes none.
alter table application drop constraint application_fee_status_check;
alter table application add constraint application_fee_status_check
    check (fee_status in ('EXEMPT', 'PAID', 'DUE', 'NONE'));
