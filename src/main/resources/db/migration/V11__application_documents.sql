-- Documents an applicant uploads with an application: transcripts, certificates, the
-- passport, a CV and the fee receipt or exemption evidence. Each file was checked by its
-- content (PDF, JPEG or PNG) before it was stored; the name is the server's, never the
-- uploader's. The database computes the SHA-256, so it always matches the content.
-- At most 20 per application: counted while the application row is locked.

create table application_document (
    id               uuid         primary key,
    application_id   uuid         not null references application (id) on delete cascade,
    kind             varchar(30)  not null
        check (kind in ('TRANSCRIPT', 'DEGREE_CERTIFICATE', 'PASSPORT', 'CV', 'FEE_RECEIPT', 'FEE_EXEMPTION')),
    stored_name      varchar(100) not null,
    content_type     varchar(50)  not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size             bigint       not null check (size > 0 and size <= 10485760),
    sha256           varchar(64)  not null generated always as (encode(sha256(content), 'hex')) stored,
    content          bytea        not null,
    uploaded_at      timestamptz  not null,
    after_submission boolean      not null default false,
    unique (application_id, stored_name),
    check (size = octet_length(content))
);

create index application_document_application_idx on application_document (application_id, uploaded_at);
