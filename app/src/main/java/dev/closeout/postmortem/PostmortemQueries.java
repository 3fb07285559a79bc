package dev.closeout.postmortem;

import dev.closeout.action.ActionQueries;
import dev.closeout.action.ActionStatus;
import dev.closeout.search.TextSearch;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Result;
import org.jooq.Table;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectCount;

/** Lists of postmortems, newest first, narrowed by a {@link PostmortemFilter}. */
@Singleton
public class PostmortemQueries {

    private static final String ACTION_COUNT = "action_count";
    private static final String OPEN_ACTION_COUNT = "open_action_count";
    /** The columns {@code q=} searches: those of the full-text index ft_postmortem_search (V7), in its order. */
    private static final Field<String>[] SEARCHED = searched();
    /** Postmortems a text search looks at, newest first, before it asks the full-text index. */
    static final int WINDOW = 2_000;
    private static final String WINDOW_SIZE = "window_size";

    private final DSLContext dsl;

    PostmortemQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Up to {@code limit} postmortems matching the filter with ids below {@code beforeId}, newest first. For
     * a caller scoped to {@code scopeTeamId}, only the team's postmortems ({@link PostmortemScope}), each
     * counting the team's follow-ups.
     */
    @ReadOnly
    public List<PostmortemSummary> find(PostmortemFilter filter, @Nullable Long beforeId, int limit,
                                        @Nullable Long scopeTeamId) {
        Condition condition = conditions(filter);
        if (beforeId != null) {
            condition = condition.and(POSTMORTEM.ID.lt(beforeId));
        }
        if (scopeTeamId != null) {
            condition = condition.and(PostmortemScope.visibleTo(scopeTeamId));
        }
        if (filter.text() == null || !TextSearch.fullTextIndexed(dsl.dialect())) {
            Condition text = filter.text() == null ? noCondition() : TextSearch.contains(filter.text(), SEARCHED);
            return page(POSTMORTEM, condition.and(text), scopeTeamId, limit).map(PostmortemQueries::toSummary);
        }
        // A common word fills the page among the newest postmortems of the list: walk WINDOW of them (and one
        // more, which tells that the list goes on), newest first, in one statement. A rarer word is read
        // through the full-text index, which costs in proportion to its matches (every one read and sorted:
        // 4,500 for "expired" in 100,000), too many for a page of a common word.
        Table<Record1<Long>> window = dsl.select(POSTMORTEM.ID).from(POSTMORTEM).where(condition)
                .orderBy(POSTMORTEM.ID.desc()).limit(WINDOW + 1).asTable("search_window");
        Field<Integer> windowSize = dsl.selectCount().from(dsl.select(POSTMORTEM.ID).from(POSTMORTEM)
                .where(condition).orderBy(POSTMORTEM.ID.desc()).limit(WINDOW + 1).asTable("window_size"))
                .asField(WINDOW_SIZE);
        Result<Record> walked = page(window.join(POSTMORTEM).on(POSTMORTEM.ID.eq(window.field(POSTMORTEM.ID))),
                TextSearch.contains(filter.text(), SEARCHED), scopeTeamId, limit, windowSize);
        boolean wholeList = walked.isNotEmpty() && walked.get(0).get(WINDOW_SIZE, Integer.class) <= WINDOW;
        if (walked.size() >= limit || wholeList) {
            return walked.map(PostmortemQueries::toSummary);
        }
        return page(POSTMORTEM, condition.and(TextSearch.containing(dsl.dialect(), filter.text(), SEARCHED)),
                scopeTeamId, limit).map(PostmortemQueries::toSummary);
    }

