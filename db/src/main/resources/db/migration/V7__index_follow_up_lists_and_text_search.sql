-- Follow-up lists (GET /api/actions) read every page from an index, at any depth: a page is read per status,
-- each status's rows as one range of an index that starts with the list's equality filters and goes on
-- with its sort key (dev.closeout.action.ActionQueries). InnoDB ends every secondary index with the
-- primary key, so rows with the same sort value come in id order, which the lists break ties with.
-- sort=due is served by V1's ix_action_status_due, ix_action_team_status_due and ix_action_owner_status_due.

-- sort=id (the default): all follow-ups, one team's, one owner's
CREATE INDEX ix_action_status_id ON action_item (status, id);
CREATE INDEX ix_action_team_status_id ON action_item (team_id, status, id);
CREATE INDEX ix_action_owner_status_id ON action_item (owner, status, id);

-- sort=created
CREATE INDEX ix_action_status_created ON action_item (status, created_at);
CREATE INDEX ix_action_team_status_created ON action_item (team_id, status, created_at);
CREATE INDEX ix_action_owner_status_created ON action_item (owner, status, created_at);

-- Text search (q=, dev.closeout.search.TextSearch) finds rows through full-text indexes on MySQL and
-- MariaDB. H2, the embedded default, has no FULLTEXT index and jOOQ's parser does not read one, so these
-- two statements are MySQL executable comments: MySQL and MariaDB run what is inside /*!50604 ... */
-- (any server from 5.6.4 on), H2 and jOOQ's DDLDatabase skip it as a comment. The columns of each
-- index are exactly those TextSearch names, in this order.
/*!50604 CREATE FULLTEXT INDEX ft_action_text ON action_item (text) */;
/*!50604 CREATE FULLTEXT INDEX ft_postmortem_search ON postmortem (title, service, root_cause_summary) */;
