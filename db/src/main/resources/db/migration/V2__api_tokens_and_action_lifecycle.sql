-- API tokens. Only a SHA-256 of each token is kept: a token is 256 random bits, so a plain hash is
-- as strong as a slow one and lets a request be checked with one indexed lookup.
CREATE TABLE api_token (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  name         VARCHAR(200) NOT NULL,
  token_hash   CHAR(64)     NOT NULL,
  role         VARCHAR(16)  NOT NULL,
  team_id      BIGINT,
  created_at   DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
  CONSTRAINT fk_api_token_team FOREIGN KEY (team_id) REFERENCES team (id)
);

-- Why a follow-up is not being done (required for not_doing).
ALTER TABLE action_item ADD COLUMN status_reason VARCHAR(2000);
-- Where the due date came from: the postmortem ('source'), the due-date policy ('policy') or a person
-- ('person'); a re-import or a policy change may move only the first two.
ALTER TABLE action_item ADD COLUMN due_source VARCHAR(16);
