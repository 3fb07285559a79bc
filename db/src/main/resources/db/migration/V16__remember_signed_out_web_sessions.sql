-- Web sessions ended by sign-out (docs/dashboard.md, "Signing in"). A session cookie is signed, not stored, so
-- every instance accepts it until it expires; signing out writes its session id here so that every instance
-- refuses it from then on, not only the one that answered POST /logout. A row is needed only until the cookie
-- would have expired anyway, and is deleted after that.
CREATE TABLE web_session_end (
  session_id VARCHAR(32)  NOT NULL,
  expires_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (session_id)
);

CREATE INDEX ix_web_session_end_expiry ON web_session_end (expires_at);
