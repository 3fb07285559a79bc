package dev.closeout.report;

import dev.closeout.report.OverdueQueries.Position;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * What the overdue report is asked for, checked: filters (null: any), the day (null: today in the reports'
 * zone) and the page.
 *
 * @param team  a team's key; a team-scoped caller gets its own team whether or not it names it
 * @param after where the previous page ended; null for the first page
 */
record OverdueRequest(
        @Nullable String team,
        @Nullable String owner,
        @Nullable String service,
        @Nullable String priority,
        @Nullable String kind,
        @Nullable LocalDate asOf,
        int limit,
        @Nullable Position after) {

    /** The first page of the report the command line asks for: a team or every one, as of today. */
    static OverdueRequest firstPage(@Nullable String team, int limit) {
        return new OverdueRequest(team, null, null, null, null, null, limit, null);
    }
}
