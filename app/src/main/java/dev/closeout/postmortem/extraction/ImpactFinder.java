package dev.closeout.postmortem.extraction;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The share of users or requests the incident affected, when the text gives it as a percentage:
 * "80% of users", "affecting 100% of traffic", "a 100% downtime". A percentage about something else
 * ("a 33% disk space recovery") does not count; the Impact section or field is read first.
 */
final class ImpactFinder {

    // the look-aheads hold the first letters of the alternatives and come before the word boundary, so most
    // positions fail at once
    private static final Pattern AFFECT_BEFORE = Pattern.compile("(?i)(?=[ai])\\b(?:affect|impact)\\w{0,4}\\s{0,3}$");
    private static final int LINE_LIMIT = 2_000;
    private static final Pattern PERCENT = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,2})?)\\s{0,2}(?:%|percent\\b)");
    private static final Pattern AFFECTED = Pattern.compile(
            "(?i)(?=[urtcvdosaepmq])\\b(?:users?|requests?|traffic|customers?|clients?|user base|visitors|downtime|of the time"
                    + "|sessions|calls|transactions|accounts|staff|employees|people|members|subscribers|players"
                    + "|merchants|tenants|devices|orders|queries)\\b");
    private static final Pattern IMPACT_HEADING = Pattern.compile("(?i)impact|summary|description");
    private static final Pattern IMPACT_FIELD = Pattern.compile("(?i)^\\W{0,6}(?:user\\s)?impact\\W{0,4}:");

    @Nullable Double find(Document document) {
        Double anywhere = null;
        boolean[] impactLines = new boolean[document.lines().size() + 2];
        for (Section section : document.sections()) {
            if (IMPACT_HEADING.matcher(section.heading()).find()) {
                for (int n = section.bodyStart(); n < section.bodyEnd() && n < impactLines.length; n++) {
                    impactLines[n] = true;
                }
            }
        }
        int number = 0;
        for (String whole : document.lines()) {
            number++;
            String line = whole.length() > LINE_LIMIT ? whole.substring(0, LINE_LIMIT) : whole;
            // a share is written with '%' or "percent": lines without either are skipped unscanned
            Double share = line.indexOf('%') >= 0 || line.contains("percent") ? share(line) : null;
            if (share == null) {
                continue;
            }
            if (impactLines[number] || IMPACT_FIELD.matcher(line).find()) {
                // the first share in the Impact section or field wins: the lines after it need no scan
                return share;
            }
            if (anywhere == null) {
                anywhere = share;
            }
        }
        return anywhere;
    }

    private static @Nullable Double share(String line) {
        Matcher percent = PERCENT.matcher(line);
        // a share opens with a digit: the search starts at the first one instead of trying every character
        for (boolean more = percent.find(firstDigit(line)); more; more = percent.find()) {
            double value = Double.parseDouble(percent.group(1));
            String after = line.substring(percent.end(), Math.min(line.length(), percent.end() + 30));
            String before = line.substring(Math.max(0, percent.start() - 30), percent.start());
            if (value <= 100 && (AFFECTED.matcher(after).find() || AFFECT_BEFORE.matcher(before).find())) {
                return value;
            }
        }
        return null;
    }

    /** The index of the first ASCII digit (PERCENT's {@code \d}), or the line's length. */
    private static int firstDigit(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) < '0' || line.charAt(i) > '9')) {
            i++;
        }
        return i;
    }
}
