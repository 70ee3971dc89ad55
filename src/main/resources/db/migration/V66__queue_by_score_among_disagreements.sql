-- The admissions queue by review score (issue 30), as measured at a million applications
-- (docs/benchmarks.md).

-- V64's score indexes again, with the score itself beside the key: PostgreSQL reads an
-- expression index without the table only when every column the query names is in it,
-- and the score band names review_score. The count of a band, which stops at 10,001, then
-- reads the index alone: 4 ms for a band of 245,000, where it read the table (47 ms).
drop index application_queue_score_idx;
create index application_queue_score_idx on application (coalesce(review_score, -1) desc, id)
    include (review_score) where submitted_at is not null;
drop index application_queue_round_score_idx;
create index application_queue_round_score_idx on application (round_id, coalesce(review_score, -1) desc, id)
    include (review_score) where submitted_at is not null;

-- The applications whose reads disagree, highest score first: their scores sit in the
-- middle, where two reads far apart meet, so reading the score index from the top for
-- them skipped about a hundred thousand rows (0.7 s). Small: only the disagreeing ones.
create index application_queue_disagree_score_idx on application (coalesce(review_score, -1) desc, id)
    where submitted_at is not null and reads_disagree;

-- The planner takes no statistics from a partial index's expression, and the score
-- indexes are partial: without these, every condition on the score (a band, the rest of
-- the queue after a page's last score) was estimated at a third of the table, and the
-- planner read a small table from end to end for the page after a cursor.
create statistics application_review_score_stats on (coalesce(review_score, -1)) from application;
analyze application;
