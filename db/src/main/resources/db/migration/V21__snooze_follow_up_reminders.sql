-- A person may snooze a follow-up's reminders to its owner (PATCH /api/actions/{id} with "snoozed_until", or the
-- follow-up's page): no reminder goes out before that date. Null, as for every follow-up until now, is not
-- snoozed. Set and cleared with a "snoozed_until" event in action_event, so the history says who snoozed until
-- when; it is no change the issue tracker sees (dev.closeout.jira.JiraOutbox: status, due date and owner only).
--
-- A plain nullable DATE added with ALTER TABLE ... ADD COLUMN, no DEFAULT, AFTER or IF NOT EXISTS: the one spelling
-- MySQL 8, MariaDB and H2 (MySQL mode) all accept and jOOQ's DDLDatabase parses, so the generated classes have it.
ALTER TABLE action_item ADD COLUMN snoozed_until DATE;
