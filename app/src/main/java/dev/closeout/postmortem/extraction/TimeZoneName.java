package dev.closeout.postmortem.extraction;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    /** Names longest first so "PST/PDT" wins over "PST"; abbreviations case-sensitive, long names not. */
    private static final Pattern NAME = Pattern.compile(
            "(?<![A-Za-z])(?:(?:UTC|GMT)([+\\-\u2212])(\\d{1,2})(?::?(\\d{2}))?(?![\\d:])|"
                    + NAMES.keySet().stream()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .map(name -> name.length() <= 8 && name.equals(name.toUpperCase(Locale.ROOT))
                            ? Pattern.quote(name)
                            : "(?i:" + Pattern.quote(name).replace(" ", "\\E\\s{1,3}\\Q") + ")")
                    .collect(Collectors.joining("|"))
                    + ")(?![A-Za-z])");

    /** Compiled once: {@code String.replaceAll} would compile it again for every zone found. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

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

    static Pattern pattern() {
        return NAME;
    }

    /** The zone the matched text names; null when an explicit offset is out of range. */
    static @Nullable TimeZoneName of(Matcher match) {
        if (match.group(1) != null) {
            int hours = Integer.parseInt(match.group(2));
            int minutes = match.group(3) == null ? 0 : Integer.parseInt(match.group(3));
            if (hours > 14 || minutes > 59) {
                return null;
            }
            int sign = match.group(1).equals("+") ? 1 : -1;
            return new TimeZoneName(ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60)), null);
        }
        String name = SPACES.matcher(match.group()).replaceAll(" ");
        TimeZoneName exact = NAMES.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, TimeZoneName> entry : NAMES.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The first zone named in {@code text} from {@code from}, or null. */
    static @Nullable Found find(String text, int from, int to) {
        Matcher match = NAME.matcher(text).region(from, to);
        while (match.find()) {
            TimeZoneName zone = of(match);
            if (zone != null && !(match.group().equals("Z") && !precededByDigit(text, match.start()))) {
                return new Found(zone, match.start(), match.end());
            }
        }
        return null;
    }

    private static boolean precededByDigit(String text, int at) {
        return at > 0 && Character.isDigit(text.charAt(at - 1));
    }
}
