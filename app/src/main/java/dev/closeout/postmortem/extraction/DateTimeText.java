package dev.closeout.postmortem.extraction;

import io.micronaut.core.annotation.Nullable;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dates and times of day written in a piece of text, in the shapes postmortems use:
 * {@code 2024-08-17}, {@code 2019-3-26}, "August 17, 2024", "May 8th, 2024", "Jun 4, 2025",
 * "17 August 2024", "Monday 3. February 2020", "7th Sept", {@code 15/01/2021}, {@code 09/25/2020},
 * {@code 9/25/20}, {@code 3.4.2020}; "03:15", "3:15 PM", "3pm", "11 AM", "4:16 p.m.", "8.35 AM", "13:00PM". A
 * time carries the zone written right after it ("14:00 UTC", "2:00 PM (UTC+03:00)", "21:14 PDT").
 *
 * <p>Numeric dates: with slashes the first number is the month unless it cannot be (US order, the most
 * common in English postmortems: 09/25/2020); with dots the first number is the day (European order:
 * 3.4.2020 is 3 April). Dots need a four-digit year, so version numbers such as 1.12.13 are not dates.
 * A date without a year keeps {@code year == 0} for the caller to complete.
 *
 * <p>Every pattern has bounded repetitions only, so scanning is linear in the text's length.
 */
final class DateTimeText {

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    /** The first three letters of every month. */
    private static final List<String> MONTH_PREFIXES = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");
    private static final String ORDINAL = "(?:st|nd|rd|th)?";
    // The leading look-ahead lets the engine skip, in one test, every position where no date can start.
    private static final Pattern DATE = Pattern.compile(
            "(?=[\\djfmasond])(?:(?<![\\d.])(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?![\\d])"
                    + "|(?<![a-z])" + MONTH + "\\.?\\s{1,3}(\\d{1,2})" + ORDINAL + "(?![\\d:a-z])"
                    + "(?:,?\\s{0,3}(?:of\\s{1,3})?(\\d{4})(?!\\d))?"
                    + "|(?<![\\d.:])(\\d{1,2})" + ORDINAL + "\\.?\\s{1,3}(?:of\\s{1,3})?" + MONTH + "(?![a-z])\\.?"
                    + "(?:,?\\s{0,3}(\\d{4})(?!\\d))?"
                    + "|(?<![\\d.:/])(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})(?![\\d/])"
                    + "|(?<![\\d.:])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?![\\d.])"
                    + "|(?<![\\d.:/\\-])(\\d{1,2})-(\\d{1,2})-(\\d{4}|\\d{2})(?![\\d\\-]))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile(
            "(?=\\d)(?:(?<![\\d:.,])(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?!\\d|:\\d)(?:\\s{0,2}([ap])\\.?\\s?m(?![a-z])\\.?)?"
                    + "|(?<![\\d:.,])(\\d{1,2})\\s{0,2}([ap])\\.?\\s?m(?![a-z])\\.?"
                    + "|(?<![\\d:.,])(\\d{1,2})\\.(\\d{2})\\s{0,2}([ap])\\.?\\s?m(?![a-z])\\.?)",
            Pattern.CASE_INSENSITIVE);
    /** What may stand between a time and its zone: "14:00 UTC", "10:00 AM (UTC)", "13:05 GMT". */
    private static final int ZONE_REACH = 3;

    private DateTimeText() {
    }

    /** A date as written; {@code year} is 0 when the text gives none. */
    record DateMention(int year, int month, int day, int start, int end) {

        @Nullable LocalDate inYear(int fallbackYear) {
            int y = year != 0 ? year : fallbackYear;
            if (y == 0) {
                return null;
            }
            try {
                return LocalDate.of(y, month, day);
            } catch (DateTimeException invalid) {
                return null;
            }
        }

        boolean hasYear() {
            return year != 0;
        }
    }

    /**
     * A time of day as written, with the zone named right after it when there is one; {@code meridiem} when
     * the text wrote AM or PM.
     */
    record TimeMention(LocalTime time, @Nullable TimeZoneName zone, int start, int end, boolean meridiem) {
    }

    private static final TextCache<List<DateMention>> DATES = new TextCache<>(DateTimeText::scanDates);
    private static final TextCache<List<TimeMention>> TIMES = new TextCache<>(DateTimeText::scanTimes);

