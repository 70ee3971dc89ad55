-- A course description document uploaded by staff waits here until the programme is
-- published; only then is it copied over the public one (programme_document). The file
-- was checked as a PDF before it was stored; the name is the server's, never the
-- uploader's. The SHA-256 of each document (hex, to tell versions apart in the audit
-- log) is computed by the database, so it always matches the content.

create table programme_document_draft (
    programme_id bigint       primary key references programme (id) on delete cascade,
    filename     varchar(200) not null,
    size         bigint       not null check (size > 0),
    content_type varchar(100) not null,
    content      bytea        not null,
    sha256       varchar(64)  not null generated always as (encode(sha256(content), 'hex')) stored,
    uploaded_at  timestamptz  not null,
    uploaded_by  bigint       references staff_user (id) on delete set null,
    check (size = octet_length(content))
);

alter table programme_document
    add column sha256 varchar(64) not null generated always as (encode(sha256(content), 'hex')) stored;
