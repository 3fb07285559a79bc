-- Jira sync (docs/jira.md). One row per follow-up that has, or is to get, a ticket: the outbox of the
-- ticket's creation and, once created, the link to it. Written in the transaction that creates the
-- follow-up, so no follow-up is ever left without its queued ticket.
CREATE TABLE jira_ticket (
  action_id        BIGINT        NOT NULL,
  -- pending: work to do (create, link, or push a change); synced: nothing to do; failed: a permanent
  -- error, left alone until the configuration or the follow-up changes
  state            VARCHAR(16)   NOT NULL,
  -- Jira's id never changes; the key does when the issue moves to another project
  issue_id         VARCHAR(32),
  issue_key        VARCHAR(64),
  attempts         INT           NOT NULL DEFAULT 0,
  last_error       VARCHAR(2000),
  -- a create was sent and no answer says whether it happened: search by label before creating again
  create_uncertain BOOLEAN       NOT NULL DEFAULT FALSE,
  uncertain_since  DATETIME(6),
  -- a pending row is taken when this has passed; a worker that claims it pushes it forward (a lease)
  next_attempt_at  DATETIME(6)   NOT NULL,
  -- changes made in Closeout (status, due, owner) that Jira has not seen yet
  push_pending     BOOLEAN       NOT NULL DEFAULT FALSE,
  -- the remote link back to the postmortem is made after the create; true until it is there
  link_pending     BOOLEAN       NOT NULL DEFAULT FALSE,
  -- the ticket is gone from Jira (deleted, or hidden from the account): never recreated behind anyone's back
  issue_deleted    BOOLEAN       NOT NULL DEFAULT FALSE,
  -- what the configuration looked like when the row failed: a change of it queues the row again
  config_hash      CHAR(64),
  -- Jira's `updated` (epoch milliseconds) of the last state applied here: older reads are ignored. Not a
  -- DATETIME: MariaDB through Connector/J drops fractions, and two changes in one second must still order.
  jira_updated_ms  BIGINT,
  last_synced_at   DATETIME(6),
  created_at       DATETIME(6)   NOT NULL,
  updated_at       DATETIME(6)   NOT NULL,
  PRIMARY KEY (action_id),
  CONSTRAINT fk_jira_ticket_action FOREIGN KEY (action_id) REFERENCES action_item (id) ON DELETE CASCADE
);

-- The sync worker's claim: WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at,
-- action_id LIMIT n FOR UPDATE SKIP LOCKED. Served by this index in order, so a worker locks only the rows
-- it takes.
CREATE INDEX ix_jira_ticket_queue ON jira_ticket (state, next_attempt_at, action_id);
CREATE UNIQUE INDEX uq_jira_ticket_issue ON jira_ticket (issue_id);

-- Webhook deliveries already taken, by X-Atlassian-Webhook-Identifier: Jira re-sends a delivery with the
-- same identifier.
CREATE TABLE jira_webhook_delivery (
  identifier   VARCHAR(128) NOT NULL,
  received_at  DATETIME(6)  NOT NULL,
  PRIMARY KEY (identifier)
);

CREATE INDEX ix_jira_webhook_delivery_received ON jira_webhook_delivery (received_at);

-- Owner e-mail → Jira user, so a user search runs once per person. account_id NULL: no single active
-- user has that address (the follow-up's ticket stays unassigned); looked up again after a while.
CREATE TABLE jira_user (
  email        VARCHAR(200) NOT NULL,
  account_id   VARCHAR(128),
  display_name VARCHAR(200),
  resolved_at  DATETIME(6)  NOT NULL,
  PRIMARY KEY (email)
);

-- Passes shared by every instance: when the last reconciliation started, so the next one reads from
-- there (with overlap) whichever instance runs it.
CREATE TABLE jira_sync_pass (
  name        VARCHAR(32)  NOT NULL,
  started_at  DATETIME(6)  NOT NULL,
  finished_at DATETIME(6),
  PRIMARY KEY (name)
);

-- A team's Jira mapping beyond its project (team.jira_project): what its tickets are created with. NULL
-- takes closeout.jira.teams.<team-key>.* from the configuration, then the global defaults.
CREATE TABLE team_jira (
  team_id               BIGINT        NOT NULL,
  issue_type            VARCHAR(64),
  labels                VARCHAR(1000),
  components            VARCHAR(1000),
  -- JSON object: Closeout priority (lower-case) → Jira priority name
  priority_map          VARCHAR(2000),
  -- JSON object: Jira field id → value template
  custom_fields         VARCHAR(4000),
  -- comma-separated Jira resolution names that mean not_doing
  not_doing_resolutions VARCHAR(1000),
  PRIMARY KEY (team_id),
  CONSTRAINT fk_team_jira_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);
