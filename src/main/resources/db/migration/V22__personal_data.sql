-- Applicants close their accounts, staff erase on request, and the retention job deletes on
-- schedule (ADR 0019). A closed account keeps its row, emptied of who it was, only while a
-- submitted application still refers to it.

alter table applicant add column closed_at timestamptz;

alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('CREATE', 'UPDATE', 'PUBLISH', 'RETIRE', 'DELETE', 'DISCARD', 'UPLOAD',
                      'ROLE_CHANGE', 'SIGN_IN', 'SIGN_IN_FAILED',
                      'SUBMIT', 'WITHDRAW', 'STATUS_CHANGE', 'DOCUMENT_CHECK', 'DOCUMENT_REQUEST', 'NOTE',
                      'VIEW', 'DOWNLOAD', 'EXPORT', 'CLOSE_ACCOUNT', 'ERASE'));

-- What the retention job looks for, each without a scan of its whole table.
create index application_draft_activity_idx on application (updated_at) where status = 'DRAFT';
create index applicant_closed_idx on applicant (id) where closed_at is not null;
create index applicant_token_created_idx on applicant_token (created_at);
create index account_token_created_idx on account_token (created_at);
create index sign_in_attempt_attempted_idx on sign_in_attempt (attempted_at);
create index mail_request_requested_idx on mail_request (requested_at);
create index mail_outbox_recipient_idx on mail_outbox (lower(recipient));
