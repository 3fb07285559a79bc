-- Closeout's schema. Written in the SQL that MySQL 8, MariaDB 10.6+ and H2 (MySQL mode) all accept,
-- and that jOOQ's DDLDatabase can parse: indexes are separate CREATE INDEX statements.
-- Times are UTC. MariaDB through Connector/J loses fractional seconds, so ordering is by (time, id).

CREATE TABLE team (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  team_key      VARCHAR(64)  NOT NULL,
  name          VARCHAR(200) NOT NULL,
  default_owner VARCHAR(200),
  jira_project  VARCHAR(64),
  created_at    DATETIME(6)  NOT NULL,
  updated_at    DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_team_key UNIQUE (team_key)
);

-- A service belongs to at most one team; a postmortem's service routes its actions to that team.
CREATE TABLE team_service (
  service_name VARCHAR(200) NOT NULL,
  team_id      BIGINT       NOT NULL,
  PRIMARY KEY (service_name),
  CONSTRAINT fk_team_service_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);

CREATE INDEX ix_team_service_team ON team_service (team_id);

CREATE TABLE postmortem (
  id                   BIGINT        NOT NULL AUTO_INCREMENT,
  source_ref           VARCHAR(500),
  title                VARCHAR(500),
  service              VARCHAR(200),
  format               VARCHAR(32),
  -- start/end are UTC when the text gave a zone (kept in incident_zone), else the local time as written
  incident_start       DATETIME(6),
  incident_end         DATETIME(6),
  incident_zone        VARCHAR(64),
  duration_minutes     INT,
  impact_percent       DECIMAL(5, 2),
  root_cause_summary   VARCHAR(2000),
  root_cause_component VARCHAR(32),
  root_cause_trigger   VARCHAR(32),
  original_text        MEDIUMTEXT    NOT NULL,
  content_hash         CHAR(64)      NOT NULL,
  created_at           DATETIME(6)   NOT NULL,
  updated_at           DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_postmortem_content_hash UNIQUE (content_hash)
);

CREATE INDEX ix_postmortem_source_ref ON postmortem (source_ref);
CREATE INDEX ix_postmortem_component_start ON postmortem (root_cause_component, incident_start);
CREATE INDEX ix_postmortem_trigger_start ON postmortem (root_cause_trigger, incident_start);
CREATE INDEX ix_postmortem_start ON postmortem (incident_start);
CREATE INDEX ix_postmortem_created ON postmortem (created_at, id);

CREATE TABLE action_item (
  id                  BIGINT        NOT NULL AUTO_INCREMENT,
  postmortem_id       BIGINT        NOT NULL,
  position            INT           NOT NULL,
  text                VARCHAR(4000) NOT NULL,
  kind                VARCHAR(16),
  group_name          VARCHAR(200),
  owner               VARCHAR(200),
  team_id             BIGINT,
  due_date            DATE,
  priority            VARCHAR(32),
  status              VARCHAR(16)   NOT NULL,
  ticket_ref          VARCHAR(200),
  source_line         INT,
  removed_from_source BOOLEAN       NOT NULL DEFAULT FALSE,
  created_at          DATETIME(6)   NOT NULL,
  updated_at          DATETIME(6)   NOT NULL,
  closed_at           DATETIME(6),
  version             BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT fk_action_item_postmortem FOREIGN KEY (postmortem_id) REFERENCES postmortem (id),
  CONSTRAINT fk_action_item_team FOREIGN KEY (team_id) REFERENCES team (id)
);

CREATE INDEX ix_action_postmortem ON action_item (postmortem_id, position);
CREATE INDEX ix_action_status_due ON action_item (status, due_date, id);
CREATE INDEX ix_action_team_status_due ON action_item (team_id, status, due_date);
CREATE INDEX ix_action_owner_status_due ON action_item (owner, status, due_date);

-- Every change to an action, its creation included: reports (closure rate, time to close) read this.
CREATE TABLE action_event (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  action_id   BIGINT        NOT NULL,
  field       VARCHAR(32)   NOT NULL,
  old_value   VARCHAR(4000),
  new_value   VARCHAR(4000),
  actor       VARCHAR(200)  NOT NULL,
  occurred_at DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_action_event_action FOREIGN KEY (action_id) REFERENCES action_item (id)
);

CREATE INDEX ix_action_event_action ON action_event (action_id, occurred_at, id);
