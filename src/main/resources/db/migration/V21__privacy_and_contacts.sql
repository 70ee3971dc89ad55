-- What the privacy notices, the contact page and the retention jobs take from data, per
-- institution (ADR 0019), and the declaration each application was submitted under.

alter table institution
    add column admissions_email             varchar(254),
    add column admissions_phone             varchar(40),
    add column postal_address               text,
    add column privacy_contact              varchar(254),
    -- Months, with the defaults the privacy notice states unless an institution sets its own.
    add column retention_draft_months        integer not null default 6
        check (retention_draft_months between 1 and 120),
    add column retention_unsuccessful_months integer not null default 12
        check (retention_unsuccessful_months between 1 and 120),
    add column retention_admitted_months     integer not null default 24
        check (retention_admitted_months between 1 and 120);

alter table application
    add column declaration_version varchar(20),
    add column declared_at         timestamptz;
