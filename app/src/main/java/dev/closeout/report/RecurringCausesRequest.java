package dev.closeout.report;

import dev.closeout.security.Caller;
import dev.closeout.team.TeamKeys;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * What the recurring-causes report is asked for: incidents dated {@code from} to {@code to} (both included),
 * of one team and one service when given, causes seen at least {@code minIncidents} times, each listing its latest
 * {@code perCause} postmortems.
 *
 * @param teamId  the team whose postmortems and follow-ups count (docs/api.md, "Team scope"), null for all
 * @param service a service, any case
 */
public record RecurringCausesRequest(LocalDate from, LocalDate to, @Nullable Long teamId, @Nullable String service,
                                     int minIncidents, int perCause) {

    /** The window when none is given: the last 365 days, today included (or ending at {@code to}). */
    public static final int DEFAULT_DAYS = 365;
    public static final int DEFAULT_MIN_INCIDENTS = 2;
    /** Postmortems listed per cause unless asked otherwise: a page's worth; the count and CSV have them all. */
    public static final int DEFAULT_PER_CAUSE = 50;

    /**
     * The request of these query parameters (null: not given) for {@code caller}; a bad value is a 400 naming
     * its parameter. A team-scoped token gets its own team's report, and 403 for another team's (existing or
     * not); an unknown team is a 400 to anyone else.
     */
    public static RecurringCausesRequest of(@Nullable String from, @Nullable String to, @Nullable String team,
                                            @Nullable String service, @Nullable String minIncidents,
                                            @Nullable String perCause, Caller caller, TeamKeys teamKeys,
                                            ReportCalendar calendar) {
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (toDate == null) {
            toDate = calendar.today();
        }
        if (fromDate == null) {
            fromDate = toDate.minusDays(DEFAULT_DAYS - 1L);
        }
        if (fromDate.isAfter(toDate)) {
            throw badRequest("from: " + fromDate + " is after to " + toDate);
        }
        return new RecurringCausesRequest(fromDate, toDate, teamId(team, caller, teamKeys),
                service == null || service.isBlank() ? null : service.strip(),
                positive("min_incidents", minIncidents, DEFAULT_MIN_INCIDENTS),
                positive("per_cause", perCause, DEFAULT_PER_CAUSE));
    }

    private static @Nullable Long teamId(@Nullable String team, Caller caller, TeamKeys teamKeys) {
        if (team == null || team.isBlank()) {
            return caller.teamId();
        }
        Long id = teamKeys.idOf(team.strip()).orElse(null);
        if (caller.teamId() != null && !caller.teamId().equals(id)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "team: a token scoped to a team reads that team's "
                    + "reports only");
        }
        if (id == null) {
            throw badRequest("team: no team with key '" + team.strip() + "'");
        }
        return id;
    }

    private static int positive(String name, @Nullable String value, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below with the value as given
        }
        throw badRequest(name + ": '" + value + "' is not a whole number of 1 or more");
    }

    private static @Nullable LocalDate date(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw badRequest(name + ": '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static HttpStatusException badRequest(String message) {
        return new HttpStatusException(HttpStatus.BAD_REQUEST, message);
    }
}
