package dev.closeout.postmortem.extraction;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;

/**
 * A time zone as a postmortem names it: "UTC", "GMT-04:00", "UTC+3", "PDT", "Central African Time",
 * "PST/PDT". An abbreviation that states standard or daylight time is a fixed offset as written (PST is
 * -08:00 even in May, PDT is -07:00, EST -05:00, CEST +02:00): the author chose it, so it is taken
 * literally. A name that leaves the season open ("ET", "Pacific Time", "PST/PDT") is a region whose
 * offset depends on the date, resolved with the region's own rules.
 */
record TimeZoneName(@Nullable ZoneOffset fixed, @Nullable ZoneId region) {

    private static final Map<String, TimeZoneName> NAMES = new LinkedHashMap<>();

    static {
        fixed(0, "UTC", "GMT", "Z", "UT", "WET", "Coordinated Universal Time", "Greenwich Mean Time");
        fixed(1, "CET", "WAT", "BST", "WEST", "Central European Time", "West Africa Time", "West African Time");
        fixed(2, "CEST", "EET", "CAT", "SAST", "Central European Summer Time", "Eastern European Time",
                "Central Africa Time", "Central African Time", "South Africa Standard Time",
                "South African Standard Time", "South Africa Time");
        fixed(3, "EEST", "EAT", "MSK", "East Africa Time", "East African Time", "Moscow Time");
        fixedMinutes(5 * 60 + 30, "IST", "India Standard Time");
        fixed(8, "SGT", "AWST", "HKT");
        fixed(9, "JST", "KST");
        fixed(10, "AEST");
        fixed(11, "AEDT");
        fixed(-4, "EDT", "AST", "Eastern Daylight Time");
        fixed(-5, "EST", "CDT", "Eastern Standard Time", "Central Daylight Time");
        fixed(-6, "CST", "MDT", "Central Standard Time", "Mountain Daylight Time");
        fixed(-7, "MST", "PDT", "Mountain Standard Time", "Pacific Daylight Time");
        fixed(-8, "PST", "AKDT", "Pacific Standard Time");
        fixed(-9, "AKST");
        fixed(-10, "HST");
        region("America/New_York", "ET", "EST/EDT", "EDT/EST", "Eastern Time", "US Eastern");
        region("America/Chicago", "CT", "CST/CDT", "CDT/CST", "Central Time");
        region("America/Denver", "MT", "MST/MDT", "MDT/MST", "Mountain Time");
        region("America/Los_Angeles", "PT", "PST/PDT", "PDT/PST", "Pacific Time", "US Pacific");
        region("Europe/Berlin", "CET/CEST", "CEST/CET");
        region("Europe/London", "GMT/BST", "UK time");
    }

    /**
     * The names as the scanner tries them, by the first character written: longest first, so "PST/PDT"
     * wins over "PST", and names of one length in the order above. Abbreviations (up to eight capitals)
     * match in their own case only, so a small letter has only the longer names, which match in any
     * ASCII case, with one to three white-space characters wherever the name has a space. Most words
     * start with a small letter, and have none or one or two names to try.
     */
    private static final Spelling[][] BY_FIRST_CHARACTER = new Spelling[128][];

    static {
        List<Spelling> longestFirst = NAMES.entrySet().stream()
                .map(entry -> new Spelling(entry.getKey(), isAbbreviation(entry.getKey()), entry.getValue()))
                .sorted(Comparator.comparingInt((Spelling spelling) -> spelling.name().length()).reversed())
                .toList();
        for (char c = 0; c < BY_FIRST_CHARACTER.length; c++) {
            char first = c;
            BY_FIRST_CHARACTER[c] = !isAsciiLetter(first) ? new Spelling[0] : longestFirst.stream()
                    .filter(spelling -> spelling.exactCase() ? spelling.name().charAt(0) == first
                            : (spelling.name().charAt(0) | 0x20) == (first | 0x20))
                    .toArray(Spelling[]::new);
        }
    }

    /** One name and how it may be written. */
    private record Spelling(String name, boolean exactCase, TimeZoneName zone) {

        /** Where the name written at {@code at} ends, or -1 when it is not written there. */
        int endAt(String text, int at, int to) {
            int position = at;
            for (int k = 0; k < name.length(); k++) {
                char wanted = name.charAt(k);
                if (wanted == ' ') {
                    int spaces = 0;
                    while (position < to && spaces < 4 && isRegexSpace(text.charAt(position))) {
                        position++;
                        spaces++;
                    }
                    if (spaces == 0 || spaces > 3) {
                        return -1;
                    }
                    continue;
                }
                if (position >= to) {
                    return -1;
                }
                char c = text.charAt(position);
                if (c != wanted && (exactCase || !isAsciiLetter(c) || (c | 0x20) != (wanted | 0x20))) {
                    return -1;
                }
                position++;
            }
            return position;
        }
    }

    private static void fixed(int hours, String... names) {
        fixedMinutes(hours * 60, names);
    }

