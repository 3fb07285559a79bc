-- Recurring causes (docs/reports.md, "Recurring causes") at 100,000 postmortems and a million follow-ups:
-- the history of reopened follow-ups in a form the report reads without action_event, and covering indexes.

-- The periods a follow-up spent closed (done or not_doing) before it was reopened. A follow-up's state on an
-- earlier day is its current state (status, created_at, closed_at) except within these periods. action_event
-- holds the same history, but its values are VARCHAR(4000), which no index over all three databases can
-- hold, so finding the reopens there means reading every status event. Written in the transaction of the
-- reopen (dev.closeout.report.ReopenedFollowups); filled below from action_event for earlier reopens.
CREATE TABLE action_closed_period (
  id            BIGINT      NOT NULL AUTO_INCREMENT,
  action_id     BIGINT      NOT NULL,
  postmortem_id BIGINT      NOT NULL,
  status        VARCHAR(16) NOT NULL,
  closed_at     DATETIME(6) NOT NULL,
  reopened_at   DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_action_closed_period_action FOREIGN KEY (action_id) REFERENCES action_item (id) ON DELETE CASCADE
);

-- the report reads the periods of a range of postmortems, from the index alone
CREATE INDEX ix_action_closed_period_postmortem
  ON action_closed_period (postmortem_id, action_id, closed_at, reopened_at, status);

-- True once a follow-up has been reopened: its history is then more than its current state.
ALTER TABLE action_item ADD COLUMN reopened BOOLEAN NOT NULL DEFAULT FALSE;

-- Each reopen (a status event from a closed status back to an active one) ends the period that began with
-- the latest event that moved the follow-up into that closed status; events order by (time, id).
INSERT INTO action_closed_period (action_id, postmortem_id, status, closed_at, reopened_at)
SELECT reopen.action_id, item.postmortem_id, reopen.old_value,
       COALESCE((SELECT MAX(closing.occurred_at) FROM action_event closing
                 WHERE closing.action_id = reopen.action_id AND closing.field = 'status'
                   AND closing.new_value = reopen.old_value AND closing.id < reopen.id), reopen.occurred_at),
       reopen.occurred_at
FROM action_event reopen
JOIN action_item item ON item.id = reopen.action_id
WHERE reopen.field = 'status' AND reopen.old_value IN ('done', 'not_doing')
  AND reopen.new_value IN ('open', 'in_progress');

UPDATE action_item SET reopened = TRUE WHERE id IN (SELECT action_id FROM action_closed_period);

-- The report's follow-up counts and histories, per postmortem and creation time, read from the index alone
-- (reopened ones first by themselves); one team's follow-ups are filtered inside it.
CREATE INDEX ix_action_recurring
  ON action_item (reopened, removed_from_source, postmortem_id, created_at, team_id, status, closed_at);

-- A team's postmortems (PostmortemScope.visibleTo: the postmortems with one of its follow-ups) from the index.
CREATE INDEX ix_action_team_postmortem ON action_item (team_id, postmortem_id);

-- The report's incidents in a window of incident dates (incident start, else import time), from the index
-- alone: a full row carries the original text, so reading rows means reading every text. Its key is
-- 3,072 bytes in utf8mb4, the most MySQL and MariaDB take.
CREATE INDEX ix_postmortem_recurring
  ON postmortem (incident_start, created_at, root_cause_component, root_cause_trigger, service, title);

-- The similar-incidents index catches up with postmortems stored by other instances and the command line.
CREATE INDEX ix_postmortem_updated ON postmortem (updated_at, id);
