-- A team's own notification settings (docs/notifications.md), set through the team API like its Jira mapping
-- (team_jira, V5). NULL takes the configuration's (closeout.notify.*) where it has one; a team that sets nothing
-- has no row. Plain VARCHARs rather than JSON or TEXT columns: MySQL 8, MariaDB and H2 (MySQL mode) read them
-- alike, jOOQ's DDLDatabase parses them, and the sizes are the limits the API checks (TeamNotifySettings).
CREATE TABLE team_notify (
  team_id            BIGINT        NOT NULL,
  -- region id (Europe/Berlin) of the local time reminders and digests go at; NULL: closeout.notify.time-zone
  time_zone          VARCHAR(64),
  -- the team's own address, told of follow-ups whose owner has none
  email              VARCHAR(320),
  -- Slack incoming webhook and generic webhook: secrets, their token is in the path; the API shows only
  -- scheme://host/…
  slack_webhook_url  VARCHAR(1000),
  webhook_url        VARCHAR(1000),
  -- told of follow-ups overdue too long: an e-mail address or a Slack-compatible incoming webhook (a secret)
  escalation_contact VARCHAR(1000),
  -- JSON object: owner name as follow-ups name it → e-mail address
  members            VARCHAR(8000),
  -- comma-separated offsets from the due date, "-3d,0d,+1d"; NULL: closeout.notify.reminder-offsets
  reminder_offsets   VARCHAR(200),
  PRIMARY KEY (team_id),
  CONSTRAINT fk_team_notify_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);