    private static void fixedMinutes(int minutes, String... names) {
        for (String name : names) {
            NAMES.put(name, new TimeZoneName(ZoneOffset.ofTotalSeconds(minutes * 60), null));
        }
    }

    private static void region(String zone, String... names) {
        for (String name : names) {
            NAMES.put(name, new TimeZoneName(null, ZoneId.of(zone)));
        }
    }

    /** The offset this zone had at {@code local}. */
    ZoneOffset offsetAt(LocalDateTime local) {
        return fixed != null ? fixed : region.getRules().getOffset(local);
    }

    /** A zone name found in a text, with where it stands. */
    record Found(TimeZoneName zone, int start, int end) {
    }

    /** A zone written where the scanner looked, up to {@code end}; no zone for an offset out of range. */
    private record Written(@Nullable TimeZoneName zone, int end) {
    }

    /**
     * The first zone named in {@code text[from, to)}, or null. A name stands alone: no ASCII letter
     * right after it, nor right before it unless it starts at {@code from}. A "Z" counts only right after
     * a digit ("14:00Z"), and an offset out of range ("UTC+15") is passed over.
     */
    static @Nullable Found find(String text, int from, int to) {
        int at = from;
        while (at < to) {
            char first = text.charAt(at);
            if (!isAsciiLetter(first) || at > from && isAsciiLetter(text.charAt(at - 1))) {
                at++;
                continue;
            }
            Written written = offsetAt(text, at, to);
            if (written == null) {
                written = nameAt(text, at, to);
            }
            if (written == null) {
                at++;
            } else if (written.zone() == null || written.end() - at == 1 && first == 'Z' && !precededByDigit(text, at)) {
                at = written.end();
            } else {
                return new Found(written.zone(), at, written.end());
            }
        }
        return null;
    }

    /**
     * "UTC+3", "GMT-04:00", "UTC+0530" at {@code at}; its zone is null when the offset is out of range.
     * Two hour digits are tried before one, and minutes (with a colon first) before none, the first
     * reading not followed by a digit, a colon or a letter being the one.
     */
    private static @Nullable Written offsetAt(String text, int at, int to) {
        char first = text.charAt(at);
        if (first != 'U' && first != 'G' || at + 4 >= to || !(text.startsWith("UTC", at) || text.startsWith("GMT", at))) {
            return null;
        }
        char sign = text.charAt(at + 3);
        if (sign != '+' && sign != '-' && sign != '\u2212') {
            return null;
        }
        int hoursFrom = at + 4;
        for (int hourDigits = 2; hourDigits >= 1; hourDigits--) {
            int hoursEnd = hoursFrom + hourDigits;
            if (!digitsBetween(text, hoursFrom, hoursEnd, to)) {
                continue;
            }
            int hours = Integer.parseInt(text, hoursFrom, hoursEnd, 10);
            boolean colon = hoursEnd < to && text.charAt(hoursEnd) == ':';
            int[] minutesFroms = colon ? new int[] {hoursEnd + 1, hoursEnd} : new int[] {hoursEnd};
            for (int minutesFrom : minutesFroms) {
                if (digitsBetween(text, minutesFrom, minutesFrom + 2, to) && endsName(text, minutesFrom + 2, to, true)) {
                    return offset(sign, hours, Integer.parseInt(text, minutesFrom, minutesFrom + 2, 10), minutesFrom + 2);
                }
            }
            if (endsName(text, hoursEnd, to, true)) {
                return offset(sign, hours, 0, hoursEnd);
            }
        }
        return null;
    }

    private static Written offset(char sign, int hours, int minutes, int end) {
        if (hours > 14 || minutes > 59) {
            return new Written(null, end);
        }
        int seconds = (sign == '+' ? 1 : -1) * (hours * 3600 + minutes * 60);
        return new Written(new TimeZoneName(ZoneOffset.ofTotalSeconds(seconds), null), end);
    }

    private static @Nullable Written nameAt(String text, int at, int to) {
        for (Spelling spelling : BY_FIRST_CHARACTER[text.charAt(at)]) {
            int end = spelling.endAt(text, at, to);
            if (end >= 0 && endsName(text, end, to, false)) {
                return new Written(spelling.zone(), end);
            }
        }
        return null;
    }

    /** Whether {@code text[from, to)} holds only ASCII digits, {@code to} within {@code limit}. */
    private static boolean digitsBetween(String text, int from, int to, int limit) {
        if (to > limit) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A name ends before a character that is no ASCII letter (for an offset, no digit or colon either). */
    private static boolean endsName(String text, int at, int to, boolean offset) {
        if (at >= to) {
            return true;
        }
        char c = text.charAt(at);
        return !isAsciiLetter(c) && !(offset && (c >= '0' && c <= '9' || c == ':'));
    }

    private static boolean isAbbreviation(String name) {
        return name.length() <= 8 && name.equals(name.toUpperCase(Locale.ROOT));
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    /** What {@code \\s} matches without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean precededByDigit(String text, int at) {
        return at > 0 && Character.isDigit(text.charAt(at - 1));
    }
}