    // Every date and time has a digit, and most lines have none: they are answered before the cache,
    // which would hash the whole line to remember that.
    static List<DateMention> dates(String text) {
        return Markup.hasDigit(text) ? DATES.get(text) : List.of();
    }

    static List<TimeMention> times(String text) {
        return Markup.hasDigit(text) ? TIMES.get(text) : List.of();
    }

    // Both scans try their pattern only where a match can start, and from there as find() would have
    // reached it: the pattern tried at every position of a line, most of them letters, was most of the
    // time spent on dates and times. The bounds are transparent so that look-behinds see the text before.

    private static List<DateMention> scanDates(String text) {
        List<DateMention> found = new ArrayList<>();
        Matcher match = DATE.matcher(text).useTransparentBounds(true);
        int at = nextDateStart(text, 0);
        while (at >= 0) {
            boolean may = isDigit(text.charAt(at)) ? digitsMayStartDate(text, at) : monthMayStartDate(text, at);
            if (!may || !match.region(at, text.length()).lookingAt()) {
                at = nextDateStart(text, at + 1);
                continue;
            }
            DateMention date = date(match);
            // "may" in lower case is nearly always the verb ("2 may be"), not the month
            if (date != null && !match.group().contains("may")) {
                found.add(date);
            }
            at = nextDateStart(text, match.end());
        }
        return List.copyOf(found);
    }

    /**
     * The first place from {@code from} where a date can start, or -1: a digit after no digit (every
     * numeric shape's look-behind refuses a digit), or the first three letters of a month after no letter.
     */
    private static int nextDateStart(String text, int from) {
        for (int at = from; at < text.length(); at++) {
            char c = text.charAt(at);
            if (isDigit(c) ? at == 0 || !isDigit(text.charAt(at - 1))
                    : (at == 0 || !isAsciiLetter(text.charAt(at - 1))) && startsMonth(text, at)) {
                return at;
            }
        }
        return -1;
    }

    /** Whether a month's first three letters (in any ASCII case) stand at {@code at}. */
    private static boolean startsMonth(String text, int at) {
        if (at + 3 > text.length()) {
            return false;
        }
        // setting bit 0x20 turns an ASCII capital into its small letter; a letter is checked first
        char first = text.charAt(at);
        if (!isAsciiLetter(first)) {
            return false;
        }
        // most words start with a letter no month starts with
        if (!startsMonthName(first)) {
            return false;
        }
        char second = (char) (text.charAt(at + 1) | 0x20);
        char third = (char) (text.charAt(at + 2) | 0x20);
        for (String prefix : MONTH_PREFIXES) {
            if (prefix.charAt(0) == (first | 0x20) && prefix.charAt(1) == second && prefix.charAt(2) == third) {
                return true;
            }
        }
        return false;
    }

    /** Whether a month's name starts with this ASCII letter, in either case: a, d, f, j, m, n, o or s. */
    private static boolean startsMonthName(char letter) {
        return switch (letter | 0x20) {
            case 'a', 'd', 'f', 'j', 'm', 'n', 'o', 's' -> true;
            default -> false;
        };
    }

    private static List<TimeMention> scanTimes(String text) {
        List<TimeMention> found = new ArrayList<>();
        Matcher match = TIME.matcher(text).useTransparentBounds(true);
        int at = nextTimeStart(text, 0);
        while (at >= 0) {
            if (!digitsMayStartTime(text, at) || !match.region(at, text.length()).lookingAt()) {
                at = nextTimeStart(text, at + 1);
                continue;
            }
            at = nextTimeStart(text, match.end());
            LocalTime time = time(match);
            if (time == null) {
                continue;
            }
            int zoneFrom = match.end();
            int limit = Math.min(text.length(), zoneFrom + ZONE_REACH + 60);
            int zoneStart = possibleZoneStart(text, zoneFrom, limit);
            TimeZoneName.Found zone = zoneStart < 0 ? null : TimeZoneName.find(text, zoneStart, limit);
            if (zone != null && !onlySpacingBetween(text, zoneFrom, zone.start())) {
                zone = null;
            }
            boolean meridiem = match.group(4) != null || match.group(6) != null || match.group(9) != null;
            found.add(new TimeMention(time, zone == null ? null : zone.zone(), match.start(),
                    zone == null ? match.end() : zone.end(), meridiem));
        }
        return List.copyOf(found);
    }

