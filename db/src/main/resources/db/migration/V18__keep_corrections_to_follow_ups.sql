-- Corrections people make to what the extraction found, kept and reusable (docs/api.md, "Corrections"): a
-- follow-up the extraction missed, added by a person; one it found that is no follow-up, dismissed by a person;
-- and what a postmortem's labels (GET /api/postmortems/{id}/labels) need to tell the text's values from defaults.

-- Where a follow-up came from: 'engine' (extracted from the postmortem's text) or 'person' (added through
-- POST /api/postmortems/{id}/actions). A re-import never flags a person's follow-up removed from the text, and
-- takes the text's copy of it, once the text has one, for that follow-up rather than adding it again.
ALTER TABLE action_item ADD COLUMN origin VARCHAR(16) NOT NULL DEFAULT 'engine';

-- Where the owner came from, as due_source says of the due date: 'source' (named in the postmortem), 'team'
-- (the team's default owner), 'person' (set through the API, or in the issue tracker). A postmortem's labels
-- name an owner the text or a person named, not a default.
ALTER TABLE action_item ADD COLUMN owner_source VARCHAR(16);

-- Until now only a change left an owner event; an owner without one was the text's, or the team's default.
UPDATE action_item SET owner_source = CASE
    WHEN owner IS NULL THEN NULL
    WHEN EXISTS (SELECT 1 FROM action_event WHERE action_event.action_id = action_item.id
                                              AND action_event.field = 'owner') THEN 'person'
    WHEN owner = (SELECT team.default_owner FROM team WHERE team.id = action_item.team_id) THEN 'team'
    ELSE 'source' END;

-- A person said this is no follow-up (POST /api/actions/{id}/dismiss, with a reason): it leaves the lists, the
-- reports and the Jira sync, stays in the history, and a re-import of the same text does not bring it back.
-- POST /api/actions/{id}/restore undoes it. Set and cleared with a "dismissed" event in action_event.
ALTER TABLE action_item ADD COLUMN dismissed BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE action_item ADD COLUMN dismissal_reason VARCHAR(2000);

-- The reports count follow-ups that are neither removed from their postmortem nor dismissed
-- (dev.closeout.report.FollowupRules#counted) from these covering indexes alone (V8, V9, V10, V15): each takes the
-- new flag right after removed_from_source, so their counts still read no row.
DROP INDEX ix_action_overdue ON action_item;
DROP INDEX ix_action_team_overdue ON action_item;
CREATE INDEX ix_action_overdue ON action_item (status, removed_from_source, dismissed, due_date, id, team_id, owner,
                                               priority, kind, postmortem_id, postmortem_service);
CREATE INDEX ix_action_team_overdue ON action_item (team_id, status, removed_from_source, dismissed, due_date, id,
                                                    owner, priority, kind, postmortem_id, postmortem_service);

DROP INDEX ix_action_lifecycle ON action_item;
CREATE INDEX ix_action_lifecycle ON action_item (status, removed_from_source, dismissed, team_id, due_date, created_at,
                                                 closed_at);

DROP INDEX ix_action_recurring ON action_item;
CREATE INDEX ix_action_recurring
  ON action_item (reopened, removed_from_source, dismissed, postmortem_id, created_at, team_id, status, closed_at);
