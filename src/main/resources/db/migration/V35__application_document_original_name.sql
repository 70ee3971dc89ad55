-- The name a document had on the applicant's computer, so that their pages can show which
-- file is which (issue 25). The server's own name (stored_name) stays the name it is
-- downloaded under; this one is only shown, escaped. Documents uploaded before have none.
alter table application_document add column original_name varchar(200);
