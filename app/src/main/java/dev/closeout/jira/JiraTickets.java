package dev.closeout.jira;

import dev.closeout.db.jooq.tables.records.JiraTicketRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.JIRA_TICKET;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;

/** The {@code jira_ticket} rows: the outbox of tickets to create and the state of each follow-up's ticket. */
@Singleton
public class JiraTickets {

    /** Longest error text kept; the column's size. */
    private static final int MAX_ERROR = 2000;

    private final DSLContext dsl;

    JiraTickets(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Queues a ticket for the follow-up unless it has a row already; part of the caller's transaction. */
    @Transactional
    public void queue(long actionId, LocalDateTime now) {
        dsl.insertInto(JIRA_TICKET)
                .set(JIRA_TICKET.ACTION_ID, actionId)
                .set(JIRA_TICKET.STATE, SyncState.PENDING.wireName())
                .set(JIRA_TICKET.NEXT_ATTEMPT_AT, now)
                .set(JIRA_TICKET.CREATED_AT, now)
                .set(JIRA_TICKET.UPDATED_AT, now)
                .onDuplicateKeyIgnore()
                .execute();
    }

    @ReadOnly
    public Optional<JiraTicket> find(long actionId) {
        return dsl.selectFrom(JIRA_TICKET).where(JIRA_TICKET.ACTION_ID.eq(actionId)).fetchOptional(JiraTickets::ticket);
    }

    @ReadOnly
    public Optional<JiraTicket> findByIssueId(String issueId) {
        return dsl.selectFrom(JIRA_TICKET).where(JIRA_TICKET.ISSUE_ID.eq(issueId)).fetchOptional(JiraTickets::ticket);
    }

    /** The rows of these follow-ups, by follow-up id. */
    @ReadOnly
    public Map<Long, JiraTicket> findAll(Collection<Long> actionIds) {
        if (actionIds.isEmpty()) {
            return Map.of();
        }
        return dsl.selectFrom(JIRA_TICKET).where(JIRA_TICKET.ACTION_ID.in(actionIds)).fetch(JiraTickets::ticket)
                .stream().collect(Collectors.toMap(JiraTicket::actionId, Function.identity()));
    }

    /**
     * Takes up to {@code limit} pending rows due by {@code dueBy}, other than those {@code taken} already, and
     * pushes their next attempt {@code lease} past {@code now}, so no other worker takes them while this one
     * works. A pass claims with {@code dueBy} its own start and the rows it took so far: a row it retried
     * (due again at once with a retry delay of 0, and the clock ticks in seconds) waits for the next pass
     * instead of being taken again and again by this one. {@code SKIP LOCKED} lets workers on other
     * instances take other rows at the same time; the claim's ORDER BY follows ix_jira_ticket_queue, so
     * only the rows taken are locked. Read committed: under repeatable read InnoDB also locks the gaps
     * between index entries, and two workers moving their rows' next attempt forward deadlock on them.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public List<JiraTicket> claim(int limit, LocalDateTime dueBy, Collection<Long> taken, LocalDateTime now,
                                  Duration lease) {
        List<Long> ids = claimQuery(limit, dueBy, taken).fetch(JIRA_TICKET.ACTION_ID);
        if (ids.isEmpty()) {
            return List.of();
        }
        dsl.update(JIRA_TICKET)
                .set(JIRA_TICKET.NEXT_ATTEMPT_AT, now.plus(lease))
                .set(JIRA_TICKET.ATTEMPTS, JIRA_TICKET.ATTEMPTS.plus(1))
                .set(JIRA_TICKET.UPDATED_AT, now)
                .where(JIRA_TICKET.ACTION_ID.in(ids))
                .execute();
        return dsl.selectFrom(JIRA_TICKET).where(JIRA_TICKET.ACTION_ID.in(ids))
                .orderBy(JIRA_TICKET.ACTION_ID).fetch(JiraTickets::ticket);
    }

    /** {@link #claim(int, LocalDateTime, Collection, LocalDateTime, Duration)} of the rows due now. */
    public List<JiraTicket> claim(int limit, LocalDateTime now, Duration lease) {
        return claim(limit, now, List.of(), now, lease);
    }

    /**
     * The claim's query: due pending rows in queue order, locked, rows other workers hold skipped. The
     * state is left out of the ORDER BY on purpose: it is fixed by the WHERE, and MariaDB sorts (locking
     * every due row it reads) when it is named there and the connection's collation differs from the
     * column's, as with a database created {@code utf8mb4_unicode_ci} and Connector/J's default.
     */
    Select<Record1<Long>> claimQuery(int limit, LocalDateTime dueBy, Collection<Long> taken) {
        return dsl.select(JIRA_TICKET.ACTION_ID).from(JIRA_TICKET)
                .where(JIRA_TICKET.STATE.eq(SyncState.PENDING.wireName()))
                .and(JIRA_TICKET.NEXT_ATTEMPT_AT.le(dueBy))
                .and(taken.isEmpty() ? DSL.noCondition() : JIRA_TICKET.ACTION_ID.notIn(taken))
                .orderBy(JIRA_TICKET.NEXT_ATTEMPT_AT, JIRA_TICKET.ACTION_ID)
                .limit(limit)
                .forUpdate().skipLocked();
    }

    /** Takes one follow-up's row whatever its next attempt time; empty when another worker holds it. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public Optional<JiraTicket> claimOne(long actionId, LocalDateTime now, Duration lease) {
        List<Long> ids = dsl.select(JIRA_TICKET.ACTION_ID).from(JIRA_TICKET)
                .where(JIRA_TICKET.ACTION_ID.eq(actionId))
                .forUpdate().skipLocked()
                .fetch(JIRA_TICKET.ACTION_ID);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        dsl.update(JIRA_TICKET)
                .set(JIRA_TICKET.NEXT_ATTEMPT_AT, now.plus(lease))
                .set(JIRA_TICKET.ATTEMPTS, JIRA_TICKET.ATTEMPTS.plus(1))
                .set(JIRA_TICKET.UPDATED_AT, now)
                .where(JIRA_TICKET.ACTION_ID.eq(actionId))
                .execute();
        return find(actionId);
    }

    /** Marks creates about to be sent: until their outcome is written, a retry looks for them first. */
    @Transactional
    public void markUncertain(Collection<Long> actionIds, LocalDateTime now) {
        dsl.update(JIRA_TICKET)
                .set(JIRA_TICKET.CREATE_UNCERTAIN, true)
                .set(JIRA_TICKET.UNCERTAIN_SINCE, now)
                .where(JIRA_TICKET.ACTION_ID.in(actionIds))
                .execute();
    }

    /**
     * The ticket exists (created or found): remember it; the link back is still to be made if {@code linkBack},
     * and with {@code push} the follow-up's state is to be sent to it (a change already waiting stays waiting).
     */
    @Transactional
    public void linked(long actionId, String issueId, String issueKey, boolean linkBack, boolean push,
                       LocalDateTime now) {
        dsl.update(JIRA_TICKET)
                .set(JIRA_TICKET.ISSUE_ID, issueId)
                .set(JIRA_TICKET.ISSUE_KEY, issueKey)
                .set(JIRA_TICKET.STATE, SyncState.PENDING.wireName())
                .set(JIRA_TICKET.LINK_PENDING, linkBack)
                .set(JIRA_TICKET.PUSH_PENDING, push ? DSL.inline(true) : JIRA_TICKET.PUSH_PENDING)
                .set(JIRA_TICKET.CREATE_UNCERTAIN, false)
                .setNull(JIRA_TICKET.UNCERTAIN_SINCE)
                .set(JIRA_TICKET.ATTEMPTS, 0)
                .setNull(JIRA_TICKET.LAST_ERROR)
                .setNull(JIRA_TICKET.CONFIG_HASH)
                .set(JIRA_TICKET.NEXT_ATTEMPT_AT, now)
                .set(JIRA_TICKET.LAST_SYNCED_AT, now)
                .set(JIRA_TICKET.UPDATED_AT, now)
                .where(JIRA_TICKET.ACTION_ID.eq(actionId))
                .execute();
    }

    /**
     * The ticket has what the follow-up said when {@code localChanges} changes had been made in Closeout:
     * nothing left to do, unless a change came in since, which stays pending and is due at once.
     * {@code jiraUpdatedMs}, when known, is Jira's {@code updated} as Closeout left the ticket: only a later
     * change in Jira is applied to the follow-up.
     */
    @Transactional
    public void synced(long actionId, int localChanges, @Nullable Long jiraUpdatedMs, LocalDateTime now) {
        Condition unchanged = JIRA_TICKET.LOCAL_CHANGES.eq(localChanges);
        var update = dsl.update(JIRA_TICKET)
                .set(JIRA_TICKET.STATE, DSL.when(unchanged, DSL.inline(SyncState.SYNCED.wireName()))
                        .otherwise(DSL.inline(SyncState.PENDING.wireName())))
                .set(JIRA_TICKET.LINK_PENDING, false)
                .set(JIRA_TICKET.PUSH_PENDING, DSL.not(unchanged))
                .set(JIRA_TICKET.NEXT_ATTEMPT_AT, DSL.when(unchanged, JIRA_TICKET.NEXT_ATTEMPT_AT)
                        .otherwise(DSL.val(now)))
                .set(JIRA_TICKET.ATTEMPTS, 0)
                .setNull(JIRA_TICKET.LAST_ERROR)
                .set(JIRA_TICKET.LAST_SYNCED_AT, now)
                .set(JIRA_TICKET.UPDATED_AT, now);
        if (jiraUpdatedMs != null) {
            update = update.set(JIRA_TICKET.JIRA_UPDATED_MS,
                    DSL.greatest(DSL.coalesce(JIRA_TICKET.JIRA_UPDATED_MS, DSL.inline(0L)), DSL.val(jiraUpdatedMs)));
        }
        update.where(JIRA_TICKET.ACTION_ID.eq(actionId)).execute();
    }

    /**
     * True when a change made in Closeout waits for the ticket or came in after {@code localChanges}; reads
     * the row locked, so a change being written now is waited for. Part of the caller's transaction.
     */
    @Transactional
    public boolean localChangeWaits(long actionId, int localChanges) {
        return dsl.select(JIRA_TICKET.PUSH_PENDING, JIRA_TICKET.LOCAL_CHANGES).from(JIRA_TICKET)
                .where(JIRA_TICKET.ACTION_ID.eq(actionId))
                .forUpdate()
                .fetchOptional()
                .map(r -> Boolean.TRUE.equals(r.value1()) || r.value2() != localChanges)
                .orElse(false);
    }

    /** The link back is made; a push may still be due. */
    @Transactional
    public void linkedBack(long actionId, LocalDateTime now) {
        dsl.update(JIRA_TICKET)
                .set(JIRA_TICKET.LINK_PENDING, false)
                .set(JIRA_TICKET.UPDATED_AT, now)
                .where(JIRA_TICKET.ACTION_ID.eq(actionId))
                .execute();
    }

    /**
     * A permanent error: the row waits until the mapping (fingerprint {@code configHash}, null when no
     * mapping change can help) or the follow-up changes.
     */
    @Transactional
    public void failed(long actionId, String error, @Nullable String configHash, LocalDateTime now) {
        dsl.update(JIRA_TICKET)
                .set(JIRA_TICKET.STATE, SyncState.FAILED.wireName())
                .set(JIRA_TICKET.LAST_ERROR, cut(error))
                .set(JIRA_TICKET.CONFIG_HASH, configHash)
                .set(JIRA_TICKET.CREATE_UNCERTAIN, false)
                .setNull(JIRA_TICKET.UNCERTAIN_SINCE)
                .set(JIRA_TICKET.UPDATED_AT, now)
                .where(JIRA_TICKET.ACTION_ID.eq(actionId))
                .execute();
    }

    /**
     * The row's own database work failed (a broken row must not stop a pass): it waits, with the reason,
     * until the follow-up changes or a person asks again. An uncertain create stays marked, so the next try
     * looks for its ticket before creating one.
     */
    @Transactional
    public void broken(long actionId, String error, LocalDateTime now) {
        dsl.update(JIRA_TICKET)
                .set(JIRA_TICKET.STATE, SyncState.FAILED.wireName())
                .set(JIRA_TICKET.LAST_ERROR, cut(error))
                .setNull(JIRA_TICKET.CONFIG_HASH)
                .set(JIRA_TICKET.UPDATED_AT, now)
                .where(JIRA_TICKET.ACTION_ID.eq(actionId))
                .execute();
    }

    /**
     * A transient error: try again at {@code next}. {@code uncertain} false clears the mark of an earlier
     * create whose outcome is now known (the tracker answered before doing anything).
     */
    @Transactional
    public void retryLater(Collection<Long> actionIds, String error, LocalDateTime next, boolean uncertain,
                           LocalDateTime now) {
        var update = dsl.update(JIRA_TICKET)
                .set(JIRA_TICKET.LAST_ERROR, cut(error))
                .set(JIRA_TICKET.NEXT_ATTEMPT_AT, next)
                .set(JIRA_TICKET.UPDATED_AT, now);
        if (!uncertain) {
            update = update.set(JIRA_TICKET.CREATE_UNCERTAIN, false).setNull(JIRA_TICKET.UNCERTAIN_SINCE);
        }
        update.where(JIRA_TICKET.ACTION_ID.in(actionIds)).execute();
    }

    /** Waits for the search to catch up before deciding an uncertain create did not happen. */
    @Transactional
    public void postpone(long actionId, LocalDateTime next, LocalDateTime now) {
        dsl.update(JIRA_TICKET)
                .set(JIRA_TICKET.NEXT_ATTEMPT_AT, next)
                .set(JIRA_TICKET.UPDATED_AT, now)
                .where(JIRA_TICKET.ACTION_ID.eq(actionId))
                .execute();
    }

    /**
     * A change made in Closeout: a failed row is tried again, and with {@code push} the change is sent to
     * the ticket. A ticket deleted in Jira stays as it is: it is never recreated behind anyone's back.
     */
    @Transactional
    public void followUpChanged(long actionId, boolean push, LocalDateTime now) {
        // the row is found by its key alone and its state checked here: with the state in the UPDATE's WHERE,
        // MariaDB read ix_jira_ticket_queue and, in the change's repeatable-read transaction, locked the gap
        // before the first pending row, so two people changing two follow-ups at once deadlocked when both
        // rows moved into it (FollowupEditsDuringJobsTest)
        JiraTicketRecord row = dsl.selectFrom(JIRA_TICKET).where(JIRA_TICKET.ACTION_ID.eq(actionId)).forUpdate()
                .fetchOne();
        if (row == null || Boolean.TRUE.equals(row.getIssueDeleted())) {
            return;
        }
        if (SyncState.FAILED.wireName().equals(row.getState())) {
            tryAgainNow(now).where(JIRA_TICKET.ACTION_ID.eq(actionId)).execute();
        }
        if (push) {
            // also before the ticket exists: the create is followed by a push. A pending row keeps its next
            // attempt: it is being worked (the worker sees the count change and leaves it pending) or waits
            // out a retry; a synced one is due at once.
            dsl.update(JIRA_TICKET)
                    .set(JIRA_TICKET.NEXT_ATTEMPT_AT, DSL.when(JIRA_TICKET.STATE.eq(SyncState.PENDING.wireName()),
                            JIRA_TICKET.NEXT_ATTEMPT_AT).otherwise(DSL.val(now)))
                    .set(JIRA_TICKET.STATE, SyncState.PENDING.wireName())
                    .set(JIRA_TICKET.PUSH_PENDING, true)
                    .set(JIRA_TICKET.LOCAL_CHANGES, JIRA_TICKET.LOCAL_CHANGES.plus(1))
                    .set(JIRA_TICKET.UPDATED_AT, now)
                    .where(JIRA_TICKET.ACTION_ID.eq(actionId))
                    .execute();
        }
    }

    /**
     * A follow-up was dismissed: its ticket's pending work is set aside. A ticket never created (nor possibly
     * created: no create without an answer) is forgotten, so none is ever made; the row of a ticket that exists,
     * or may, stays, synced with nothing to push, the ticket left as it is. A failed row stays as it is. Its
     * restore queues the row again ({@link #queue}, {@link #followUpChanged}).
     */
    @Transactional
    public void setAside(long actionId, LocalDateTime now) {
        // read by its key and decided here, as in followUpChanged: no gap lock on the queue's index
        JiraTicketRecord row = dsl.selectFrom(JIRA_TICKET).where(JIRA_TICKET.ACTION_ID.eq(actionId)).forUpdate()
                .fetchOne();
        if (row == null || !SyncState.PENDING.wireName().equals(row.getState())) {
            return;
        }
        if (row.getIssueId() == null && !Boolean.TRUE.equals(row.getCreateUncertain())) {
            dsl.deleteFrom(JIRA_TICKET).where(JIRA_TICKET.ACTION_ID.eq(actionId)).execute();
            return;
        }
        dsl.update(JIRA_TICKET)
                .set(JIRA_TICKET.STATE, SyncState.SYNCED.wireName())
                .set(JIRA_TICKET.PUSH_PENDING, false)
                .set(JIRA_TICKET.UPDATED_AT, now)
                .where(JIRA_TICKET.ACTION_ID.eq(actionId))
                .execute();
    }

    /**
     * Failed creates of a team whose mapping changed since they failed are queued again. {@code teamId}
     * null: follow-ups without a team.
     */
    @Transactional
    public int requeueChangedMapping(@Nullable Long teamId, String configHash, LocalDateTime now) {
        return tryAgainNow(now)
                .where(JIRA_TICKET.STATE.eq(SyncState.FAILED.wireName()))
                .and(JIRA_TICKET.CONFIG_HASH.isNotNull())
                .and(JIRA_TICKET.CONFIG_HASH.ne(configHash))
                .and(JIRA_TICKET.ACTION_ID.in(dsl.select(ACTION_ITEM.ID).from(ACTION_ITEM)
                        .where(teamId == null ? ACTION_ITEM.TEAM_ID.isNull() : ACTION_ITEM.TEAM_ID.eq(teamId))))
                .execute();
    }

    /** A failed row back in the queue, due now, its attempts and failed mapping forgotten. */
    private UpdateSetMoreStep<JiraTicketRecord> tryAgainNow(LocalDateTime now) {
        return dsl.update(JIRA_TICKET)
                .set(JIRA_TICKET.STATE, SyncState.PENDING.wireName())
                .set(JIRA_TICKET.ATTEMPTS, 0)
                .setNull(JIRA_TICKET.CONFIG_HASH)
                .set(JIRA_TICKET.NEXT_ATTEMPT_AT, now)
                .set(JIRA_TICKET.UPDATED_AT, now);
    }

    /** The teams (null among them for no team) that have failed creates a mapping change could mend. */
    @ReadOnly
    public List<Long> teamsWithMappingFailures() {
        return dsl.selectDistinct(ACTION_ITEM.TEAM_ID).from(JIRA_TICKET)
                .join(ACTION_ITEM).on(ACTION_ITEM.ID.eq(JIRA_TICKET.ACTION_ID))
                .where(JIRA_TICKET.STATE.eq(SyncState.FAILED.wireName()))
                .and(JIRA_TICKET.CONFIG_HASH.isNotNull())
                .fetch(ACTION_ITEM.TEAM_ID);
    }

    /** Jira's state as of {@code jiraUpdatedMs} is applied to the follow-up. */
    @Transactional
    public void applied(long actionId, String issueKey, long jiraUpdatedMs, LocalDateTime now) {
        dsl.update(JIRA_TICKET)
                .set(JIRA_TICKET.ISSUE_KEY, issueKey)
                .set(JIRA_TICKET.JIRA_UPDATED_MS, jiraUpdatedMs)
                .set(JIRA_TICKET.LAST_SYNCED_AT, now)
                .set(JIRA_TICKET.UPDATED_AT, now)
                .where(JIRA_TICKET.ACTION_ID.eq(actionId))
                .execute();
    }

    /** The ticket is gone from Jira: say so and leave the row alone (no silent re-create). */
    @Transactional
    public void deletedInJira(long actionId, String error, LocalDateTime now) {
        dsl.update(JIRA_TICKET)
                .set(JIRA_TICKET.STATE, SyncState.FAILED.wireName())
                .set(JIRA_TICKET.ISSUE_DELETED, true)
                .set(JIRA_TICKET.LAST_ERROR, cut(error))
                .setNull(JIRA_TICKET.CONFIG_HASH)
                .set(JIRA_TICKET.PUSH_PENDING, false)
                .set(JIRA_TICKET.LINK_PENDING, false)
                .set(JIRA_TICKET.UPDATED_AT, now)
                .where(JIRA_TICKET.ACTION_ID.eq(actionId))
                .execute();
    }

    /**
     * Starts over for a follow-up a person asked a ticket for ({@code POST /api/actions/{id}/ticket}):
     * a new row, or the old one emptied (a ticket deleted in Jira is forgotten).
     */
    @Transactional
    public void restart(long actionId, LocalDateTime now) {
        queue(actionId, now);
        dsl.update(JIRA_TICKET)
                .set(JIRA_TICKET.STATE, SyncState.PENDING.wireName())
                .setNull(JIRA_TICKET.ISSUE_ID)
                .setNull(JIRA_TICKET.ISSUE_KEY)
                .set(JIRA_TICKET.ISSUE_DELETED, false)
                .set(JIRA_TICKET.CREATE_UNCERTAIN, false)
                .setNull(JIRA_TICKET.UNCERTAIN_SINCE)
                .set(JIRA_TICKET.ATTEMPTS, 0)
                .setNull(JIRA_TICKET.LAST_ERROR)
                .setNull(JIRA_TICKET.CONFIG_HASH)
                .set(JIRA_TICKET.PUSH_PENDING, false)
                .set(JIRA_TICKET.LINK_PENDING, false)
                .setNull(JIRA_TICKET.JIRA_UPDATED_MS)
                .set(JIRA_TICKET.NEXT_ATTEMPT_AT, now)
                .set(JIRA_TICKET.UPDATED_AT, now)
                .where(JIRA_TICKET.ACTION_ID.eq(actionId))
                .execute();
    }

    /** Counts by state, for the status summary. */
    @ReadOnly
    public Map<SyncState, Integer> countByState() {
        return dsl.select(JIRA_TICKET.STATE, org.jooq.impl.DSL.count()).from(JIRA_TICKET)
                .groupBy(JIRA_TICKET.STATE)
                .fetchMap(r -> SyncState.fromWireName(r.value1()), r -> r.value2());
    }

    /** When the longest-waiting pending row was queued. */
    @ReadOnly
    public Optional<LocalDateTime> oldestPending() {
        return dsl.select(org.jooq.impl.DSL.min(JIRA_TICKET.CREATED_AT)).from(JIRA_TICKET)
                .where(JIRA_TICKET.STATE.eq(SyncState.PENDING.wireName()))
                .fetchOptional(0, LocalDateTime.class);
    }

    /** The rows with an error, most recently touched first; of one team's follow-ups when {@code teamId} is set. */
    @ReadOnly
    public List<JiraTicket> withErrors(int limit, @Nullable Long teamId) {
        return dsl.select(JIRA_TICKET.fields()).from(JIRA_TICKET)
                .join(ACTION_ITEM).on(ACTION_ITEM.ID.eq(JIRA_TICKET.ACTION_ID))
                .where(JIRA_TICKET.LAST_ERROR.isNotNull())
                .and(teamId == null ? org.jooq.impl.DSL.noCondition() : ACTION_ITEM.TEAM_ID.eq(teamId))
                .orderBy(JIRA_TICKET.UPDATED_AT.desc(), JIRA_TICKET.ACTION_ID.desc())
                .limit(limit).fetch(r -> ticket(r.into(JIRA_TICKET)));
    }

    /** A postmortem as its tickets name it. */
    public record PostmortemName(@Nullable String title, @Nullable String service) {
    }

    /** The titles and services of these postmortems, by id. */
    @ReadOnly
    public Map<Long, PostmortemName> postmortemNames(Collection<Long> postmortemIds) {
        if (postmortemIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, PostmortemName> names = new java.util.HashMap<>();
        dsl.select(POSTMORTEM.ID, POSTMORTEM.TITLE, POSTMORTEM.SERVICE).from(POSTMORTEM)
                .where(POSTMORTEM.ID.in(postmortemIds))
                .forEach(r -> names.put(r.value1(), new PostmortemName(r.value2(), r.value3())));
        return names;
    }

    private static String cut(String error) {
        return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
    }

    static JiraTicket ticket(JiraTicketRecord row) {
        return new JiraTicket(row.getActionId(), SyncState.fromWireName(row.getState()), row.getIssueId(),
                row.getIssueKey(), row.getAttempts(), row.getLastError(), Boolean.TRUE.equals(row.getCreateUncertain()),
                row.getUncertainSince(), row.getNextAttemptAt(), Boolean.TRUE.equals(row.getPushPending()),
                Boolean.TRUE.equals(row.getLinkPending()), Boolean.TRUE.equals(row.getIssueDeleted()),
                row.getConfigHash(), row.getJiraUpdatedMs(),
                row.getLastSyncedAt(), row.getLocalChanges());
    }
}
