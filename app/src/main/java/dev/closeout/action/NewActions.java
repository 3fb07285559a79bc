package dev.closeout.action;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import dev.closeout.storage.MultiRowInsert;
import dev.closeout.team.ServiceClaims;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.closeout.db.jooq.Tables.ACTION_EVENT;
import static dev.closeout.db.jooq.Tables.ACTION_ITEM;

/**
 * Stores the new follow-ups of one postmortem in three statements however many there are: one multi-row
 * INSERT, one SELECT of the ids the database gave them (by postmortem and position, which the
 * postmortem's follow-ups never share), one multi-row INSERT of their {@code created} events. Each is then
 * published as created ({@link ActionChanged}), inside the caller's transaction. An import was bound by
 * round trips before: five statements per follow-up.
 *
 * <p>The two INSERTs are rendered by jOOQ once per number of rows and kept ({@link MultiRowInsert}); their
 * values are bound straight on the JDBC statement. Rendering the values into the query each time, and MySQL
 * driver's encoding of {@code java.sql.Timestamp} values (which jOOQ binds a {@code LocalDateTime} as: a new
 * {@code SimpleDateFormat} per value), cost more CPU than the rest of the import's statements together.
 */
@Singleton
public class NewActions {

    private static final List<Field<?>> FIELDS = List.of(ACTION_ITEM.POSTMORTEM_ID,
            ACTION_ITEM.POSITION, ACTION_ITEM.TEXT, ACTION_ITEM.KIND, ACTION_ITEM.GROUP_NAME, ACTION_ITEM.OWNER,
            ACTION_ITEM.OWNER_SOURCE, ACTION_ITEM.TEAM_ID, ACTION_ITEM.DUE_DATE, ACTION_ITEM.DUE_SOURCE,
            ACTION_ITEM.PRIORITY, ACTION_ITEM.STATUS, ACTION_ITEM.STATUS_REASON, ACTION_ITEM.TICKET_REF,
            ACTION_ITEM.SOURCE_LINE, ACTION_ITEM.REMOVED_FROM_SOURCE, ACTION_ITEM.ORIGIN, ACTION_ITEM.DISMISSED,
            ACTION_ITEM.DISMISSAL_REASON, ACTION_ITEM.CREATED_AT, ACTION_ITEM.UPDATED_AT, ACTION_ITEM.CLOSED_AT,
            ACTION_ITEM.VERSION, ACTION_ITEM.POSTMORTEM_SERVICE);
    private static final List<Field<?>> EVENT_FIELDS = List.of(ACTION_EVENT.ACTION_ID, ACTION_EVENT.FIELD,
            ACTION_EVENT.OLD_VALUE, ACTION_EVENT.NEW_VALUE, ACTION_EVENT.ACTOR, ACTION_EVENT.OCCURRED_AT);

    private final DSLContext dsl;
    private final ApplicationEventPublisher<ActionChanged> changes;
    private final MultiRowInsert actions;
    private final MultiRowInsert events;
    private final ServiceClaims claims;

    NewActions(DSLContext dsl, ApplicationEventPublisher<ActionChanged> changes, ServiceClaims claims) {
        this.dsl = dsl;
        this.changes = changes;
        this.claims = claims;
        this.actions = new MultiRowInsert(dsl, ACTION_ITEM, FIELDS);
        this.events = new MultiRowInsert(dsl, ACTION_EVENT, EVENT_FIELDS);
    }

    /**
     * Stores {@code fresh} (follow-ups without ids, all of postmortem {@code postmortemId}, at positions no
     * stored follow-up of it holds) with their creation by {@code actor}; answers them with their ids, in
     * the order given. {@code service} is the postmortem's, copied onto each follow-up for the reports
     * ({@link FollowupServices}). Those that got no team are given to the team owning the service if one claimed it
     * meanwhile ({@link ServiceClaims#claimNew}). Runs in the caller's transaction.
     */
    public List<ActionItem> store(long postmortemId, @Nullable String service, List<ActionItem> fresh,
                                  String actor) {
        if (fresh.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = new ArrayList<>(fresh.size());
        for (ActionItem action : fresh) {
            if (action.postmortemId() != postmortemId) {
                throw new IllegalArgumentException("follow-up of postmortem " + action.postmortemId() + ", not "
                        + postmortemId);
            }
            rows.add(new Object[] {action.postmortemId(), action.position(), action.text(), action.kind(),
                    action.group(), action.owner(),
                    action.ownerSource() == null ? null : action.ownerSource().wireName(), action.teamId(),
                    action.dueDate(), action.dueSource() == null ? null : action.dueSource().wireName(),
                    action.priority(), action.status().wireName(), action.statusReason(), action.ticketRef(),
                    action.sourceLine(), action.removedFromSource(), action.origin().wireName(), action.dismissed(),
                    action.dismissalReason(), action.createdAt(), action.updatedAt(), action.closedAt(), 0L, service});
        }
        actions.execute(rows);
        Map<Integer, Long> ids = dsl.select(ACTION_ITEM.POSITION, ACTION_ITEM.ID).from(ACTION_ITEM)
                .where(ACTION_ITEM.POSTMORTEM_ID.eq(postmortemId))
                .and(ACTION_ITEM.POSITION.in(fresh.stream().map(ActionItem::position).toList()))
                .fetchMap(ACTION_ITEM.POSITION, ACTION_ITEM.ID);
        List<ActionItem> stored = fresh.stream().map(action -> withId(action, ids.get(action.position()))).toList();

        List<Object[]> created = new ArrayList<>(stored.size());
        for (ActionItem action : stored) {
            ActionEvent event = ActionEvent.created(action, actor);
            created.add(new Object[] {event.actionId(), event.field(), event.oldValue(), event.newValue(),
                    event.actor(), event.occurredAt()});
        }
        events.execute(created);
        stored.forEach(action -> changes.publishEvent(new ActionChanged(null, action, actor)));
        // those without a team go to a team that claimed the service since their team was looked up
        return claims.claimNew(service, stored, actor);
    }

    private static ActionItem withId(ActionItem a, Long id) {
        if (id == null) {
            throw new IllegalStateException("a follow-up just stored at position " + a.position() + " is not found");
        }
        return new ActionItem(id, a.postmortemId(), a.position(), a.text(), a.kind(), a.group(), a.owner(),
                a.ownerSource(), a.teamId(), a.dueDate(), a.dueSource(), a.priority(), a.status(), a.statusReason(),
                a.ticketRef(), a.sourceLine(), a.removedFromSource(), a.origin(), a.dismissed(), a.dismissalReason(),
                a.createdAt(), a.updatedAt(), a.closedAt(), a.snoozedUntil(), 0L);
    }
}
