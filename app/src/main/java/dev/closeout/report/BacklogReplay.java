package dev.closeout.report;

import dev.closeout.report.FollowupTimeline.Current;
import dev.closeout.report.FollowupTimeline.Event;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record12;
import org.jooq.ResultQuery;
import org.jooq.exception.DataAccessException;
import org.jooq.SQLDialect;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.closeout.db.jooq.Tables.ACTION_EVENT;
import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

/**
 * Counts the backlog of past days from the follow-ups' events ({@link FollowupTimeline}): every follow-up in
 * one ordered pass over its events (the backfill), or only those changed since a recent day, the others
 * counted as they stand now (the refresh of recent days).
 */
@Singleton
class BacklogReplay {

    /** Rows Connector/J streams one by one only with this fetch size; H2 takes an ordinary one. */
    private static final int MYSQL_STREAMING = Integer.MIN_VALUE;
    private static final int FETCH_SIZE = 5_000;
    private static final long SECONDS_PER_DAY = 86_400;

    private final DSLContext dsl;
    private final ReportCalendar calendar;

    BacklogReplay(DSLContext dsl, ReportCalendar calendar) {
        this.dsl = dsl;
        this.calendar = calendar;
    }

    /** The backlog at the end of every day from {@code first} to {@code last}, every follow-up replayed. */
    @ReadOnly
    BacklogTally everything(LocalDate first, LocalDate last) {
        BacklogTally tally = new BacklogTally(first, last);
        replay(noCondition(), tally, first.toEpochDay(), false);
        return tally;
    }

    /**
     * The backlog at the end of every day from {@code from} to {@code last}: a follow-up none of whose
     * {@link FollowupTimeline#FIELDS} changed since {@code from} began stood then as it stands now, so those
     * are counted with one grouped query; the few that changed are replayed from their events.
     */
    @ReadOnly
    BacklogTally since(LocalDate from, LocalDate last) {
        BacklogTally tally = new BacklogTally(from, last);
        countAsNow(tally, from, last);
        Condition changed = ACTION_ITEM.ID.in(select(ACTION_EVENT.ACTION_ID).from(ACTION_EVENT)
                .where(ACTION_EVENT.FIELD.in(FollowupTimeline.FIELDS))
                .and(ACTION_EVENT.OCCURRED_AT.ge(calendar.startOfDayUtc(from))));
        replay(changed, tally, from.toEpochDay(), true);
        return tally;
    }

    /** Every active follow-up as it stands now, on each day from {@code from} to {@code last}: one grouped query. */
    private void countAsNow(BacklogTally tally, LocalDate from, LocalDate last) {
        List<LocalDate> days = from.datesUntil(last.plusDays(1)).toList();
        List<Field<?>> fields = new ArrayList<>(List.of(ACTION_ITEM.TEAM_ID, count()));
        for (LocalDate day : days) {
            // overdue on the day: due before it (FollowupRules.overdueOn)
            fields.add(sum(when(ACTION_ITEM.DUE_DATE.lt(day), inline(1)).else_(inline(0))));
        }
        for (Record row : dsl.select(fields).from(ACTION_ITEM).where(FollowupRules.active())
                .groupBy(ACTION_ITEM.TEAM_ID).fetch()) {
            long team = teamKey(row.get(0, Long.class));
            tally.addOpen(team, from.toEpochDay(), Long.MAX_VALUE, row.get(1, Integer.class));
            for (int i = 0; i < days.size(); i++) {
                long day = days.get(i).toEpochDay();
                tally.addOverdue(team, day, day + 1, row.get(2 + i, BigDecimal.class).intValue());
            }
        }
    }

