-- A team's own due-date policy: each value overrides the global one (closeout.policy); NULL inherits it.
ALTER TABLE team ADD COLUMN corrective_days INT;
ALTER TABLE team ADD COLUMN preventative_days INT;

-- A team's per-priority due dates, days after the incident; priorities are stored lower-case.
CREATE TABLE team_due_priority (
  id       BIGINT      NOT NULL AUTO_INCREMENT,
  team_id  BIGINT      NOT NULL,
  priority VARCHAR(32) NOT NULL,
  days     INT         NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_team_due_priority UNIQUE (team_id, priority),
  CONSTRAINT fk_team_due_priority_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);
