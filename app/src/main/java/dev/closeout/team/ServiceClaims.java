package dev.closeout.team;

import dev.closeout.action.ActionChanged;
import dev.closeout.action.ActionItem;
import dev.closeout.action.ActionQueries;
import dev.closeout.storage.Columns;
import dev.closeout.storage.MultiRowInsert;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.closeout.db.jooq.Tables.ACTION_EVENT;
import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.TEAM_SERVICE;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.trim;

/**
 * Hands a team the follow-ups of its services that have no team. A follow-up takes its team when it is created,
 * from its postmortem's service ({@link FollowUpDefaults}); one created before any team claimed that service had
 * none, and stayed without one. Now a team claiming a service (created with it, or given it by a PATCH) takes
 * them: one {@code team} event each, by the admin, saying which service the team claims, and a change published
 * as any other ({@link ActionChanged}: the Jira outbox treats it as a person's change of team).
 *
 * <p>A follow-up a person put on a team, or took off one, is never moved: it has a {@code team} event already
 * (a follow-up takes its team at creation without one; only a change of team writes one). Only follow-ups without
 * a team are taken; one on another team stays there.
 *
 * <p>Against a concurrent import (MySQL and MariaDB): the team's transaction claims before it stores the service
 * rows, and an import that stored follow-ups without a team reads the service's owner again, locking, after
 * storing them ({@link #claimNew}). Either the team's claim reads the import's rows (waiting for its commit), or
 * the import's rows come after that claim read the range of team-less rows, wait for the team's commit on the
 * range's lock (the team's transaction runs at the server's default, REPEATABLE READ, where a locking read locks
 * the gaps too), and the import's second read then sees the service's new owner. TeamClaimsServicesTest shows the
 * second read at work with a batch, whose owners are read once before any of its transactions.
 */
@Singleton
public class ServiceClaims {

    /** Follow-ups changed per statement: an IN list and a multi-row INSERT stay far below the bind limit. */
    private static final int CHUNK = 500;
    private static final String TEAM_FIELD = "team";
    private static final List<Field<?>> EVENT_FIELDS = List.of(ACTION_EVENT.ACTION_ID, ACTION_EVENT.FIELD,
            ACTION_EVENT.OLD_VALUE, ACTION_EVENT.NEW_VALUE, ACTION_EVENT.ACTOR, ACTION_EVENT.OCCURRED_AT);

    private final DSLContext dsl;
    private final ApplicationEventPublisher<ActionChanged> changes;
    private final TeamKeys teamKeys;
    private final Clock clock;
    private final MultiRowInsert events;

    ServiceClaims(DSLContext dsl, ApplicationEventPublisher<ActionChanged> changes, TeamKeys teamKeys, Clock clock) {
        this.dsl = dsl;
        this.changes = changes;
        this.teamKeys = teamKeys;
        this.clock = clock;
        this.events = new MultiRowInsert(dsl, ACTION_EVENT, EVENT_FIELDS);
    }

    /**
     * Gives team {@code teamId} ({@code teamKey}) every follow-up of {@code services} (stored spelling, see
     * {@link ServiceOwnership#normalize}) that has no team and never had one set or cleared by a person. Runs in the
     * caller's transaction, which must store the team's service rows after this (see the class comment).
     *
     * @return how many follow-ups it took
     */
    int claim(long teamId, String teamKey, Collection<String> services, String actor) {
        if (services.isEmpty()) {
            return 0;
        }
        // locking: a person's change of one of them waits, and then fails its version check (409)
        Map<ActionItem, String> unassigned = new LinkedHashMap<>();
        dsl.selectFrom(ACTION_ITEM)
                .where(ACTION_ITEM.TEAM_ID.isNull())
                .and(lower(trim(ACTION_ITEM.POSTMORTEM_SERVICE)).in(services))
                .andNotExists(selectOne().from(ACTION_EVENT)
                        .where(ACTION_EVENT.ACTION_ID.eq(ACTION_ITEM.ID))
                        .and(ACTION_EVENT.FIELD.eq(TEAM_FIELD)))
                .orderBy(ACTION_ITEM.ID)
                .forUpdate()
                .forEach(row -> unassigned.put(ActionQueries.toActionItem(row),
                        ServiceOwnership.normalize(row.getPostmortemService())));
        assign(unassigned, teamId, teamKey, actor);
        return unassigned.size();
    }

