package dev.closeout.report;

import dev.closeout.action.ActionItem;
import dev.closeout.action.InvalidRequest;
import dev.closeout.web.Cursor;
import io.micronaut.core.annotation.Introspected;
import dev.closeout.report.OverdueQueries.Position;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The query parameters of {@code GET /api/reports/overdue}, as sent; {@link #request()} checks them, answering
 * 400 naming the one that is invalid.
 */
@Introspected
record OverdueParams(
        @Parameter(description = "A team's key: only its follow-ups. A team-scoped token gets its own team, and "
                + "403 for another.")
        @QueryValue @Nullable String team,
        @Parameter(description = "Only follow-ups of this owner: `dana`, `@dana` and `Dana` alike, e-mails in any case.")
        @QueryValue @Nullable String owner,
        @Parameter(description = "Only follow-ups whose postmortem is of this service (any case).")
        @QueryValue @Nullable String service,
        @Parameter(description = "Only follow-ups of this priority (any case), e.g. P1.")
        @QueryValue @Nullable String priority,
        @Parameter(description = "corrective or preventative.")
        @QueryValue @Nullable String kind,
        @Parameter(description = "The day the report describes, YYYY-MM-DD; default today in "
                + "closeout.reports.time-zone. An earlier day is computed from the follow-ups' history.")
        @QueryValue("as_of") @Nullable String asOf,
        @Parameter(description = "Items per page, 1 to 200; default 50.")
        @QueryValue @Nullable Integer limit,
        @Parameter(description = "The `next` of the previous page.")
        @QueryValue @Nullable String cursor) {

    /** The sort a cursor of this report names, so a cursor of another list is refused. */
    static final String CURSOR_SORT = "overdue";

    OverdueRequest request() {
        if (kind != null && !ActionItem.KINDS.contains(kind)) {
            throw InvalidRequest.of("kind", "must be corrective or preventative, was '" + kind + "'");
        }
        return new OverdueRequest(nonBlank("team", team), nonBlank("owner", owner), nonBlank("service", service),
                nonBlank("priority", priority), kind, day(), Cursor.limit(limit), after());
    }

    private @Nullable LocalDate day() {
        try {
            return asOf == null ? null : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of("as_of", "must be a date YYYY-MM-DD, was '" + asOf + "'");
        }
    }

    private @Nullable Position after() {
        Cursor.Key key = Cursor.decode(cursor, CURSOR_SORT);
        if (key == null) {
            return null;
        }
        try {
            return new Position(LocalDate.parse(String.valueOf(key.value())), key.id());
        } catch (DateTimeException e) {
            throw InvalidRequest.of("cursor", "'" + cursor + "' is not a cursor from a previous page's 'next'");
        }
    }

    private static @Nullable String nonBlank(String name, @Nullable String value) {
        if (value != null && value.isBlank()) {
            throw InvalidRequest.of(name, "must not be blank");
        }
        return value == null ? null : value.strip();
    }
}
