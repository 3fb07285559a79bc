package dev.closeout.report;

import dev.closeout.report.OverdueQueries.OverdueGroup;
import io.micronaut.core.annotation.Nullable;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The overdue report's totals, added up from the groups {@link OverdueQueries} counts: overdue follow-ups by
 * team (null: no team), owner, service, priority and age bucket, and those due soon. A group whose bucket is
 * {@link OverdueQueries#DUE_SOON} counts only towards {@link #dueSoon()}.
 */
final class OverdueCounts {

    private int total;
    private int dueSoon;
    private final Map<Long, Integer> byTeam = new HashMap<>();
    private final Map<String, Integer> byOwner = new HashMap<>();
    private final Map<String, Integer> byService = new HashMap<>();
    private final Map<String, Integer> byPriority = new HashMap<>();
    private final Map<AgeBucket, Integer> byAge = new EnumMap<>(AgeBucket.class);

    /** The totals of groups that each tell every dimension at once. */
    static OverdueCounts of(List<OverdueGroup> groups) {
        OverdueCounts counts = new OverdueCounts();
        for (OverdueGroup group : groups) {
            counts.addTally(group.teamId(), group.priority(), group.bucket(), group.count());
            if (!isDueSoon(group.bucket())) {
                counts.addOwner(group.owner(), group.count());
                counts.addService(group.service(), group.count());
            }
        }
        return counts;
    }

    /** {@code count} follow-ups of a team and priority in a bucket: all totals but the owners' and services'. */
    void addTally(@Nullable Long teamId, @Nullable String priority, String bucket, int count) {
        if (isDueSoon(bucket)) {
            dueSoon += count;
            return;
        }
        total += count;
        byTeam.merge(teamId, count, Integer::sum);
        byPriority.merge(priority, count, Integer::sum);
        byAge.merge(AgeBucket.ofLabel(bucket), count, Integer::sum);
    }

    /** {@code count} overdue follow-ups of an owner (null: none). */
    void addOwner(@Nullable String owner, int count) {
        byOwner.merge(owner, count, Integer::sum);
    }

    /** {@code count} overdue follow-ups of a service (null: none). */
    void addService(@Nullable String service, int count) {
        byService.merge(service, count, Integer::sum);
    }

    int total() {
        return total;
    }

    int dueSoon() {
        return dueSoon;
    }

    Map<Long, Integer> byTeam() {
        return byTeam;
    }

    Map<String, Integer> byOwner() {
        return byOwner;
    }

    Map<String, Integer> byService() {
        return byService;
    }

    Map<String, Integer> byPriority() {
        return byPriority;
    }

    int inBucket(AgeBucket bucket) {
        return byAge.getOrDefault(bucket, 0);
    }

    private static boolean isDueSoon(String bucket) {
        return bucket.equals(OverdueQueries.DUE_SOON);
    }
}
