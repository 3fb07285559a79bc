package dev.closeout.postmortem.extraction;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the owner, due date, priority and ticket an action states, from its own text
 * ("(owner: @alice, due 2024-09-01, P1, JIRA-123)", "OWNER: amirh@", "(Due: Feb 28, 2025)") or from
 * the cells of its table row.
 */
final class ActionFields {

    private static final int SCAN_LIMIT = 2000;
    private static final Pattern OWNER_IN_TEXT = Pattern.compile(
            "\\b(?:owner|assignee|assigned to|responsible|dri)\\b\\s*(?:[:=]|-\\s)\\s*(@?[\\w.-]+@?(?:\\s+[A-Z][\\w.-]*)?)",
            Pattern.CASE_INSENSITIVE);
    /** A handle standing alone in parentheses names the owner: "Rotate the keys (@ops-oncall)". */
    private static final Pattern HANDLE_IN_PARENTHESES = Pattern.compile("\\((@[\\w.-]{2,40})\\)");
    /** A handle that ends the item, maybe before a tag, names the owner: "Alerts configured @dma [detect]". */
    private static final Pattern TRAILING_HANDLE = Pattern.compile("(?<!\\S)(@[\\w.-]{2,40})(?:\\s{0,3}\\[[^\\]]{0,40}])?\\s{0,3}$");
    /** A status written into the ticket cell ("Bug 5554823 **TODO**") is not part of the reference. */
    private static final Pattern STATUS_WORD = Pattern.compile(
            "(?i)\\s*\\b(?:todo|done|wip|in progress|open|closed|fixed|started|blocked)\\s*$");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;]+$");
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d{3,10}");
    private static final Pattern HANDLE = Pattern.compile("^@?[\\w.-]{2,40}@?$");
    private static final Pattern NO_OWNER = Pattern.compile(
            "^(tbd|tba|n/?a|none|nobody|unassigned|unknown|-+|\\?+|todo|—|–)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRIORITY = Pattern.compile(
            "(?<![\\w-])(P[0-4])(?![\\w-])|\\bpriority\\s*[:=-]?\\s*(critical|highest|high|medium|low|lowest|urgent|P[0-4]|[0-4])\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PRIORITY_CELL = Pattern.compile(
            "^(P[0-4]|critical|highest|high|medium|med|low|lowest|urgent|[0-4])$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TICKET_URL = Pattern.compile(
            "https?://\\S*?(?:/issues?/|/pulls?/|/browse/|/tickets?/|/bugs?/|show_bug|/merge_requests/)\\S*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TICKET_KEY = Pattern.compile("(?<![\\w/-])([A-Z][A-Z0-9]{1,9}-\\d{1,7})(?![\\w-])");
    /** "#123", "PR #123", and GitHub's cross-repository "owner/repo#123". */
    private static final Pattern TICKET_NUMBER = Pattern.compile(
            "(?<![\\w&/.-])((?:PR |pr )?#\\d{1,7}|[\\w.-]{1,100}/[\\w.-]{1,100}#\\d{1,7})(?!\\w)");
    private static final Pattern NOT_A_TICKET_KEY = Pattern.compile(
            "(?i)(TLS|SSL|UTF|ISO|SHA|MD|RFC|CVE|HTTP|IPV|COVID)-\\d+");
    /** "bug 12345", "issue: 4321"; Google's "b/343765967" keeps its prefix, as it is written. */
    private static final Pattern BUG_NUMBER = Pattern.compile(
            "(?i)\\b(?:(?:bug|issue|ticket)\\s*:?\\s*(\\d{3,10})|(b/\\d{3,10}))\\b");
    private static final Pattern ANY_URL = Pattern.compile("https?://\\S+");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    private static final Pattern DUE_IN_TEXT = Pattern.compile(
            "\\b(?:due|by|deadline|eta|target)\\b\\s*(?:date)?\\s*[:=-]?\\s*([^;)]{4,30})", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DATE = Pattern.compile(
            "\\b([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b"
                    + "|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern SLASH_DATE = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private ActionFields() {
    }

    /** The owner named in an item's text ("OWNER: amirh@", "owner: @alice"), or null. */
    static String ownerInText(String text) {
        String scanned = limit(text);
        // the cheap looks first: each pattern needs a separator and an owner word, or "(@", to match at all
        if ((scanned.indexOf(':') >= 0 || scanned.indexOf('=') >= 0 || scanned.indexOf('-') >= 0)
                && namesOwner(scanned.toLowerCase(Locale.ROOT))) {
            Matcher owner = OWNER_IN_TEXT.matcher(scanned);
            if (owner.find()) {
                return ownerCell(owner.group(1));
            }
        }
        if (scanned.indexOf('@') < 0) {
            return null;
        }
        Matcher handle = HANDLE_IN_PARENTHESES.matcher(scanned);
        if (handle.find()) {
            return handle.group(1);
        }
        Matcher trailing = TRAILING_HANDLE.matcher(scanned);
        return trailing.find() ? trailing.group(1) : null;
    }

    private static boolean namesOwner(String lower) {
        return lower.contains("owner") || lower.contains("assign") || lower.contains("responsible")
                || lower.contains("dri");
    }

    /** A table cell naming an owner: a name, handle, team; null for "TBD" or a sentence. */
    static String ownerCell(String cell) {
        String owner = TRAILING_PUNCTUATION.matcher(Markup.strip(cell)).replaceAll("").trim();
        if (owner.isEmpty() || NO_OWNER.matcher(owner).matches() || Markup.wordCount(owner) > 4
                || owner.length() > 60) {
            return null;
        }
        return HANDLE.matcher(owner).matches() || Character.isLetter(owner.charAt(0)) || owner.startsWith("@")
                ? owner : null;
    }

    static String priorityInText(String text) {
        String scanned = limit(text);
        if (!hasPriorityCode(scanned) && !scanned.toLowerCase(Locale.ROOT).contains("priority")) {
            return null;
        }
        Matcher priority = PRIORITY.matcher(scanned);
        if (!priority.find()) {
            return null;
        }
        return priority.group(1) != null ? priority.group(1).toUpperCase(Locale.ROOT) : priority.group(2);
    }

    /** "P0" to "P4" in either case: what PRIORITY needs when the word "priority" is absent. */
    private static boolean hasPriorityCode(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            char next = text.charAt(i + 1);
            if ((c == 'P' || c == 'p') && next >= '0' && next <= '4') {
                return true;
            }
        }
        return false;
    }

    static String priorityCell(String cell) {
        String priority = Markup.strip(cell).trim();
        return PRIORITY_CELL.matcher(priority).matches() ? priority : priorityInText(priority);
    }

    /** A ticket referenced in an item's text: an issue URL, a key (ABC-123), "#123", "bug 12345". */
    static String ticketInText(String text) {
        String scanned = limit(text);
        // every reference has a digit; most items have none
        if (!Markup.hasDigit(scanned)) {
            return null;
        }
        Matcher url = scanned.contains("http") ? TICKET_URL.matcher(scanned) : null;
        if (url != null && url.find()) {
            return trimUrl(url.group());
        }
        Matcher key = TICKET_KEY.matcher(scanned);
        if (key.find() && !NOT_A_TICKET_KEY.matcher(key.group(1)).matches()) {
            return key.group(1);
        }
        Matcher number = scanned.indexOf('#') >= 0 ? TICKET_NUMBER.matcher(scanned) : null;
        if (number != null && number.find()) {
            return number.group(1);
        }
        Matcher bug = BUG_NUMBER.matcher(scanned);
        if (!bug.find()) {
            return null;
        }
        return bug.group(1) != null ? bug.group(1) : bug.group(2);
    }

    /** A ticket column's cell: its visible text when short ("PR #6575"), a bare URL, or null ("n/a"). */
    static String ticketCell(String rawCell) {
        String visible = STATUS_WORD.matcher(Markup.strip(rawCell)).replaceAll("").trim();
        if (visible.isEmpty()) {
            return null;
        }
        String found = ticketInText(visible);
        if (found == null) {
            Matcher url = ANY_URL.matcher(visible);
            found = url.find() ? trimUrl(url.group()) : null;
            if (found == null && BARE_NUMBER.matcher(visible).matches()) {
                found = visible;
            }
        }
        if (found == null) {
            return null;
        }
        return Markup.wordCount(visible) <= 3 && !visible.contains("://") ? visible : found;
    }

    /** A due date stated with the item: "due 2024-09-01", "(Due: Feb 28, 2025)". */
    static LocalDate dueInText(String text) {
        String scanned = limit(text);
        if (!Markup.hasDigit(scanned)) {
            return null;
        }
        Matcher due = DUE_IN_TEXT.matcher(scanned);
        while (due.find()) {
            LocalDate date = date(due.group(1));
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    /** A due-date column's cell in any common spelling. */
    static LocalDate date(String cell) {
        String text = limit(Markup.strip(cell));
        Matcher iso = ISO_DATE.matcher(text);
        if (iso.find()) {
            return of(iso.group(1), iso.group(2), iso.group(3));
        }
        Matcher named = MONTH_DATE.matcher(text);
        if (named.find()) {
            return named.group(1) != null
                    ? ofMonthName(named.group(3), named.group(1), named.group(2))
                    : ofMonthName(named.group(6), named.group(5), named.group(4));
        }
        Matcher slash = SLASH_DATE.matcher(text);
        if (slash.find()) {
            return of(slash.group(3), slash.group(1), slash.group(2));
        }
        return null;
    }

    private static LocalDate ofMonthName(String year, String month, String day) {
        Integer number = MONTHS.get(month.substring(0, 3).toLowerCase(Locale.ROOT));
        return number == null ? null : of(year, number.toString(), day);
    }

    private static LocalDate of(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException invalid) {
            return null;
        }
    }

    private static String trimUrl(String url) {
        String trimmed = url;
        while (!trimmed.isEmpty() && ".,;:)]}>\"'".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static String limit(String text) {
        return text.length() > SCAN_LIMIT ? text.substring(0, SCAN_LIMIT) : text;
    }

}
