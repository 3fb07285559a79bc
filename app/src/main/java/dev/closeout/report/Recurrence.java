package dev.closeout.report;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Whether a cause came back after its follow-ups were done, while they were still being worked on, or
 * otherwise (docs/reports.md, "Recurring causes"). Judged over the cause's incidents in the report's window:
 * each incident against the follow-ups of every earlier one, as they stood when it started.
 */
@Serdeable
public enum Recurrence {
    /**
     * An incident started when every follow-up of an earlier incident of the cause was done: the fix did not
     * hold. Wins over {@link #KNOWN_NOT_FIXED}: it says the remedy itself was wrong, which work left open
     * elsewhere does not explain away, and it is the one a review must not miss.
     */
    FIXED_BUT_RECURRED("fixed_but_recurred"),
    /** An incident started while an earlier incident of the cause still had follow-ups open or in progress. */
    KNOWN_NOT_FIXED("known_not_fixed"),
    /**
     * Neither: the earlier incidents' follow-ups had not been created yet (imported later), some were not being
     * done and none was open, or there were none.
     */
    RECURRING("recurring");

    private final String wireName;

    Recurrence(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /**
     * An incident of the cause: its incident time, whether that is its start (else its import: the start is not
     * known) and its follow-ups' history.
     */
    record Incident(LocalDateTime time, boolean started, IncidentFollowups followUps) {
    }

    /** The recurrence of a cause with these incidents. */
    static Recurrence of(List<Incident> incidents) {
        List<Incident> ordered = incidents.stream().sorted(Comparator.comparing(Incident::time)).toList();
        // the later incidents: those whose start is known. One known only by its import may have started long
        // before; the follow-ups of postmortems imported with it were not there when it happened
        LocalDateTime[] times = ordered.stream().filter(Incident::started).map(Incident::time)
                .toArray(LocalDateTime[]::new);
        boolean knownNotFixed = false;
        for (Incident earlier : ordered) {
            for (IncidentFollowups.Interval done : earlier.followUps().allDone()) {
                if (laterIncidentWithin(times, earlier.time(), done)) {
                    return FIXED_BUT_RECURRED;
                }
            }
            if (!knownNotFixed) {
                knownNotFixed = earlier.followUps().active().stream()
                        .anyMatch(active -> laterIncidentWithin(times, earlier.time(), active));
            }
        }
        return knownNotFixed ? KNOWN_NOT_FIXED : RECURRING;
    }

    /** Whether an incident after {@code after} started within {@code interval}. */
    private static boolean laterIncidentWithin(LocalDateTime[] times, LocalDateTime after,
                                               IncidentFollowups.Interval interval) {
        int first = Math.max(firstAfter(times, after), firstAtOrAfter(times, interval.from()));
        return first < times.length && (interval.until() == null || times[first].isBefore(interval.until()));
    }

    private static int firstAfter(LocalDateTime[] times, LocalDateTime time) {
        int index = Arrays.binarySearch(times, time);
        if (index < 0) {
            return -index - 1;
        }
        while (index < times.length && !times[index].isAfter(time)) {
            index++;
        }
        return index;
    }

    private static int firstAtOrAfter(LocalDateTime[] times, LocalDateTime time) {
        int index = Arrays.binarySearch(times, time);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && times[index - 1].equals(time)) {
            index--;
        }
        return index;
    }
}
