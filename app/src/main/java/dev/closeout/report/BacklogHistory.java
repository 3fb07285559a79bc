package dev.closeout.report;

import dev.closeout.report.BacklogTally.Change;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The backlog's history: how many follow-ups were active and overdue at the end of each day, per team, kept
 * in {@code backlog_day} (docs/reports.md, "Backlog history"). A day is final once it was counted after it
 * ended; until then, and when it is missing, it is counted again. The days since a recent day are counted
 * from the follow-ups changed since then; a longer gap (first start, a database restored, the zone changed)
 * replays every follow-up's events.
 */
@Singleton
public class BacklogHistory {

    /** The team key of follow-ups of no team. */
    public static final long NO_TEAM = 0;
    /** A gap up to this many days is counted from the follow-ups changed in it; a longer one replays everything. */
    static final int RECENT_DAYS = 14;
    /** Days written in one transaction: a day is never left half written. */
    private static final int DAYS_PER_WRITE = 92;

    private final ReentrantLock counting = new ReentrantLock();
    private final BacklogStore store;
    private final BacklogReplay replay;
    private final ReportCalendar calendar;

    BacklogHistory(BacklogStore store, BacklogReplay replay, ReportCalendar calendar) {
        this.store = store;
        this.replay = replay;
        this.calendar = calendar;
    }

    /**
     * What a refresh did: the days it counted (none when there is no follow-up), whether it replayed every
     * follow-up, the rows written, the time counting took and the whole refresh took.
     */
    public record Refresh(@Nullable LocalDate from, @Nullable LocalDate to, boolean everything, int rows,
                          Duration counting, Duration took) {
    }

    /**
     * One team's backlog at the end of a day, and its follow-ups created, closed as done or not doing, and
     * reopened on that day; {@code team} is {@link #NO_TEAM} for follow-ups of no team.
     */
    public record TeamCount(long team, int open, int overdue, int created, int done, int notDoing, int reopened) {

        public int closed() {
            return done + notDoing;
        }
    }

    /** Counts the days that are missing or not final, up to today. */
    public Refresh refresh() {
        // one count at a time on this instance: two at once (the first views after a start, or a review and the
        // week before it read side by side) write the same days, and MariaDB ended one of them as a deadlock
        counting.lock();
        try {
            return refreshAlone();
        } finally {
            counting.unlock();
        }
    }

