package dev.closeout.action;

import dev.closeout.web.Cursor;
import io.micronaut.core.annotation.Nullable;
import org.jooq.Condition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;

/**
 * How a follow-up list is cut into parts each read as one index range in order: one part per status the
 * list takes and per {@linkplain ActionSort.Segment segment} (rows with a sort value, then rows without).
 * An index on (status, due, id) gives one status's rows in due order, never two statuses' together, so a
 * list of open and in-progress follow-ups read as one range would be sorted whole for every page.
 */
final class ListParts {

    /** The rows of one part, after the cursor, and the segment they are in. */
    record Part(Condition rows, ActionSort.Segment segment) {
    }

    private ListParts() {
    }

    /** The parts of the list, per status and segment; the text filter is not among their conditions. */
    static List<Part> perStatus(ActionFilter filter, LocalDate today, ActionSort sort, @Nullable Cursor.Key after) {
        List<Part> parts = new ArrayList<>();
        for (ActionSort.Segment segment : sort.segmentsAfter(after)) {
            Condition rows = common(filter).and(sort.rowsAfter(segment, after));
            for (ActionStatus status : statuses(filter)) {
                // an overdue list has no closed follow-up; a list of what is not overdue has every closed one
                if (filter.overdue() == null || status.isActive() || !filter.overdue()) {
                    Condition overdue = filter.overdue() == null || !status.isActive() ? noCondition()
                            : overdue(filter.overdue(), today);
                    parts.add(new Part(rows.and(ACTION_ITEM.STATUS.eq(status.wireName())).and(overdue), segment));
                }
            }
        }
        return parts;
    }

    /** The parts of the list, per segment only (every status in one part); the text filter is not among them. */
    static List<Part> perSegment(ActionFilter filter, LocalDate today, ActionSort sort, @Nullable Cursor.Key after) {
        Condition statuses = filter.statuses().isEmpty() ? noCondition()
                : ACTION_ITEM.STATUS.in(filter.statuses().stream().map(ActionStatus::wireName).toList());
        Condition overdue = filter.overdue() == null ? noCondition() : overdueRule(filter.overdue(), today);
        return sort.segmentsAfter(after).stream().map(segment -> new Part(common(filter).and(statuses).and(overdue)
                .and(sort.rowsAfter(segment, after)), segment)).toList();
    }

    /** Every status the filter names, or all of them. */
    private static Set<ActionStatus> statuses(ActionFilter filter) {
        return filter.statuses().isEmpty() ? EnumSet.allOf(ActionStatus.class) : EnumSet.copyOf(filter.statuses());
    }

    /** The rule of {@link ActionItem#isOverdue}, in SQL. */
    private static Condition overdueRule(boolean overdue, LocalDate today) {
        Condition active = ACTION_ITEM.STATUS.in(ActionStatus.OPEN.wireName(), ActionStatus.IN_PROGRESS.wireName());
        return overdue ? active.and(overdue(true, today)) : active.not().or(overdue(false, today));
    }

    /** The rule of {@link ActionItem#isOverdue} for an active status, in SQL. */
    private static Condition overdue(boolean overdue, LocalDate today) {
        // spelled out both ways since NOT of a null due date is null
        return overdue ? ACTION_ITEM.DUE_DATE.lt(today)
                : ACTION_ITEM.DUE_DATE.isNull().or(ACTION_ITEM.DUE_DATE.ge(today));
    }

    /** The filters every part shares, the text search left out; no list shows a dismissed follow-up. */
    private static Condition common(ActionFilter filter) {
        Condition condition = ActionQueries.notDismissed();
        if (filter.teamId() != null) {
            condition = condition.and(ACTION_ITEM.TEAM_ID.eq(filter.teamId()));
        }
        if (filter.scopeTeamId() != null) {
            condition = condition.and(ACTION_ITEM.TEAM_ID.eq(filter.scopeTeamId()));
        }
        condition = condition.and(OwnerKey.matches(filter.owner()));
        if (filter.dueBefore() != null) {
            condition = condition.and(ACTION_ITEM.DUE_DATE.lt(filter.dueBefore()));
        }
        if (filter.kind() != null) {
            condition = condition.and(ACTION_ITEM.KIND.eq(filter.kind()));
        }
        if (filter.component() != null) {
            condition = condition.and(ACTION_ITEM.POSTMORTEM_ID.in(select(POSTMORTEM.ID).from(POSTMORTEM)
                    .where(POSTMORTEM.ROOT_CAUSE_COMPONENT.eq(filter.component()))));
        }
        if (filter.trigger() != null) {
            condition = condition.and(ACTION_ITEM.POSTMORTEM_ID.in(select(POSTMORTEM.ID).from(POSTMORTEM)
                    .where(POSTMORTEM.ROOT_CAUSE_TRIGGER.eq(filter.trigger()))));
        }
        if (filter.postmortemId() != null) {
            condition = condition.and(ACTION_ITEM.POSTMORTEM_ID.eq(filter.postmortemId()));
        }
        return condition;
    }
}
