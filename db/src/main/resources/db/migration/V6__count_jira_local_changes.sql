-- Changes made in Closeout to what a ticket carries (status, due, owner), counted. A worker remembers the
-- count when it reads the follow-up to push it and marks the row synced only if the count is still the
-- same: a change made while it pushed stays pending instead of being lost, and Jira's state is not applied
-- over it (docs/jira.md, "Who wins").
ALTER TABLE jira_ticket ADD COLUMN local_changes INT NOT NULL DEFAULT 0;
