package dev.closeout.action;

import dev.closeout.db.jooq.tables.records.ActionItemRecord;
import org.jooq.Index;
import org.jooq.SQLDialect;
import org.jooq.Table;

import static dev.closeout.db.jooq.Indexes.IX_ACTION_STATUS_CREATED;
import static dev.closeout.db.jooq.Indexes.IX_ACTION_STATUS_DUE;
import static dev.closeout.db.jooq.Indexes.IX_ACTION_STATUS_ID;
import static dev.closeout.db.jooq.Indexes.IX_ACTION_TEAM_STATUS_CREATED;
import static dev.closeout.db.jooq.Indexes.IX_ACTION_TEAM_STATUS_DUE;
import static dev.closeout.db.jooq.Indexes.IX_ACTION_TEAM_STATUS_ID;
import static dev.closeout.db.jooq.Tables.ACTION_ITEM;

/**
 * The index each part of a follow-up list is read from: (owner's key or team, status, sort key, id), named to
 * MySQL and MariaDB with FORCE INDEX. Without it MariaDB 10.11 reads such a part with the index's status
 * prefix alone (ref access) instead of the range the keyset condition gives, and then a page deep in
 * the list, and every page read backwards, walks hundreds of thousands of rows to its start (EXPLAIN in
 * docs/benchmarks.md). A list narrowed to a postmortem is left to the optimizer: the postmortem's few rows
 * serve it better. H2 has no index hints and needs none.
 */
final class ListIndexes {

    private ListIndexes() {
    }

    static Table<ActionItemRecord> source(SQLDialect dialect, ActionFilter filter, ActionSort sort) {
        boolean hinted = dialect.family() == SQLDialect.MYSQL || dialect.family() == SQLDialect.MARIADB;
        if (!hinted || filter.postmortemId() != null) {
            return ACTION_ITEM;
        }
        return ACTION_ITEM.forceIndex(index(filter, sort));
    }

    private static String index(ActionFilter filter, ActionSort sort) {
        boolean byDue = ACTION_ITEM.DUE_DATE.equals(sort.keyField());
        boolean byCreated = ACTION_ITEM.CREATED_AT.equals(sort.keyField());
        if (filter.owner() != null) {
            // on the owner's key (V19), which jOOQ's generated Indexes do not hold
            return byDue ? "ix_action_owner_key_status_due" : byCreated ? "ix_action_owner_key_status_created"
                    : "ix_action_owner_key_status_id";
        }
        Index index;
        if (filter.teamId() != null || filter.scopeTeamId() != null) {
            index = byDue ? IX_ACTION_TEAM_STATUS_DUE : byCreated ? IX_ACTION_TEAM_STATUS_CREATED
                    : IX_ACTION_TEAM_STATUS_ID;
        } else {
            index = byDue ? IX_ACTION_STATUS_DUE : byCreated ? IX_ACTION_STATUS_CREATED : IX_ACTION_STATUS_ID;
        }
        return index.getName();
    }
}
