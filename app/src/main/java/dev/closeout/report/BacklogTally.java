package dev.closeout.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Per team, how many follow-ups were active and overdue at the end of each day from {@code first} to
 * {@code last}, accumulated as difference arrays: a follow-up active from day a to day b adds 1 at a and
 * takes 1 away at b, so a million follow-ups cost a million additions and the counts come out of one
 * running sum per team. Besides, how many were created, closed (done, not doing) and reopened on each day.
 * Teams are keyed by id, {@link BacklogHistory#NO_TEAM} for follow-ups of no team.
 */
final class BacklogTally {

    private final LocalDate first;
    private final long firstEpochDay;
    private final int days;
    private final Map<Long, int[][]> teams = new HashMap<>();

    BacklogTally(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("days " + first + " to " + last);
        }
        this.first = first;
        this.firstEpochDay = first.toEpochDay();
        this.days = (int) ChronoUnit.DAYS.between(first, last) + 1;
    }

    LocalDate first() {
        return first;
    }

    LocalDate last() {
        return first.plusDays(days - 1L);
    }

    /**
     * {@code weight} more follow-ups of {@code team} active at the end of each day from epoch day {@code from} to
     * the day before {@code until}; days outside the tally are left out.
     */
    void addOpen(long team, long from, long until, int weight) {
        add(arrays(team)[0], from, until, weight);
    }

    /** As {@link #addOpen}, for overdue follow-ups. */
    void addOverdue(long team, long from, long until, int weight) {
        add(arrays(team)[1], from, until, weight);
    }

    /** What happened to a follow-up on a day, counted per day. */
    enum Change {
        CREATED, DONE, NOT_DOING, REOPENED
    }

    /** One more follow-up of {@code team} {@code change}d on epoch day {@code day}; days outside the tally are left out. */
    void add(long team, Change change, long day) {
        long index = day - firstEpochDay;
        if (index >= 0 && index < days) {
            arrays(team)[2 + change.ordinal()][(int) index]++;
        }
    }

    /** Makes {@code team} part of the counts even when it adds nothing (its days then count zero). */
    void include(long team) {
        arrays(team);
    }

    Set<Long> teams() {
        return teams.keySet();
    }

    /** The counts of {@code team} on each day, the first day at index 0. */
    DayCounts counts(long team) {
        int[][] diff = teams.get(team);
        int[] open = new int[days];
        int[] overdue = new int[days];
        if (diff == null) {
            return new DayCounts(open, overdue, new int[Change.values().length][days]);
        }
        int runningOpen = 0;
        int runningOverdue = 0;
        for (int day = 0; day < days; day++) {
            runningOpen += diff[0][day];
            runningOverdue += diff[1][day];
            open[day] = runningOpen;
            overdue[day] = runningOverdue;
        }
        int[][] changes = new int[Change.values().length][];
        for (Change change : Change.values()) {
            changes[change.ordinal()] = diff[2 + change.ordinal()];
        }
        return new DayCounts(open, overdue, changes);
    }

    /** One team's counts, day by day from the tally's first day; {@code changes} by {@link Change#ordinal()}. */
    record DayCounts(int[] open, int[] overdue, int[][] changes) {

        int changed(Change change, int day) {
            return changes[change.ordinal()][day];
        }
    }

    private int[][] arrays(long team) {
        // active and overdue as differences, with one slot past the last day where "until after it" lands;
        // then one count per day of each change
        return teams.computeIfAbsent(team, key -> new int[2 + Change.values().length][days + 1]);
    }

    private void add(int[] diff, long from, long until, int weight) {
        int start = clamp(from - firstEpochDay);
        int end = clamp(until - firstEpochDay);
        if (start < end) {
            diff[start] += weight;
            diff[end] -= weight;
        }
    }

    private int clamp(long index) {
        return (int) Math.max(0, Math.min(days, index));
    }
}
