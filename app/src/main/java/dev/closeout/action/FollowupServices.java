package dev.closeout.action;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.util.Objects;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;

/**
 * Keeps each follow-up's copy of its postmortem's service ({@code action_item.postmortem_service}, V15) in step
 * with the postmortem. The overdue report counts by service from that copy, read from its index alone; the
 * postmortem stays the source. Written with each new follow-up by {@link NewActions}, rewritten here when a
 * correction or a re-import changes the service.
 */
@Singleton
public class FollowupServices {

    private final DSLContext dsl;

    FollowupServices(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Copies {@code after}, postmortem {@code postmortemId}'s service now, onto its follow-ups when it differs from
     * {@code before}. Runs in the caller's transaction, the one that changed the postmortem.
     */
    public void follow(long postmortemId, @Nullable String before, @Nullable String after) {
        if (Objects.equals(before, after)) {
            return;
        }
        dsl.update(ACTION_ITEM)
                .set(ACTION_ITEM.POSTMORTEM_SERVICE, after)
                .where(ACTION_ITEM.POSTMORTEM_ID.eq(postmortemId))
                .execute();
    }
}