    private Refresh refreshAlone() {
        long started = System.nanoTime();
        store.forgetOtherZones();
        LocalDate today = calendar.today();
        Optional<LocalDate> first = store.firstDay().map(day -> day.isAfter(today) ? today : day);
        if (first.isEmpty()) {
            return new Refresh(null, null, false, 0, Duration.ZERO, Duration.ofNanos(System.nanoTime() - started));
        }
        LocalDate from = firstToCount(first.get(), today);
        boolean everything = from.isBefore(today.minusDays(RECENT_DAYS));
        long counting = System.nanoTime();
        BacklogTally tally = everything ? replay.everything(first.get(), today) : replay.since(from, today);
        // every counted day gets a row, even one with no active follow-up: a day without rows is a missing day
        tally.include(NO_TEAM);
        Duration counted = Duration.ofNanos(System.nanoTime() - counting);
        int rows = write(tally, from, today);
        return new Refresh(from, today, everything, rows, counted, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The backlog at the end of each of {@code days}, and what changed on it, of one team or (null) of every
     * team: each day's counts by team, an empty list for a day before the first follow-up or after today.
     * Missing or unfinished past days are counted first; today is counted now, from the follow-ups as they
     * stand and those changed today ({@link BacklogReplay#since}), not read as the job last counted it: a
     * follow-up closed a minute ago is closed in the week in progress.
     */
    public Map<LocalDate, List<TeamCount>> atEndOf(Collection<LocalDate> days, @Nullable Long team) {
        LocalDate today = calendar.today();
        Optional<LocalDate> first = store.firstDay();
        Map<LocalDate, List<TeamCount>> counts = new HashMap<>();
        days.forEach(day -> counts.put(day, new ArrayList<>()));
        if (first.isEmpty()) {
            return counts;
        }
        List<LocalDate> kept = days.stream().filter(day -> !day.isBefore(first.get()) && !day.isAfter(today))
                .sorted().toList();
        if (!kept.isEmpty()) {
            Map<LocalDate, LocalDateTime> countedAt = store.countedAt(kept.get(0), kept.get(kept.size() - 1));
            if (kept.stream().anyMatch(day -> !countedAt.containsKey(day)
                    || (day.isBefore(today) && !isFinal(day, countedAt.get(day))))) {
                refresh();
            }
            List<LocalDate> past = kept.stream().filter(day -> day.isBefore(today)).toList();
            if (!past.isEmpty()) {
                store.read(past, team).forEach(row -> counts.get(row.day()).add(new TeamCount(row.team(),
                        row.open(), row.overdue(), row.created(), row.done(), row.notDoing(), row.reopened())));
            }
            if (kept.contains(today)) {
                counts.get(today).addAll(countedNow(today, team));
            }
        }
        return counts;
    }

    /** Today's counts by team (of {@code team} only, when given), counted now. */
    private List<TeamCount> countedNow(LocalDate today, @Nullable Long team) {
        BacklogTally tally = replay.since(today, today);
        List<TeamCount> counts = new ArrayList<>();
        for (long key : tally.teams()) {
            if (team != null && key != team) {
                continue;
            }
            BacklogTally.DayCounts day = tally.counts(key);
            counts.add(new TeamCount(key, day.open()[0], day.overdue()[0], day.changed(Change.CREATED, 0),
                    day.changed(Change.DONE, 0), day.changed(Change.NOT_DOING, 0), day.changed(Change.REOPENED, 0)));
        }
        return counts;
    }

    /** The first day from {@code first} to {@code today} that is missing or was counted before it ended. */
    private LocalDate firstToCount(LocalDate first, LocalDate today) {
        Map<LocalDate, LocalDateTime> countedAt = store.countedAt(first, today);
        for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
            LocalDateTime counted = countedAt.get(day);
            if (counted == null || !isFinal(day, counted)) {
                return day;
            }
        }
        return today;
    }

    /** Counted after the day ended in the reports' zone: no later change can fall on it any more. */
    private boolean isFinal(LocalDate day, LocalDateTime countedAt) {
        return !countedAt.isBefore(calendar.startOfDayUtc(day.plusDays(1)));
    }

    private int write(BacklogTally tally, LocalDate from, LocalDate to) {
        LocalDateTime now = LocalDateTime.ofInstant(calendar.now(), ZoneOffset.UTC);
        Map<Long, BacklogTally.DayCounts> byTeam = new HashMap<>();
        tally.teams().forEach(team -> byTeam.put(team, tally.counts(team)));
        int written = 0;
        for (LocalDate chunk = from; !chunk.isAfter(to); chunk = chunk.plusDays(DAYS_PER_WRITE)) {
            LocalDate chunkEnd = chunk.plusDays(DAYS_PER_WRITE - 1L).isAfter(to) ? to
                    : chunk.plusDays(DAYS_PER_WRITE - 1L);
            List<BacklogStore.Row> rows = new ArrayList<>();
            for (LocalDate day = chunk; !day.isAfter(chunkEnd); day = day.plusDays(1)) {
                int index = (int) (day.toEpochDay() - tally.first().toEpochDay());
                for (Map.Entry<Long, BacklogTally.DayCounts> team : byTeam.entrySet()) {
                    BacklogTally.DayCounts counts = team.getValue();
                    rows.add(new BacklogStore.Row(day, team.getKey(), counts.open()[index], counts.overdue()[index],
                            counts.changed(Change.CREATED, index), counts.changed(Change.DONE, index),
                            counts.changed(Change.NOT_DOING, index), counts.changed(Change.REOPENED, index)));
                }
            }
            store.write(chunk, chunkEnd, rows, byTeam.keySet(), now);
            written += rows.size();
        }
        return written;
    }
}
