-- A referee may attach a PDF to their reference (issue 30), checked as every application
-- document is. Owner: references. The content lives in its own table, so that reading a
-- request (the status page, the staff pages) never loads it; it goes with its request.
alter table reference_request add column document_name varchar(255);
alter table reference_request add column document_size bigint;

create table reference_document (
    request_id  bigint primary key references reference_request (id) on delete cascade,
    content     bytea  not null
);
