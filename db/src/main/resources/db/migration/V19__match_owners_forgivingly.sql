-- People write the same owner several ways: "dana", "@dana", "Dana", "Dana@Example.com". The owner filters
-- (GET /api/actions?owner=, GET /api/teams/{key}/actions?owner=, the follow-ups page, the overdue report) compare
-- owner_key, the owner stripped of spaces and leading '@' and lower-cased, with the value asked for normalised the
-- same way (dev.closeout.action.OwnerKey). The owner itself is kept as written.
--
-- A virtual generated column: MySQL 8, MariaDB 10.6+ and H2 (MySQL mode) all accept this spelling and index it,
-- and no writer has to set it. jOOQ's open-source parser reads no generated column, so the column and its
-- indexes are hidden from the code generator (db/pom.xml, parseIgnoreComments) and the code names the column
-- itself (OwnerKey.COLUMN); the databases run the statements as usual.

-- The owner lists' indexes (V1, V7) move to the key: (key, status, sort key), so a page of one owner's follow-ups
-- is still one index range per status (dev.closeout.action.ListIndexes names them).
DROP INDEX ix_action_owner_status_due ON action_item;
DROP INDEX ix_action_owner_status_id ON action_item;
DROP INDEX ix_action_owner_status_created ON action_item;

/* [jooq ignore start] */
ALTER TABLE action_item ADD COLUMN owner_key VARCHAR(200) GENERATED ALWAYS AS (LOWER(TRIM(LEADING '@' FROM TRIM(owner))));
CREATE INDEX ix_action_owner_key_status_due ON action_item (owner_key, status, due_date);
CREATE INDEX ix_action_owner_key_status_id ON action_item (owner_key, status, id);
CREATE INDEX ix_action_owner_key_status_created ON action_item (owner_key, status, created_at);
/* [jooq ignore stop] */
