package dev.closeout.bench;

import dev.closeout.web.Cursor;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills in the placeholders of a bench request's path, so one list fits any dataset:
 * <ul>
 *   <li>{@code {team}}: the key of the first team ({@code GET /api/teams}); {@code {owner}}: an owner of one of
 *       its follow-ups;</li>
 *   <li>{@code {today}}, {@code {today-N}}, {@code {today+N}}: dates around the day the bench runs;
 *       {@code {last-week}}: the last complete ISO week (2026-W49);</li>
 *   <li>{@code {mid-id}}: the follow-up id halfway between the first and the last; {@code {mid-postmortem-id}}:
 *       the postmortem of the first follow-up from there on;</li>
 *   <li>{@code {cursor:SORT:VALUE}}: a {@code /api/actions} cursor that starts a page at VALUE in the order
 *       SORT ({@code due}, {@code -due}, {@code created}, ... with a date or time; {@code id}, {@code -id}
 *       with an id), for pages deep in a list without walking to them.</li>
 * </ul>
 */
final class BenchPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)(?:([+-])(\\d+))?(?::([^:{}]+):([^{}]+))?}");

    private final Map<String, String> values;
    private final LocalDate today;

    /** Values looked up from the server: {@code team}, {@code owner}, {@code mid-id}, {@code mid-postmortem-id}. */
    BenchPlaceholders(Map<String, String> values, LocalDate today) {
        this.values = values;
        this.today = today;
    }

    String resolve(String path) {
        // placeholders may nest one level, {cursor:due:{today-30}}: the inner one is replaced first
        String inner = replace(path);
        return replace(inner);
    }

    private String replace(String path) {
        Matcher matcher = PLACEHOLDER.matcher(path);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value(matcher)));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private String value(Matcher placeholder) {
        String name = placeholder.group(1);
        if (name.equals("cursor") && placeholder.group(4) != null) {
            return cursor(placeholder.group(4), placeholder.group(5));
        }
        if (name.equals("today")) {
            long days = placeholder.group(3) == null ? 0 : Long.parseLong(placeholder.group(3));
            return (placeholder.group(2) != null && placeholder.group(2).equals("-") ? today.minusDays(days)
                    : today.plusDays(days)).toString();
        }
        if (name.equals("last-week")) {
            LocalDate week = today.minusWeeks(1);
            return String.format("%d-W%02d", week.get(IsoFields.WEEK_BASED_YEAR), week.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("unknown placeholder " + placeholder.group(0));
        }
        return value;
    }

    /** A cursor pointing just before VALUE: a page starting there in ascending order, or just after it descending. */
    static String cursor(String sort, String value) {
        boolean descending = sort.startsWith("-");
        if (sort.endsWith("id")) {
            long id = Long.parseLong(value);
            return Cursor.encode(new Cursor.Key(sort, null, descending ? id + 1 : id - 1));
        }
        // "none": the rows without a value, which come after all others in either direction
        return Cursor.encode(new Cursor.Key(sort, value.equals("none") ? null : value,
                descending ? Long.MAX_VALUE : 0));
    }
}