    /**
     * Replays the follow-ups {@code which} selects, in one pass over their events ordered by follow-up and
     * time, each follow-up's events held only while it is replayed. {@code replacingNow}: their state now was
     * counted already, and is taken away again.
     */
    private void replay(Condition which, BacklogTally tally, long from, boolean replacingNow) {
        ZoneId zone = calendar.zone();
        Long fixedOffset = zone.getRules().isFixedOffset()
                ? (long) zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds()
                : null;
        boolean mysql = dsl.dialect().family() == SQLDialect.MYSQL || dsl.dialect().family() == SQLDialect.MARIADB;
        ResultQuery<Record12<Long, Long, LocalDate, String, Boolean, Boolean, LocalDateTime, Long, String, String,
                String, LocalDateTime>> query = dsl
                .select(ACTION_ITEM.ID, ACTION_ITEM.TEAM_ID, ACTION_ITEM.DUE_DATE, ACTION_ITEM.STATUS,
                        ACTION_ITEM.REMOVED_FROM_SOURCE, ACTION_ITEM.DISMISSED, ACTION_ITEM.CREATED_AT, ACTION_EVENT.ID,
                        ACTION_EVENT.FIELD, ACTION_EVENT.OLD_VALUE, ACTION_EVENT.NEW_VALUE, ACTION_EVENT.OCCURRED_AT)
                .from(ACTION_ITEM)
                .leftJoin(ACTION_EVENT).on(ACTION_EVENT.ACTION_ID.eq(ACTION_ITEM.ID)
                        .and(ACTION_EVENT.FIELD.in(FollowupTimeline.FIELDS)))
                .where(which)
                // by follow-up only: MariaDB then reads action_item in key order and each one's events from
                // ix_action_event_action, with no sort of the whole history; a follow-up's few events are put in
                // order here (by id: ids grow with time, occurred_at ties within a second on MariaDB)
                .orderBy(ACTION_ITEM.ID)
                .fetchSize(mysql ? MYSQL_STREAMING : FETCH_SIZE);
        // read from the JDBC rows as they stream in, in the select's column order: a jOOQ record per row costs more
        // than the rest of the replay at three million events
        try (ResultSet rows = query.fetchResultSet()) {
            long followup = -1;
            Current now = null;
            List<Event> events = new ArrayList<>();
            while (rows.next()) {
                long id = rows.getLong(1);
                if (id != followup) {
                    tally(now, events, tally, from, replacingNow);
                    followup = id;
                    long team = rows.getLong(2);
                    now = new Current(rows.wasNull() ? BacklogHistory.NO_TEAM : team,
                            rows.getObject(3, LocalDate.class), rows.getString(4), rows.getBoolean(5),
                            rows.getBoolean(6), day(rows.getObject(7, LocalDateTime.class), fixedOffset));
                    events = new ArrayList<>();
                }
                long event = rows.getLong(8);
                if (!rows.wasNull()) {
                    events.add(new Event(event, rows.getString(9), rows.getString(10), rows.getString(11),
                            day(rows.getObject(12, LocalDateTime.class), fixedOffset)));
                }
            }
            tally(now, events, tally, from, replacingNow);
        } catch (SQLException e) {
            throw new DataAccessException("reading the follow-ups' events: " + e.getMessage(), e);
        }
    }

    private static void tally(Current now, List<Event> events, BacklogTally tally, long from, boolean replacingNow) {
        if (now == null) {
            return;
        }
        events.sort(Comparator.comparingLong(Event::id));
        if (replacingNow) {
            FollowupTimeline.asNow(now, tally, from, -1);
        }
        FollowupTimeline.replay(now, events, tally, from);
    }

    /** The epoch day of the reports' calendar a stored UTC time falls on; plain arithmetic for a fixed offset. */
    private long day(LocalDateTime utc, Long fixedOffset) {
        if (fixedOffset != null) {
            return Math.floorDiv(utc.toEpochSecond(ZoneOffset.UTC) + fixedOffset, SECONDS_PER_DAY);
        }
        return calendar.dayOf(utc).toEpochDay();
    }

    static long teamKey(Long teamId) {
        return teamId == null ? BacklogHistory.NO_TEAM : teamId;
    }
}
