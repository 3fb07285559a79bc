package dev.closeout.notify;

import dev.closeout.db.jooq.tables.records.NotificationRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.closeout.db.jooq.Tables.NOTIFICATION;

/**
 * The {@code notification} table (V22): planned rows written once under their unique key, claimed by workers
 * with {@code SKIP LOCKED} under a lease, and marked with what came of them. Marks apply only to a pending row,
 * so a late worker whose lease ran out cannot turn another's outcome back.
 */
@Singleton
public class Notifications {

    /** The reason column's size (V22). */
    static final int MAX_REASON = 2000;

    private final DSLContext dsl;

    Notifications(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Writes the planned notifications that are not there yet; the unique key drops the others, so instances
     * planning the same day at once write each row once. Returns how many were new.
     */
    @Transactional
    public int plan(Collection<PlannedNotification> planned, LocalDateTime now) {
        int written = 0;
        for (PlannedNotification p : planned) {
            written += dsl.insertInto(NOTIFICATION)
                    .set(NOTIFICATION.KIND, p.kind().wireName())
                    .set(NOTIFICATION.SUBJECT_KEY, p.subjectKey())
                    .set(NOTIFICATION.OCCASION, p.occasion())
                    .set(NOTIFICATION.CHANNEL, p.channel().wireName())
                    .set(NOTIFICATION.ACTION_ID, p.actionId())
                    .set(NOTIFICATION.TEAM_ID, p.teamId())
                    .set(NOTIFICATION.RECIPIENT, p.recipient())
                    .set(NOTIFICATION.DUE_DATE, p.dueDate())
                    .set(NOTIFICATION.OFFSET_DAYS, p.offsetDays())
                    .set(NOTIFICATION.SEND_DAY, p.sendDay())
                    .set(NOTIFICATION.STATE, p.state().wireName())
                    .set(NOTIFICATION.REASON, clipped(p.skippedBecause()))
                    .set(NOTIFICATION.ATTEMPTS, 0)
                    .set(NOTIFICATION.NEXT_ATTEMPT_AT, now)
                    .set(NOTIFICATION.CREATED_AT, now)
                    .set(NOTIFICATION.UPDATED_AT, now)
                    .onDuplicateKeyIgnore()
                    .execute();
        }
        return written;
    }

    /** The subjects that have a notification of {@code kind} for {@code day} already: the planner leaves them be. */
    @ReadOnly
    public Set<String> plannedOn(LocalDate day, NotificationKind kind) {
        return new HashSet<>(dsl.select(NOTIFICATION.SUBJECT_KEY).from(NOTIFICATION)
                .where(NOTIFICATION.SEND_DAY.eq(day)).and(NOTIFICATION.KIND.eq(kind.wireName()))
                .fetch(NOTIFICATION.SUBJECT_KEY));
    }

    /** The rows of one occasion, on every channel, in id order. */
    @ReadOnly
    public List<Notification> findOccasion(String subjectKey, NotificationKind kind, String occasion) {
        return dsl.selectFrom(NOTIFICATION).where(NOTIFICATION.SUBJECT_KEY.eq(subjectKey))
                .and(NOTIFICATION.KIND.eq(kind.wireName())).and(NOTIFICATION.OCCASION.eq(occasion))
                .orderBy(NOTIFICATION.ID).fetch(Notifications::notification);
    }

    /**
     * Whether {@code subjectKey}'s digest for {@code occasion} (a week) went, or is on its way, on any channel. One
     * that went nowhere (skipped: no channel yet; failed: refused) does not count, so a team that sets a channel
     * later in the week still gets the week's digest; the unique key keeps each channel to one row.
     */
    @ReadOnly
    public boolean hasDigest(String subjectKey, String occasion) {
        return dsl.fetchExists(dsl.selectOne().from(NOTIFICATION)
                .where(NOTIFICATION.SUBJECT_KEY.eq(subjectKey))
                .and(NOTIFICATION.KIND.eq(NotificationKind.DIGEST.wireName()))
                .and(NOTIFICATION.OCCASION.eq(occasion))
                .and(NOTIFICATION.STATE.in(NotificationState.PENDING.wireName(), NotificationState.SENT.wireName())));
    }

    /**
     * Takes up to {@code limit} pending rows due by {@code now} and pushes their next attempt {@code lease} past
     * it, so no other worker takes them while this one sends. Read committed, for the reason
     * {@code JiraTickets.claim} gives: under repeatable read two workers deadlock on the index's gaps.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public List<Notification> claim(int limit, LocalDateTime now, Duration lease) {
        List<Long> ids = dsl.select(NOTIFICATION.ID).from(NOTIFICATION)
                .where(NOTIFICATION.STATE.eq(NotificationState.PENDING.wireName()))
                .and(NOTIFICATION.NEXT_ATTEMPT_AT.le(now))
                .orderBy(NOTIFICATION.NEXT_ATTEMPT_AT, NOTIFICATION.ID)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(NOTIFICATION.ID);
        return take(ids, now, lease);
    }

    /**
     * Takes the given pending rows that are due by {@code now}, skipping those another worker holds: locked now,
     * or taken under a lease that has not run out (committed, so no longer locked, and perhaps being sent).
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public List<Notification> claim(Collection<Long> ids, LocalDateTime now, Duration lease) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> free = dsl.select(NOTIFICATION.ID).from(NOTIFICATION)
                .where(NOTIFICATION.ID.in(ids))
                .and(NOTIFICATION.STATE.eq(NotificationState.PENDING.wireName()))
                .and(NOTIFICATION.NEXT_ATTEMPT_AT.le(now))
                .forUpdate().skipLocked()
                .fetch(NOTIFICATION.ID);
        return take(free, now, lease);
    }

    private List<Notification> take(List<Long> ids, LocalDateTime now, Duration lease) {
        if (ids.isEmpty()) {
            return List.of();
        }
        dsl.update(NOTIFICATION)
                .set(NOTIFICATION.NEXT_ATTEMPT_AT, now.plus(lease))
                .set(NOTIFICATION.ATTEMPTS, NOTIFICATION.ATTEMPTS.plus(1))
                .set(NOTIFICATION.UPDATED_AT, now)
                .where(NOTIFICATION.ID.in(ids))
                .execute();
        return dsl.selectFrom(NOTIFICATION).where(NOTIFICATION.ID.in(ids)).orderBy(NOTIFICATION.ID)
                .fetch(Notifications::notification);
    }

    @Transactional
    public void sent(long id, LocalDateTime now) {
        mark(id, NotificationState.SENT, null, now, now);
    }

    /** A passing failure: pending again, tried at {@code next}, the error kept to be seen meanwhile. */
    @Transactional
    public void retryLater(long id, String reason, LocalDateTime next, LocalDateTime now) {
        dsl.update(NOTIFICATION)
                .set(NOTIFICATION.REASON, clipped(reason))
                .set(NOTIFICATION.NEXT_ATTEMPT_AT, next)
                .set(NOTIFICATION.UPDATED_AT, now)
                .where(NOTIFICATION.ID.eq(id))
                .and(NOTIFICATION.STATE.eq(NotificationState.PENDING.wireName()))
                .execute();
    }

    @Transactional
    public void failed(long id, String reason, LocalDateTime now) {
        mark(id, NotificationState.FAILED, reason, null, now);
    }

    @Transactional
    public void skipped(long id, String reason, LocalDateTime now) {
        mark(id, NotificationState.SKIPPED, reason, null, now);
    }

    private void mark(long id, NotificationState state, @Nullable String reason, @Nullable LocalDateTime sentAt,
                      LocalDateTime now) {
        dsl.update(NOTIFICATION)
                .set(NOTIFICATION.STATE, state.wireName())
                .set(NOTIFICATION.REASON, clipped(reason))
                .set(NOTIFICATION.SENT_AT, sentAt)
                .set(NOTIFICATION.UPDATED_AT, now)
                .where(NOTIFICATION.ID.eq(id))
                .and(NOTIFICATION.STATE.eq(NotificationState.PENDING.wireName()))
                .execute();
    }

    @ReadOnly
    public Optional<Notification> find(long id) {
        return dsl.selectFrom(NOTIFICATION).where(NOTIFICATION.ID.eq(id)).fetchOptional(Notifications::notification);
    }

    /** The rows with these ids, in id order. */
    @ReadOnly
    public List<Notification> findAll(Collection<Long> ids) {
        return dsl.selectFrom(NOTIFICATION).where(NOTIFICATION.ID.in(ids)).orderBy(NOTIFICATION.ID)
                .fetch(Notifications::notification);
    }

    /**
     * Newest first, up to {@code limit + 1} rows with ids below {@code before} (null: from the newest), narrowed by
     * each filter that is set. {@code teams} null: every team's and none's; otherwise only those teams' rows.
     */
    @ReadOnly
    public List<Notification> list(@Nullable Long actionId, @Nullable Collection<Long> teams,
                                   @Nullable NotificationState state, @Nullable NotificationKind kind,
                                   @Nullable Long before, int limit) {
        Condition where = DSL.noCondition();
        if (actionId != null) {
            where = where.and(NOTIFICATION.ACTION_ID.eq(actionId));
        }
        if (teams != null) {
            where = where.and(NOTIFICATION.TEAM_ID.in(teams));
        }
        if (state != null) {
            where = where.and(NOTIFICATION.STATE.eq(state.wireName()));
        }
        if (kind != null) {
            where = where.and(NOTIFICATION.KIND.eq(kind.wireName()));
        }
        if (before != null) {
            where = where.and(NOTIFICATION.ID.lt(before));
        }
        return dsl.selectFrom(NOTIFICATION).where(where).orderBy(NOTIFICATION.ID.desc()).limit(limit + 1)
                .fetch(Notifications::notification);
    }

    /** Rows by state, kind and channel: what {@code /prometheus} shows. */
    @ReadOnly
    public Map<NotificationState, Map<NotificationKind, Map<Channel, Integer>>> counts() {
        Map<NotificationState, Map<NotificationKind, Map<Channel, Integer>>> counts =
                new EnumMap<>(NotificationState.class);
        dsl.select(NOTIFICATION.STATE, NOTIFICATION.KIND, NOTIFICATION.CHANNEL, DSL.count())
                .from(NOTIFICATION)
                .groupBy(NOTIFICATION.STATE, NOTIFICATION.KIND, NOTIFICATION.CHANNEL)
                .fetch()
                .forEach(row -> counts.computeIfAbsent(NotificationState.fromWireName(row.value1()),
                                state -> new EnumMap<>(NotificationKind.class))
                        .computeIfAbsent(NotificationKind.fromWireName(row.value2()), kind -> new EnumMap<>(Channel.class))
                        .put(Channel.fromWireName(row.value3()), row.value4()));
        return counts;
    }

    private static @Nullable String clipped(@Nullable String reason) {
        return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }

    static Notification notification(NotificationRecord row) {
        return new Notification(row.getId(), NotificationKind.fromWireName(row.getKind()), row.getSubjectKey(),
                row.getOccasion(), Channel.fromWireName(row.getChannel()), row.getActionId(), row.getTeamId(),
                row.getRecipient(), row.getDueDate(), row.getOffsetDays(), row.getSendDay(),
                NotificationState.fromWireName(row.getState()), row.getReason(), row.getAttempts(),
                row.getNextAttemptAt(), row.getSentAt(), row.getCreatedAt(), row.getUpdatedAt());
    }
}
