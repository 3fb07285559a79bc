-- Reminders, escalations and digests (docs/notifications.md). One row per message to send: written before
-- it is sent, under a unique key, so two instances planning the same reminder write it once and a worker
-- claims it with FOR UPDATE SKIP LOCKED, as the Jira sync claims its tickets.
CREATE TABLE notification (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  -- reminder, escalation or digest
  kind            VARCHAR(16)   NOT NULL,
  -- what it is about: 'action:<id>' for a follow-up, 'team:<id>' for a team's digest, 'review' for the digest
  -- of all teams. With kind, occasion and channel the unique key: the same message is never planned twice.
  subject_key     VARCHAR(64)   NOT NULL,
  -- when: a reminder's or escalation's due date and send day ('due 2026-12-10 day 2026-12-14'), a digest's
  -- week ('2026-W49'; a forced resend adds its time)
  occasion        VARCHAR(64)   NOT NULL,
  -- email, slack, webhook; none when nobody could be reached (state skipped, reason says why)
  channel         VARCHAR(16)   NOT NULL,
  action_id       BIGINT,
  team_id         BIGINT,
  -- the e-mail address(es); for slack and webhook which of the team's settings holds the URL ('team',
  -- 'escalation'): never the URL itself, which carries its secret
  recipient       VARCHAR(1000),
  -- the due date a reminder was planned for (a moved due date makes it stale) and its distance from it in days
  due_date        DATE,
  offset_days     INT,
  -- the day, in the team's zone, the message is for: what the planner looks up to plan each day once
  send_day        DATE          NOT NULL,
  -- pending: to send; sent; failed: refused for good (reason); skipped: not sent (reason)
  state           VARCHAR(16)   NOT NULL,
  reason          VARCHAR(2000),
  attempts        INT           NOT NULL DEFAULT 0,
  -- a pending row is taken when this has passed; a worker that claims it pushes it forward (a lease)
  next_attempt_at DATETIME(6)   NOT NULL,
  sent_at         DATETIME(6),
  created_at      DATETIME(6)   NOT NULL,
  updated_at      DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_notification_occasion UNIQUE (subject_key, kind, occasion, channel),
  CONSTRAINT fk_notification_action FOREIGN KEY (action_id) REFERENCES action_item (id) ON DELETE CASCADE,
  CONSTRAINT fk_notification_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);

-- The worker's claim: WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id
-- FOR UPDATE SKIP LOCKED, served in order so a worker locks only the rows it takes.
CREATE INDEX ix_notification_queue ON notification (state, next_attempt_at, id);
-- The planner's look at what a day already has, and the API's lists by follow-up and by team.
CREATE INDEX ix_notification_day ON notification (send_day, kind);
CREATE INDEX ix_notification_action ON notification (action_id, id);
CREATE INDEX ix_notification_team ON notification (team_id, id);
