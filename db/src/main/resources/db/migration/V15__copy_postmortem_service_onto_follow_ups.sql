-- The overdue report counts follow-ups by their postmortem's service. Read through the postmortem, that count
-- grouped every overdue follow-up by postmortem and looked each postmortem up: 256-288 ms of the every-team
-- report at a million follow-ups (docs/reports.md, "Cost at a million follow-ups"). A copy of the service on each
-- follow-up, held in the overdue indexes, lets that count read the index alone like the team and owner counts.
-- The copy is written with the follow-up (dev.closeout.action.NewActions) and rewritten whenever the
-- postmortem's service changes, by a correction or a re-import (dev.closeout.action.FollowupServices).
ALTER TABLE action_item ADD COLUMN postmortem_service VARCHAR(200);
UPDATE action_item SET postmortem_service = (SELECT service FROM postmortem WHERE postmortem.id = action_item.postmortem_id);

DROP INDEX ix_action_overdue ON action_item;
DROP INDEX ix_action_team_overdue ON action_item;
CREATE INDEX ix_action_overdue ON action_item (status, removed_from_source, due_date, id, team_id, owner, priority,
                                               kind, postmortem_id, postmortem_service);
CREATE INDEX ix_action_team_overdue ON action_item (team_id, status, removed_from_source, due_date, id, owner,
                                                    priority, kind, postmortem_id, postmortem_service);
