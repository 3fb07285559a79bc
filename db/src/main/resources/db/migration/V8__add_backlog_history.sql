-- The backlog's history (docs/reports.md, "Backlog history"): per day of the reports' calendar (as_of) and per
-- team, the follow-ups active and overdue at the end of that day, and those created, closed (done, not_doing) and
-- reopened on it. Written by a scheduled job on every instance (an idempotent upsert: two instances writing the
-- same day write the same numbers) and backfilled from action_event on first start and whenever days are
-- missing. team_id 0 holds the follow-ups of no team, so the key stays a plain primary key (a NULL cannot be
-- part of one); no foreign key for that reason.
CREATE TABLE backlog_day (
  as_of           DATE         NOT NULL,
  team_id         BIGINT       NOT NULL,
  open_count      INT          NOT NULL,
  overdue_count   INT          NOT NULL,
  created_count   INT          NOT NULL,
  done_count      INT          NOT NULL,
  not_doing_count INT          NOT NULL,
  reopened_count  INT          NOT NULL,
  -- the zone of closeout.reports.time-zone the day was counted in: a change of the setting rebuilds all days
  time_zone       VARCHAR(64)  NOT NULL,
  -- when the row was counted (UTC): a day is final once counted after it ended; until then it is recounted
  computed_at     DATETIME(6)  NOT NULL,
  PRIMARY KEY (as_of, team_id)
);

-- Events of one kind in a time window: the weekly review reads the creations, closings and reopenings of its
-- week, and the history job finds the follow-ups that changed since a day.
CREATE INDEX ix_action_event_field_time ON action_event (field, occurred_at, action_id);

-- A follow-up's lifecycle columns, so that counting follow-ups by status and team reads this index and never the
-- rows (whose texts make a scan of a million of them ten times the reading): the history's count of the active
-- follow-ups per team and due date, and the follow-up metrics' one grouped query.
CREATE INDEX ix_action_lifecycle ON action_item (status, removed_from_source, team_id, due_date, created_at, closed_at);
