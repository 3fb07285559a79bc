-- The weekly review counts a week's creations and its status changes into or out of a closed status
-- (dev.closeout.report.WeeklyReviewQueries#events). old_value and new_value hold any field's values, a
-- follow-up's text included, so no index holds them: each of a week's events (~26k at a million follow-ups) was
-- read from the table to see whether it closed or reopened something, most of that query's time. These two
-- columns are a status change's old and new status, computed from the row and never written (virtual: adding
-- them rewrites nothing); the index below holds them, so the week's events are read from the index alone.
-- jOOQ's free parser does not read generated columns: it skips the clause between the ignore comments and
-- generates plain columns (the application never writes them); the databases run the clause.
ALTER TABLE action_event ADD COLUMN status_from VARCHAR(16)
    /* [jooq ignore start] */ GENERATED ALWAYS AS (CASE WHEN field = 'status' THEN old_value END) /* [jooq ignore stop] */;
ALTER TABLE action_event ADD COLUMN status_to VARCHAR(16)
    /* [jooq ignore start] */ GENERATED ALWAYS AS (CASE WHEN field = 'status' THEN new_value END) /* [jooq ignore stop] */;

-- Begins with ix_action_event_field_time's columns (field, occurred_at, action_id), which it replaces.
CREATE INDEX ix_action_event_field_status ON action_event (field, occurred_at, action_id, status_from, status_to);
DROP INDEX ix_action_event_field_time ON action_event;
