package dev.closeout.postmortem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The filters of {@code GET /api/postmortems}; null means "any". {@code from}/{@code to} bound the
 * incident date (its start's day, else its import's, as the reports date incidents), both days included.
 *
 * @param text      found, ignoring case, in the title, the service or the root-cause summary
 * @param service   the service, ignoring case
 * @param component a root-cause component of the taxonomy
 * @param trigger   a root-cause trigger of the taxonomy
 */
public record PostmortemFilter(@Nullable String text, @Nullable String service, @Nullable String component,
                        @Nullable String trigger, @Nullable LocalDate from, @Nullable LocalDate to) {

    /** The filter of a request's query parameters; a bad value is a 400 naming its parameter. */
    public static PostmortemFilter of(@Nullable String q, @Nullable String service, @Nullable String component,
                               @Nullable String trigger, @Nullable String from, @Nullable String to) {
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw badRequest("to: " + toDate + " is before from " + fromDate);
        }
        return new PostmortemFilter(blankToNull(q), blankToNull(service),
                RootCauseClasses.component("component", component), RootCauseClasses.trigger("trigger", trigger),
                fromDate, toDate);
    }

    private static @Nullable LocalDate date(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw badRequest(name + ": '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static HttpStatusException badRequest(String message) {
        return new HttpStatusException(HttpStatus.BAD_REQUEST, message);
    }
}
