package dev.closeout.similar;

import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionQueries;
import dev.closeout.postmortem.Postmortem;
import dev.closeout.postmortem.PostmortemScope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record5;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;

/** Reads postmortems as the similar-incidents index holds them, a chunk of ids at a time. */
@Singleton
class SimilarSources {

    private final DSLContext dsl;

    SimilarSources(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Up to {@code limit} postmortems with ids above {@code afterId}, in id order. */
    @ReadOnly
    List<SimilarDocument> after(long afterId, int limit) {
        return documents(POSTMORTEM.ID.gt(afterId), limit, true);
    }

    /** Up to {@code limit} postmortems changed at or after {@code since} with ids above {@code afterId}. */
    @ReadOnly
    List<SimilarDocument> changedSince(LocalDateTime since, long afterId, int limit) {
        return documents(POSTMORTEM.UPDATED_AT.ge(since).and(POSTMORTEM.ID.gt(afterId)), limit, false);
    }

    @ReadOnly
    Optional<SimilarDocument> byId(long id) {
        return documents(POSTMORTEM.ID.eq(id), 1, true).stream().findFirst();
    }

    /** The ids of the postmortems team {@code teamId} sees (docs/api.md, "Team scope"). */
    @ReadOnly
    Set<Long> visibleTo(long teamId) {
        return new HashSet<>(dsl.select(POSTMORTEM.ID).from(POSTMORTEM).where(PostmortemScope.visibleTo(teamId))
                .fetch(POSTMORTEM.ID));
    }

    /** The postmortems with these ids, as a similar incident shows them; those {@code teamId} sees, when given. */
    @ReadOnly
    Map<Long, PostmortemRow> rows(Collection<Long> ids, @Nullable Long teamId) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Condition condition = POSTMORTEM.ID.in(ids).and(teamId == null ? noCondition()
                : PostmortemScope.visibleTo(teamId));
        return dsl.select(POSTMORTEM.ID, POSTMORTEM.TITLE, POSTMORTEM.SERVICE, POSTMORTEM.INCIDENT_START,
                        POSTMORTEM.CREATED_AT)
                .from(POSTMORTEM).where(condition)
                .fetchMap(POSTMORTEM.ID, row -> new PostmortemRow(row.value1(), row.value2(), row.value3(),
                        row.value4(), row.value5()));
    }

    /** What a similar incident shows of a postmortem. */
    record PostmortemRow(long id, @Nullable String title, @Nullable String service,
                         @Nullable LocalDateTime incidentStart, LocalDateTime createdAt) {
    }

    /** The latest change to any postmortem, the point a catch-up reads from. */
    @ReadOnly
    Optional<LocalDateTime> lastChange() {
        return Optional.ofNullable(dsl.select(max(POSTMORTEM.UPDATED_AT)).from(POSTMORTEM).fetchOne(0,
                LocalDateTime.class));
    }

    /** The document of a postmortem just stored, from what its import holds, without reading it again. */
    static SimilarDocument of(Postmortem postmortem, List<ActionItem> followUps) {
        return new SimilarDocument(postmortem.id(), postmortem.service(), postmortem.rootCauseComponent(),
                postmortem.rootCauseTrigger(), postmortem.rootCauseSummary(), followUps.stream()
                .filter(action -> !action.removedFromSource() && !action.dismissed()).map(ActionItem::text).toList());
    }

    /**
     * The documents of the first {@code limit} postmortems matching {@code condition}, in id order; when they are
     * {@code consecutive} (every postmortem between the first and the last), their follow-ups are read as one
     * range of ix_action_postmortem, in order, instead of as many lookups.
     */
    private List<SimilarDocument> documents(Condition condition, int limit, boolean consecutive) {
        List<Record5<Long, String, String, String, String>> rows = dsl
                .select(POSTMORTEM.ID, POSTMORTEM.SERVICE, POSTMORTEM.ROOT_CAUSE_COMPONENT,
                        POSTMORTEM.ROOT_CAUSE_TRIGGER, POSTMORTEM.ROOT_CAUSE_SUMMARY)
                .from(POSTMORTEM).where(condition).orderBy(POSTMORTEM.ID).limit(limit).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(row -> row.get(POSTMORTEM.ID)).toList();
        Condition ofRows = consecutive ? ACTION_ITEM.POSTMORTEM_ID.between(ids.get(0), ids.get(ids.size() - 1))
                : ACTION_ITEM.POSTMORTEM_ID.in(ids);
        Map<Long, List<String>> texts = dsl.select(ACTION_ITEM.POSTMORTEM_ID, ACTION_ITEM.TEXT).from(ACTION_ITEM)
                .where(ofRows).and(ACTION_ITEM.REMOVED_FROM_SOURCE.isFalse()).and(ActionQueries.notDismissed())
                .orderBy(ACTION_ITEM.POSTMORTEM_ID, ACTION_ITEM.POSITION)
                .fetchGroups(ACTION_ITEM.POSTMORTEM_ID, ACTION_ITEM.TEXT);
        List<SimilarDocument> documents = new ArrayList<>(rows.size());
        for (var row : rows) {
            documents.add(new SimilarDocument(row.get(POSTMORTEM.ID), row.get(POSTMORTEM.SERVICE),
                    row.get(POSTMORTEM.ROOT_CAUSE_COMPONENT), row.get(POSTMORTEM.ROOT_CAUSE_TRIGGER),
                    row.get(POSTMORTEM.ROOT_CAUSE_SUMMARY), texts.getOrDefault(row.get(POSTMORTEM.ID), List.of())));
        }
        return documents;
    }
}
