package dev.closeout.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reminder offsets from a due date as people write them: {@code -3d}, {@code 0d}, {@code +1d}, {@code +2w}.
 * Read from {@code closeout.notify.reminder-offsets} and a team's {@code reminder_offsets}.
 */
public final class ReminderOffsets {

    private static final Pattern OFFSET = Pattern.compile("^([+-]?)(\\d{1,3})([dw])$");
    /** Further from the due date than a year is a mistake, not a reminder. */
    static final int MAX_DAYS = 366;

    private ReminderOffsets() {
    }

    /**
     * The offsets in days, sorted, each once; throws {@link IllegalArgumentException} naming {@code field} for one
     * that is not {@code [+-]N(d|w)} or more than a year away, or for an empty list.
     */
    public static List<Integer> parse(String field, List<String> offsets) {
        if (offsets == null || offsets.isEmpty()) {
            throw new IllegalArgumentException(field + ": must list at least one offset, e.g. [\"-3d\", \"0d\", \"+1d\"]");
        }
        TreeSet<Integer> days = new TreeSet<>();
        for (String offset : offsets) {
            Matcher m = offset == null ? null : OFFSET.matcher(offset.strip());
            if (m == null || !m.matches()) {
                throw new IllegalArgumentException(field + ": '" + offset
                        + "' is not an offset like -3d, 0d, +1d or +2w (days or weeks from the due date)");
            }
            int value = Integer.parseInt(m.group(2)) * ("w".equals(m.group(3)) ? 7 : 1);
            if (value > MAX_DAYS) {
                throw new IllegalArgumentException(field + ": '" + offset + "' is more than a year from the due date");
            }
            days.add("-".equals(m.group(1)) ? -value : value);
        }
        return List.copyOf(days);
    }

    /** Offsets in days written back as {@link #parse} reads them: {@code -3d}, {@code 0d}, {@code +1d}. */
    public static List<String> format(List<Integer> days) {
        List<String> out = new ArrayList<>();
        for (int day : days) {
            out.add(day > 0 ? "+" + day + "d" : day + "d");
        }
        return out;
    }
}
