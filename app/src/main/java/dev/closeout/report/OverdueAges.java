package dev.closeout.report;

import dev.closeout.report.OverdueReport.AgeCount;

import java.time.LocalDate;
import java.util.List;

/**
 * The overdue report's age buckets on {@code asOf} without its other counts and its page: every bucket, in order,
 * those with no follow-up too, as {@link OverdueReport#byAge()} has them for the same day and team.
 */
public record OverdueAges(LocalDate asOf, List<AgeCount> byAge) {
}
