package dev.closeout.report;

import dev.closeout.action.OwnerKey;
import io.micronaut.core.annotation.Nullable;
import org.jooq.Condition;

import java.util.Locale;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;

/**
 * Which follow-ups the overdue report counts; null means any. {@code teamId} is already the caller's team
 * for a team-scoped token. Service is the follow-up's postmortem's, and it and priority compare ignoring
 * case, as people write them differently; owner matches as in {@code GET /api/actions} ({@link OwnerKey}: "dana",
 * "@dana" and "Dana" alike); kind is exact.
 */
record OverdueFilter(
        @Nullable Long teamId,
        @Nullable String owner,
        @Nullable String service,
        @Nullable String priority,
        @Nullable String kind) {

    /** The conditions on {@code action_item}. */
    Condition condition() {
        Condition condition = noCondition();
        if (teamId != null) {
            condition = condition.and(ACTION_ITEM.TEAM_ID.eq(teamId));
        }
        condition = condition.and(OwnerKey.matches(owner));
        if (service != null) {
            condition = condition.and(lower(ACTION_ITEM.POSTMORTEM_SERVICE).eq(service.toLowerCase(Locale.ROOT)));
        }
        if (priority != null) {
            condition = condition.and(lower(ACTION_ITEM.PRIORITY).eq(priority.toLowerCase(Locale.ROOT)));
        }
        if (kind != null) {
            condition = condition.and(ACTION_ITEM.KIND.eq(kind));
        }
        return condition;
    }
}
