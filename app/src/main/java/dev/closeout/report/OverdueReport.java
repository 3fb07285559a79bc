package dev.closeout.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * The overdue report ({@code GET /api/reports/overdue}): how many follow-ups are overdue on {@code as_of} and
 * due within the week after it, the overdue ones counted by team, owner, service, priority and age, and one
 * page of them, most overdue first ({@code next} is the cursor of the following page). Counts cover every
 * follow-up the filters match, not only the page. docs/reports.md, "Overdue".
 */
@Serdeable
public record OverdueReport(
        LocalDate asOf,
        int total,
        int dueSoon,
        List<TeamCount> byTeam,
        List<OwnerCount> byOwner,
        List<ServiceCount> byService,
        List<PriorityCount> byPriority,
        List<AgeCount> byAge,
        List<OverdueItem> items,
        @Nullable String next) implements ReportAnswer {

    /** Overdue follow-ups of a team (by key; null: of no team). */
    @Serdeable
    public record TeamCount(@Nullable String team, int count) {
    }

    @Serdeable
    public record OwnerCount(@Nullable String owner, int count) {
    }

    /** By the service of the follow-up's postmortem. */
    @Serdeable
    public record ServiceCount(@Nullable String service, int count) {
    }

    @Serdeable
    public record PriorityCount(@Nullable String priority, int count) {
    }

    /** Every bucket is listed, in order, those with no follow-up too. */
    @Serdeable
    public record AgeCount(AgeBucket bucket, int count) {
    }

    /** The items of this page; the whole list is the CSV export of the API and the command line. */
    @Override
    public List<String> csvHeader() {
        return OverdueItem.CSV_HEADER;
    }

    @Override
    public Stream<List<?>> csvRows() {
        return items.stream().map(OverdueItem::csvRow);
    }

    @Override
    public String text() {
        return OverdueText.of(this);
    }
}
