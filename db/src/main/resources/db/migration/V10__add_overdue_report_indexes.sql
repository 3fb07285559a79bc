-- The overdue report (docs/reports.md, "Overdue"). Its counts read every active follow-up due up to a week
-- ahead, by team, owner, priority, kind and postmortem: these indexes hold all of those columns, so the counts
-- are read from the index alone, for one team (ix_action_team_overdue) or for all (ix_action_overdue). Its pages
-- read one status at a time in (due_date, id) order from the same indexes, stopping at the page's end.
CREATE INDEX ix_action_overdue ON action_item (status, removed_from_source, due_date, id, team_id, owner, priority,
                                               kind, postmortem_id);
CREATE INDEX ix_action_team_overdue ON action_item (team_id, status, removed_from_source, due_date, id, owner,
                                                    priority, kind, postmortem_id);