    /**
     * Whether the digits at {@code at} (the first of their run) can start a numeric date, by what follows
     * them, as the pattern reads it: four digits and a separator ({@code 2024-08-17}), or one or two digits
     * and a separator, an ordinal's letter, or white space and a month or "of" ("17 August", "7th",
     * "15/01"). Most digits in a line are a time's or a number's, and fail here without the pattern.
     */
    private static boolean digitsMayStartDate(String text, int at) {
        int end = digitRunEnd(text, at);
        if (end >= text.length()) {
            return false;
        }
        char next = text.charAt(end);
        int run = end - at;
        if (run == 4) {
            return next == '-' || next == '/' || next == '.';
        }
        if (run > 2) {
            return false;
        }
        if (isRegexSpace(next)) {
            // "17 August", "3 of May": after one to three white-space characters a month or "of" ("5 minutes" fails)
            int word = spacesEnd(text, end, 4);
            return word - end <= 3 && (startsMonth(text, word) || text.regionMatches(true, word, "of", 0, 2));
        }
        return next == '-' || next == '/' || next == '.' || "snrtSNRT".indexOf(next) >= 0;
    }

    /** Where the white space from {@code from} ends, counting at most {@code most} characters. */
    private static int spacesEnd(String text, int from, int most) {
        int end = from;
        while (end < text.length() && end - from < most && isRegexSpace(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * Whether the month's name at {@code at} can start a date, as the pattern reads it: the whole word, an
     * optional dot, one to three white-space characters and a digit ("Aug 17", "Sept. 3"). Words that
     * start like a month ("decided", "may be", "March to") fail here without the pattern.
     */
    private static boolean monthMayStartDate(String text, int at) {
        int end = at;
        while (end < text.length() && isAsciiLetter(text.charAt(end))) {
            end++;
        }
        if (end < text.length() && text.charAt(end) == '.') {
            end++;
        }
        int spaces = 0;
        while (end < text.length() && spaces < 4 && isRegexSpace(text.charAt(end))) {
            end++;
            spaces++;
        }
        return spaces >= 1 && spaces <= 3 && end < text.length() && isDigit(text.charAt(end));
    }

    /**
     * Whether the digits at {@code at} (the first of their run) can start a time of day, by what follows
     * them: one or two digits and a colon, a dot and two digits, or the A or P of AM and PM after at most
     * two white-space characters.
     */
    private static boolean digitsMayStartTime(String text, int at) {
        int end = digitRunEnd(text, at);
        if (end - at > 2 || end >= text.length()) {
            return false;
        }
        char next = text.charAt(end);
        if (next == '.') {
            // "8.35 AM": two digits after the dot ("2.5 hours" fails)
            return end + 2 < text.length() && isDigit(text.charAt(end + 1)) && isDigit(text.charAt(end + 2));
        }
        if (isRegexSpace(next)) {
            // "3 PM": one or two white-space characters, then the A or P ("5 minutes" fails)
            int letter = spacesEnd(text, end, 3);
            return letter - end <= 2 && letter < text.length() && "aApP".indexOf(text.charAt(letter)) >= 0;
        }
        return next == ':' || "aApP".indexOf(next) >= 0;
    }

    private static int digitRunEnd(String text, int at) {
        int end = at;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** What {@code \\s} matches without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The first place from {@code from} where a time can start, or -1: a digit after none of {@code 0-9:.,}. */
    private static int nextTimeStart(String text, int from) {
        for (int at = from; at < text.length(); at++) {
            if (isDigit(text.charAt(at)) && (at == 0 || !isTimeNeighbour(text.charAt(at - 1)))) {
                return at;
            }
        }
        return -1;
    }

    private static boolean isTimeNeighbour(char c) {
        return isDigit(c) || c == ':' || c == '.' || c == ',';
    }

    /** What {@code \\d} matches without UNICODE_CHARACTER_CLASS. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * Where a zone name can start after {@code from}: the ASCII letter, with which every zone name
     * starts, after no more than the spacing {@link #onlySpacingBetween} accepts; -1 when there is
     * none. Most times have no zone, and the zone-name pattern is a long alternation that would
     * otherwise be tried at every word start up to {@code limit}. A name found from there is the one a
     * search from {@code from} finds, since no name starts with spacing.
     */
    private static int possibleZoneStart(String text, int from, int limit) {
        int at = from;
        while (at < limit && at - from <= ZONE_REACH && isSpacing(text.charAt(at))) {
            at++;
        }
        if (at >= limit || at - from > ZONE_REACH) {
            return -1;
        }
        char first = text.charAt(at);
        return first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z' ? at : -1;
    }

    private static boolean onlySpacingBetween(String text, int from, int to) {
        if (to - from > ZONE_REACH) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isSpacing(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpacing(char c) {
        return Character.isWhitespace(c) || c == '(' || c == '[';
    }

    private static @Nullable DateMention date(Matcher m) {
        try {
            if (m.group(1) != null) {
                return checked(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), m);
            }
            if (m.group(4) != null) {
                return checked(year(m.group(6)), month(m.group(4)), Integer.parseInt(m.group(5)), m);
            }
            if (m.group(7) != null) {
                return checked(year(m.group(9)), month(m.group(8)), Integer.parseInt(m.group(7)), m);
            }
            if (m.group(10) != null) {
                int first = Integer.parseInt(m.group(10));
                int second = Integer.parseInt(m.group(11));
                int year = Integer.parseInt(m.group(12));
                year = year < 100 ? 2000 + year : year;
                return first > 12 ? checked(year, second, first, m) : checked(year, first, second, m);
            }
            if (m.group(16) != null) {
                int first = Integer.parseInt(m.group(16));
                int second = Integer.parseInt(m.group(17));
                int year = Integer.parseInt(m.group(18));
                year = year < 100 ? 2000 + year : year;
                return first > 12 ? checked(year, second, first, m) : checked(year, first, second, m);
            }
            if (m.group(13) != null) {
                return checked(Integer.parseInt(m.group(15)), Integer.parseInt(m.group(14)),
                        Integer.parseInt(m.group(13)), m);
            }
        } catch (NumberFormatException | DateTimeException invalid) {
            return null;
        }
        return null;
    }

    private static @Nullable DateMention checked(int year, int month, int day, Matcher m) {
        if (month < 1 || month > 12 || day < 1 || day > 31 || (year != 0 && (year < 1970 || year > 2100))) {
            return null;
        }
        if (year != 0) {
            LocalDate.of(year, month, day); // rejects 31 February
        }
        return new DateMention(year, month, day, m.start(), m.end());
    }

    private static int year(@Nullable String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static int month(String name) {
        return switch (name.substring(0, 3).toLowerCase(java.util.Locale.ROOT)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }

    private static @Nullable LocalTime time(Matcher m) {
        if (m.group(7) != null) {
            return twelveHour(Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8)), m.group(9));
        }
        boolean clock = m.group(1) != null;
        int hour = Integer.parseInt(clock ? m.group(1) : m.group(5));
        int minute = clock ? Integer.parseInt(m.group(2)) : 0;
        int second = clock && m.group(3) != null ? Integer.parseInt(m.group(3)) : 0;
        String meridiem = clock ? m.group(4) : m.group(6);
        if (minute > 59 || second > 59 || hour > 24 || (hour == 24 && minute > 0)) {
            return null;
        }
        if (meridiem != null) {
            if (hour == 0 || (hour > 12 && !clock)) {
                return null;
            }
            boolean pm = Character.toLowerCase(meridiem.charAt(0)) == 'p';
            if (hour < 12 && pm) {
                hour += 12;
            } else if (hour == 12 && !pm) {
                hour = 0;
            }
            // "13:00PM": a 24-hour clock with a redundant PM; the hour stands as written.
        }
        return LocalTime.of(hour % 24, minute, second);
    }

    /** "8.35 AM": a dot between hour and minutes is a time only with AM or PM, else it is a number. */
    private static @Nullable LocalTime twelveHour(int hour, int minute, String meridiem) {
        if (hour == 0 || hour > 12 || minute > 59) {
            return null;
        }
        boolean pm = Character.toLowerCase(meridiem.charAt(0)) == 'p';
        return LocalTime.of(hour % 12 + (pm ? 12 : 0), minute);
    }

}
