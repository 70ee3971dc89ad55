-- A round's reply-by milestone (issue 16): the last instant an applicant may accept or
-- decline an offer; unanswered offers are declined then. Optional, as a round that makes
-- no offers to reply to has none; when set, after the results and before studies start.
alter table application_round add column reply_by_at timestamptz;
alter table application_round add constraint application_round_reply_by_order
    check (reply_by_at is null or (reply_by_at > notification_at and reply_by_at < studies_start_at));