    /**
     * {@code stored}, follow-ups just stored for a postmortem of {@code service} in the caller's transaction, with
     * those that got no team given to the team owning the service now, if one does: its claim may have
     * committed after the import looked the owner up (before its transaction, or once for a whole batch). The
     * owner is read locking, so a claim not yet committed is waited for.
     */
    public List<ActionItem> claimNew(@Nullable String service, List<ActionItem> stored, String actor) {
        if (service == null || service.isBlank() || stored.stream().allMatch(action -> action.teamId() != null)) {
            return stored;
        }
        String claimed = ServiceOwnership.normalize(service);
        Optional<Long> owner = dsl.select(TEAM_SERVICE.TEAM_ID).from(TEAM_SERVICE)
                .where(TEAM_SERVICE.SERVICE_NAME.eq(claimed))
                .forUpdate()
                .fetchOptional(TEAM_SERVICE.TEAM_ID);
        if (owner.isEmpty()) {
            return stored;
        }
        Map<ActionItem, String> unassigned = new LinkedHashMap<>();
        stored.stream().filter(action -> action.teamId() == null).forEach(action -> unassigned.put(action, claimed));
        Map<Long, ActionItem> assigned = assign(unassigned, owner.get(),
                teamKeys.keysOf(List.of(owner.get())).get(owner.get()), actor).stream()
                .collect(Collectors.toMap(ActionItem::id, Function.identity()));
        return stored.stream().map(action -> assigned.getOrDefault(action.id(), action)).toList();
    }

    /**
     * Sets the team of each follow-up of {@code unassigned} (with its service), with an event each saying the team
     * claims that service; answers them as stored.
     */
    private List<ActionItem> assign(Map<ActionItem, String> unassigned, long teamId, String teamKey, String actor) {
        // the precision of the DATETIME(6) columns, so what is published is what a later read shows
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<Map.Entry<ActionItem, String>> all = List.copyOf(unassigned.entrySet());
        List<ActionItem> assigned = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Map.Entry<ActionItem, String>> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<Long> ids = chunk.stream().map(entry -> entry.getKey().id()).toList();
            dsl.update(ACTION_ITEM)
                    .set(ACTION_ITEM.TEAM_ID, teamId)
                    .set(ACTION_ITEM.UPDATED_AT, now)
                    // as a person's change does: an edit based on the version before this one is refused (409)
                    .set(ACTION_ITEM.VERSION, ACTION_ITEM.VERSION.plus(1))
                    .where(ACTION_ITEM.ID.in(ids))
                    .execute();
            events.execute(chunk.stream().map(entry -> new Object[] {entry.getKey().id(), TEAM_FIELD, null, teamKey,
                    reason(actor, teamKey, entry.getValue()), now}).toList());
            Map<Long, ActionItem> before = chunk.stream().map(Map.Entry::getKey)
                    .collect(Collectors.toMap(ActionItem::id, Function.identity()));
            for (ActionItem after : dsl.selectFrom(ACTION_ITEM).where(ACTION_ITEM.ID.in(ids)).orderBy(ACTION_ITEM.ID)
                    .fetch(ActionQueries::toActionItem)) {
                changes.publishEvent(new ActionChanged(before.get(after.id()), after, actor));
                assigned.add(after);
            }
        }
        return assigned;
    }

    /**
     * The actor of a claim's event: who made the change and why, as the history shows it, e.g.
     * {@code token:admin (team web claims service checkout)}; the event has no other place for the why.
     */
    static String reason(String actor, String teamKey, String service) {
        return Columns.fit(actor + " (team " + teamKey + " claims service " + service + ")", Columns.NAME);
    }
}
