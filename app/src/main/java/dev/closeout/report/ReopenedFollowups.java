package dev.closeout.report;

import dev.closeout.action.ActionChanged;
import dev.closeout.action.ActionItem;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.LocalDateTime;
import java.util.Objects;

import static dev.closeout.db.jooq.Tables.ACTION_CLOSED_PERIOD;
import static dev.closeout.db.jooq.Tables.ACTION_ITEM;

/**
 * Records a reopen where the reports read history from: the period the follow-up had spent closed
 * ({@code action_closed_period}) and that it has been reopened ({@code action_item.reopened}). Runs inside the
 * transaction of the change (as every {@link ActionChanged} listener), so the record commits with it. The
 * follow-up's {@code action_event} rows say the same; these are what a report over a million follow-ups can
 * read without them (V9 explains why).
 */
@Singleton
class ReopenedFollowups implements ApplicationEventListener<ActionChanged> {

    private final DSLContext dsl;

    ReopenedFollowups(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void onApplicationEvent(ActionChanged change) {
        ActionItem before = change.before();
        ActionItem after = change.after();
        if (before == null || !before.status().isClosed() || !after.status().isActive()) {
            return;
        }
        LocalDateTime closedAt = Objects.requireNonNullElse(before.closedAt(), before.updatedAt());
        dsl.insertInto(ACTION_CLOSED_PERIOD)
                .set(ACTION_CLOSED_PERIOD.ACTION_ID, after.id())
                .set(ACTION_CLOSED_PERIOD.POSTMORTEM_ID, after.postmortemId())
                .set(ACTION_CLOSED_PERIOD.STATUS, before.status().wireName())
                .set(ACTION_CLOSED_PERIOD.CLOSED_AT, closedAt)
                .set(ACTION_CLOSED_PERIOD.REOPENED_AT, after.updatedAt())
                .execute();
        dsl.update(ACTION_ITEM).set(ACTION_ITEM.REOPENED, true)
                .where(ACTION_ITEM.ID.eq(after.id())).and(ACTION_ITEM.REOPENED.isFalse())
                .execute();
    }
}