    /** The rows of a page of {@code from} where {@code condition} holds, newest first, with their counts. */
    private Result<Record> page(Table<?> from, Condition condition, @Nullable Long scopeTeamId, int limit,
                                Field<?>... extra) {
        // a dismissed follow-up is no follow-up of the postmortem's
        Condition counted = ACTION_ITEM.POSTMORTEM_ID.eq(POSTMORTEM.ID).and(ActionQueries.notDismissed())
                .and(scopeTeamId == null ? noCondition() : ACTION_ITEM.TEAM_ID.eq(scopeTeamId));
        Field<Integer> actionCount = selectCount().from(ACTION_ITEM).where(counted).asField(ACTION_COUNT);
        Field<Integer> openActionCount = selectCount().from(ACTION_ITEM).where(counted)
                .and(ACTION_ITEM.STATUS.in(ActionStatus.OPEN.wireName(), ActionStatus.IN_PROGRESS.wireName()))
                .asField(OPEN_ACTION_COUNT);
        List<Field<?>> fields = new ArrayList<>(List.of(POSTMORTEM.ID, POSTMORTEM.SOURCE_REF, POSTMORTEM.TITLE,
                POSTMORTEM.SERVICE, POSTMORTEM.INCIDENT_START, POSTMORTEM.INCIDENT_END, POSTMORTEM.INCIDENT_ZONE,
                POSTMORTEM.DURATION_MINUTES, POSTMORTEM.ROOT_CAUSE_SUMMARY, POSTMORTEM.ROOT_CAUSE_COMPONENT,
                POSTMORTEM.ROOT_CAUSE_TRIGGER, POSTMORTEM.CREATED_AT, actionCount, openActionCount));
        fields.addAll(List.of(extra));
        return dsl.select(fields)
                .from(from)
                .where(condition)
                .orderBy(POSTMORTEM.ID.desc())
                .limit(limit)
                .fetch();
    }

    private Condition conditions(PostmortemFilter filter) {
        Condition condition = noCondition();
        if (filter.service() != null) {
            condition = condition.and(lower(POSTMORTEM.SERVICE).eq(filter.service().toLowerCase(Locale.ROOT)));
        }
        if (filter.component() != null) {
            condition = condition.and(POSTMORTEM.ROOT_CAUSE_COMPONENT.eq(filter.component()));
        }
        if (filter.trigger() != null) {
            condition = condition.and(POSTMORTEM.ROOT_CAUSE_TRIGGER.eq(filter.trigger()));
        }
        // dated as the reports date incidents (docs/reports.md, Definitions): by the start, else by the import, so
        // the recurring-causes page's "All N in Postmortems" lists all N, those without a start too
        if (filter.from() != null) {
            LocalDateTime from = filter.from().atStartOfDay();
            condition = condition.and(POSTMORTEM.INCIDENT_START.ge(from)
                    .or(POSTMORTEM.INCIDENT_START.isNull().and(POSTMORTEM.CREATED_AT.ge(from))));
        }
        if (filter.to() != null) {
            LocalDateTime end = filter.to().plusDays(1).atStartOfDay();
            condition = condition.and(POSTMORTEM.INCIDENT_START.lt(end)
                    .or(POSTMORTEM.INCIDENT_START.isNull().and(POSTMORTEM.CREATED_AT.lt(end))));
        }
        return condition;
    }

    @SuppressWarnings("unchecked")
    private static Field<String>[] searched() {
        return new Field[] {POSTMORTEM.TITLE, POSTMORTEM.SERVICE, POSTMORTEM.ROOT_CAUSE_SUMMARY};
    }

    private static PostmortemSummary toSummary(Record row) {
        String zone = row.get(POSTMORTEM.INCIDENT_ZONE);
        return new PostmortemSummary(row.get(POSTMORTEM.ID), row.get(POSTMORTEM.SOURCE_REF),
                row.get(POSTMORTEM.TITLE), row.get(POSTMORTEM.SERVICE),
                new PostmortemResponse.IncidentView(IncidentTimes.toDisplay(row.get(POSTMORTEM.INCIDENT_START), zone),
                        IncidentTimes.toDisplay(row.get(POSTMORTEM.INCIDENT_END), zone), zone,
                        row.get(POSTMORTEM.DURATION_MINUTES)),
                new PostmortemResponse.RootCauseView(row.get(POSTMORTEM.ROOT_CAUSE_SUMMARY),
                        row.get(POSTMORTEM.ROOT_CAUSE_COMPONENT), row.get(POSTMORTEM.ROOT_CAUSE_TRIGGER)),
                row.get(ACTION_COUNT, Integer.class), row.get(OPEN_ACTION_COUNT, Integer.class),
                row.get(POSTMORTEM.CREATED_AT).toInstant(ZoneOffset.UTC));
    }
}
