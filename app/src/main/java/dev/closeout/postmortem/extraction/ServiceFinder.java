package dev.closeout.postmortem.extraction;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The affected service as the text names it, read in document order; the first clear statement wins:
 * <ul>
 *   <li>a field: "Service: X", "Affected service(s): X", "System: X", "Component: X", or the first item
 *   listed under an "Affected systems" heading;</li>
 *   <li>a quoted name: 'the service "X"';</li>
 *   <li>a subject that went down: "X was down / offline / unavailable / not loading", "X experienced
 *   an outage", "X stopped working";</li>
 *   <li>an object that failed: "outage of / on X", "users were unable to access X",
 *   "issues with the X service".</li>
 * </ul>
 * A subject or object made only of generic words ("our web application", "the production server",
 * "the site") names nothing: most postmortems mean their own single website, and the labels say null
 * for them. So do people ("users"), upstream providers and dates ("outage on August 1"). Field values
 * are taken as written.
 */
final class ServiceFinder {

    private static final int LINE_LIMIT = 2_000;
    private static final int LINES_READ = 400;
    private static final int MAX_WORDS = 6;
    private static final int MAX_FIELD_WORDS = 8;

    private static final Pattern LINE_BREAK_TAG = Pattern.compile("(?i)<br\\s{0,3}/?>");
    private static final Pattern FIELD = Pattern.compile(
            "(?i)^[^\\w\"'“]{0,6}(?:affected\\s{1,3})?(?:services?|systems?|applications?|components?|products?)"
                    + "(?:\\s{1,3}affected)?\\s{0,2}[*_]{0,2}\\s{0,2}:\\s{0,5}[*_]{0,2}\\s{0,5}(\\S.{0,200})$");
    // Each prose pattern opens with a look-ahead holding the first letters of its alternatives, before the
    // word boundary: most positions fail that one test, where the boundary (which looks both characters up
    // in Character's tables) or every alternative would be tried.
    private static final Pattern QUOTED = Pattern.compile(
            "(?i)(?=[sapw])\\b(?:service|application|app|system|platform|website|product)\\s{1,3}[\"“'‘]([^\"”'’]{1,60})[\"”'’]");
    private static final Pattern WENT_DOWN = Pattern.compile(
            "(?i)(?=[iwabhsef])\\b(?:(?:is|was|were|are|went|became|has\\s{1,3}been|had\\s{1,3}been)\\s{1,3}"
                    + "(?:(?:completely|entirely|fully|totally|partially|mostly|largely|briefly|intermittently|temporarily"
                    + "|hard|also|still)\\s{1,3}){0,2}"
                    + "(?:down|offline|unavailable|inaccessible|unreachable|unusable|unresponsive"
                    + "|not\\s{1,3}(?:accessible|available|reachable|working|loading|responding|rendering|appearing|functioning))"
                    + "|stopped\\s{1,3}(?:working|responding|loading|serving)"
                    + "|(?:experienced|suffered|faced)\\s{1,3}(?:(?:a|an)\\s{1,3})?(?:[\\w-]{1,20}\\s{1,3}){0,2}?"
                    + "(?:outage|downtime|shutdown|congestion|disruption|interruption|failure|degradation|crash|slowdown)s?)\\b");
    /**
     * What a match of WENT_DOWN, OUTAGE_OF, UNABLE_TO_REACH and ISSUE_WITH needs (see {@link NeededWords}), with the
     * white space the pattern puts next to each word: the text read is stripped, so its only white space is
     * single spaces, and a word with its space ("not ", not "not") passes far fewer lines ("note", "cannot").
     */
    private static final NeededWords WENT_DOWN_WORDS = NeededWords.of(" down", " offline", " unavailable",
            " inaccessible", " unreachable", " unusable", " unresponsive", " not ", "stopped ", "experienced ",
            "suffered ", "faced ");
    private static final NeededWords OUTAGE_OF_WORDS = NeededWords.of("outage ", "downtime ", "unavailability ",
            "failure ", "disruption ");
    private static final NeededWords UNABLE_TO_REACH_WORDS = NeededWords.of("able ", "could", "cannot ", "can't ",
            "cant ", "can’t ");
    private static final NeededWords ISSUE_WITH_WORDS = NeededWords.of("issue", "problem", "error", "outage ",
            "incident ", "degradation ");
    /** ISSUE_WITH needs one of these too. */
    private static final NeededWords ISSUE_WITH_LINKS = NeededWords.of(" with ", " in ", " affecting ");
    /** What a match of QUOTED, WENT_DOWN, OUTAGE_OF, UNABLE_TO_REACH and ISSUE_WITH opens with. */
    private static final LeadWords QUOTED_LEADS = LeadWords.of("service", "app", "system", "platform", "website",
            "product");
    private static final LeadWords WENT_DOWN_LEADS = LeadWords.of("is", "was", "were", "are", "went", "became", "has",
            "had", "stopped", "experienced", "suffered", "faced");
    private static final LeadWords OUTAGE_OF_LEADS = LeadWords.of("outage", "downtime", "unavailability", "failure",
            "disruption");
    private static final LeadWords UNABLE_TO_REACH_LEADS = LeadWords.of("unable", "not", "could", "can");
    private static final LeadWords ISSUE_WITH_LEADS = LeadWords.of("issue", "problem", "error", "outage", "incident",
            "degradation");
    private static final Pattern OUTAGE_OF = Pattern.compile(
            "(?i)(?=[oudf])\\b(?:(?:outage|downtime|unavailability)\\s{1,3}(?:of|on|affecting)|(?:failure|disruption)\\s{1,3}of)\\s{1,3}(?=\\S)");
    /** A quoted word names something when it is capitalised or a domain, not when it is a state ("spinning"). */
    private static final Pattern LOOKS_LIKE_A_NAME = Pattern.compile("^\\p{Lu}|^[\\w-]{1,60}\\.[a-z]{2,6}\\b");
    private static final Pattern NOT_A_PLACE = Pattern.compile("(?i)^(?:port|localhost|line|step|version|v)\\s?\\d.*");
    private static final Pattern UNABLE_TO_REACH = Pattern.compile(
            "(?i)(?=[unc])\\b(?:unable|not\\s{1,3}able|could\\s{0,3}not|couldn'?t|couldn’t|cannot|can'?t|can’t)\\s{1,3}(?:to\\s{1,3})?"
                    + "(?:access|reach|load|visit|use|open|connect\\s{1,3}to|log\\s{0,3}in\\s{1,3}to|sign\\s{0,3}in\\s{1,3}to)\\s{1,3}(?=\\S)");
    private static final Pattern ISSUE_WITH = Pattern.compile(
            "(?i)(?=[ipeod])\\b(?:issues?|problems?|errors?|outage|incident|degradation)\\s{1,3}(?:with|in|affecting)\\s{1,3}(?=\\S)");
    private static final Pattern SERVICE_NOUN = Pattern.compile("(?i).*\\b(?:services?|systems?|platforms?|applications?|apps?|portals?|apis?|websites?|sites?)$");
    private static final Pattern TRAILING_KIND = Pattern.compile("(?i)\\s(?:service|services|instance|instances|website|websites|web\\s?sites?|sites?)$");
    private static final Pattern FIELD_TAIL = Pattern.compile("(?i)\\s(?:at|on|via)\\s(?:https?://|www\\.)\\S*.*$|\\s\\(.*$|\\s[-–—]\\s.*$|\\shttps?://\\S*$");
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "(?i)(?:n/?a|none|unknown|tbd|tba|-+|all|various|multiple|several|\\?+)");
    private static final Pattern DATE_LIKE = Pattern.compile(
            "(?i)^(?:\\d.*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\\.?(?:\\s\\d.*)?"
                    + "|(?:mon|tues|wednes|thurs|fri|satur|sun)day.*|(?:today|yesterday|tonight|this|last|next)(?:\\s.*)?)$");
    private static final Pattern CLAUSE_END = Pattern.compile(".*[,;:.!?|)\\]>\"”’]$");
    private static final Pattern CLAUSE_START = Pattern.compile("^[(\\[<\"“‘|].*");
    private static final Pattern AFFECTED_HEADING = Pattern.compile(
            "(?i)(?:affected\\s{1,3}(?:services?|systems?|components?|applications?|products?)"
                    + "|(?:services?|systems?|components?|applications?)\\s{1,3}(?:affected|impacted))");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(?:```|~~~).*");
    /** Compiled once: String.split would compile it for every phrase split into words. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Set<String> DETERMINERS = Set.of(
            "the", "our", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "your", "my",
            "whose", "both", "entire", "whole");
    private static final Set<String> QUANTIFIERS = Set.of(
            "all", "any", "some", "multiple", "several", "many", "most", "every", "each", "other", "various", "no");
    private static final Set<String> SUBJECT_STOPS = Set.of(
            "that", "which", "who", "when", "while", "after", "before", "because", "so", "then", "since", "until",
            "if", "once", "where", "as", "and/or", "or", "but", "also", "still", "however", "meanwhile", "thus",
            "in", "on", "at", "of", "for", "from", "to", "with", "by", "via", "during", "into", "over", "about",
            "reporting", "reported", "reports", "indicating", "indicated", "indicates", "showing", "showed", "shows",
            "saying", "said", "says", "noticed", "notices", "found", "saw", "confirmed", "confirming", "confirms",
            "informed", "realized", "discovered", "detected", "means", "meant", "is", "was", "were", "are", "be",
            "been", "had", "has", "have", "not", "it", "they", "we", "there", "he", "she", "i", "you", "finally");
    private static final Set<String> OBJECT_STOPS = Set.of(
            "for", "during", "because", "due", "when", "after", "before", "until", "and", "or", "in", "on", "at",
            "with", "from", "to", "via", "over", "since", "while", "as", "which", "that", "who", "anymore",
            "was", "were", "is", "are", "by", "resulting", "causing", "leading", "between", "of", "across",
            "again", "properly", "successfully", "normally", "either", "but", "so", "then");
    /** Words that describe any web stack; a name made only of these names no particular service. */
    private static final Set<String> GENERIC = Set.of(
            "web", "website", "websites", "site", "sites", "webpage", "webpages", "page", "pages", "server", "servers",
            "webserver", "webservers", "service", "services", "application", "applications", "app", "apps",
            "web-app", "webapp", "system", "systems", "platform", "platforms", "main", "primary", "production",
            "prod", "company", "company's", "stack", "infrastructure", "backend", "back-end", "frontend",
            "front-end", "database", "databases", "db", "node", "nodes", "host", "hosts", "machine", "machines",
            "instance", "instances", "api", "apis", "load", "balancer", "balancers", "load-balancer", "lb",
            "internet", "online", "network", "networks", "everything", "it", "and", "&", "/", "of", "the",
            "user", "users", "customer", "customers", "critical", "core", "internal", "external", "live",
            "public", "new", "old", "first", "second", "whole", "entire", "same", "affected", "dependent",
            "environment", "environments", "cloud", "domain", "url", "homepage", "home", "login", "resources",
            "features", "feature", "functionality", "access", "connection", "connections", "data",
            "traffic", "requests", "request", "http", "https", "nginx", "apache", "haproxy", "mysql", "ssl",
            "certificate", "configuration", "config", "deployment", "release", "code", "one", "two");
    /** Who suffered, or an upstream party: not the affected service. */
    private static final Set<String> NOT_A_SERVICE = Set.of(
            "users", "user", "customers", "customer", "people", "team", "teams", "engineers", "engineer",
            "members", "provider", "providers", "vendor", "vendors", "visitors", "clients", "developers",
            "requests", "errors", "issue", "issues", "problem", "problems", "incident", "outage", "we", "i");

    /** {@code title}: the document's title as {@link TitleFinder} finds it, read first. */
    @Nullable String find(Document document, @Nullable String title) {
        try {
            return firstNamed(document, title);
        } catch (RuntimeException unreadable) {
            // Best effort over arbitrary text: a rule tripping on odd input leaves the service unknown.
            return null;
        }
    }

    private @Nullable String firstNamed(Document document, @Nullable String title) {
        if (title != null) {
            String named = fromProse(Markup.strip(cap(title)), true);
            if (named != null) {
                return named;
            }
        }
        Map<Integer, String> listed = listedUnderAffectedHeadings(document);
        boolean inCode = false;
        int read = 0;
        for (String whole : document.lines()) {
            if (++read > LINES_READ) {
                break;
            }
            if (listed.containsKey(read)) {
                return listed.get(read);
            }
            String line = cap(whole);
            // the fence and line-break patterns need their signs: most lines have none, and skip them
            if ((line.contains("```") || line.contains("~~~")) && FENCE.matcher(line).matches()) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                continue;
            }
            if (line.isBlank()) {
                continue; // names nothing, and blank lines are a quarter of the lines read
            }
            for (String part : line.indexOf('<') < 0 ? new String[] {line} : LINE_BREAK_TAG.split(line, -1)) {
                String text = Markup.strip(Markup.withoutListMarker(part.trim()));
                String named = fromField(text);
                if (named == null) {
                    named = fromProse(text, false);
                }
                if (named != null) {
                    return named;
                }
            }
        }
        return null;
    }

    /** "Affected systems:" over a list: the first item's label ("- **Search API:** slow"), by heading line. */
    private static Map<Integer, String> listedUnderAffectedHeadings(Document document) {
        Map<Integer, String> listed = new HashMap<>();
        for (Section section : document.sections()) {
            if (section.level() < 1 || !AFFECTED_HEADING.matcher(section.heading()).matches()) {
                continue;
            }
            for (int n = section.bodyStart(); n < section.bodyEnd() && n <= document.lines().size(); n++) {
                String line = cap(document.line(n));
                if (line.isBlank()) {
                    continue;
                }
                if (Markup.isListItem(line)) {
                    String item = Markup.strip(Markup.withoutListMarker(line.trim()));
                    int colon = item.indexOf(':');
                    String label = colon > 0 ? item.substring(0, colon) : item;
                    String name = label.split(" ").length <= MAX_WORDS ? accepted(label) : null;
                    if (name != null) {
                        listed.put(section.headingLine(), name);
                    }
                }
                break;
            }
        }
        return listed;
    }

    private static @Nullable String fromField(String text) {
        // FIELD is anchored at the start: lookingAt tries that one place, where find would try every other
        Matcher field = text.indexOf(':') < 0 ? null : FIELD.matcher(text);
        if (field == null || !field.lookingAt()) {
            return null;
        }
        String value = FIELD_TAIL.matcher(field.group(1).trim()).replaceFirst("");
        value = trimPunctuation(value);
        if (value.isEmpty() || NOT_A_NAME.matcher(value).matches() || value.split(" ").length > MAX_FIELD_WORDS
                || value.endsWith(".") && value.split(" ").length > 3) {
            return null;
        }
        return value;
    }

    /** {@code text}: stripped ({@link Markup#strip}), so its only white space is single spaces. */
    private static @Nullable String fromProse(String text, boolean isTitle) {
        List<Candidate> found = new ArrayList<>();
        // each pattern runs only on lines that hold a word it needs: most lines name no outage at all
        String lower = text.toLowerCase(Locale.ROOT);
        boolean ascii = AsciiText.isAscii(text);
        if (hasQuoteAfterSpace(text)) {
            Matcher quoted = QUOTED.matcher(text);
            for (boolean more = QUOTED_LEADS.find(quoted, text, lower, ascii, 0); more;
                    more = QUOTED_LEADS.find(quoted, text, lower, ascii, quoted.end())) {
                String name = trimPunctuation(quoted.group(1));
                if (LOOKS_LIKE_A_NAME.matcher(name).find()) {
                    found.add(new Candidate(quoted.start(), name));
                }
            }
        }
        if (WENT_DOWN_WORDS.anyIn(lower)) {
            Matcher down = WENT_DOWN.matcher(text);
            for (boolean more = WENT_DOWN_LEADS.find(down, text, lower, ascii, 0); more;
                    more = WENT_DOWN_LEADS.find(down, text, lower, ascii, down.end())) {
                found.add(new Candidate(down.start(), subjectBefore(text, down.start())));
            }
        }
        if (OUTAGE_OF_WORDS.anyIn(lower)) {
            collectObjects(text, lower, ascii, OUTAGE_OF, OUTAGE_OF_LEADS, found, false);
        }
        if (UNABLE_TO_REACH_WORDS.anyIn(lower)) {
            collectObjects(text, lower, ascii, UNABLE_TO_REACH, UNABLE_TO_REACH_LEADS, found, false);
        }
        if (ISSUE_WITH_WORDS.anyIn(lower) && ISSUE_WITH_LINKS.anyIn(lower)) {
            collectObjects(text, lower, ascii, ISSUE_WITH, ISSUE_WITH_LEADS, found, true);
        }
        found.sort((a, b) -> Integer.compare(a.at(), b.at()));
        for (Candidate candidate : found) {
            String name = accepted(candidate.name());
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private record Candidate(int at, @Nullable String name) {
    }

    /** QUOTED needs an opening quote mark after white space ("don't" has none). */
    private static boolean hasQuoteAfterSpace(String text) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '"' || c == '“' || c == '\'' || c == '‘') && isPatternSpace(text.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** What {@code \s} matches. */
    private static boolean isPatternSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static void collectObjects(String text, String lower, boolean ascii, Pattern pattern, LeadWords leads,
            List<Candidate> found, boolean needsServiceNoun) {
        Matcher matcher = pattern.matcher(text);
        for (boolean more = leads.find(matcher, text, lower, ascii, 0); more;
                more = leads.find(matcher, text, lower, ascii, matcher.end())) {
            String object = objectAfter(text, matcher.end());
            if (object != null && needsServiceNoun && !SERVICE_NOUN.matcher(object).matches()) {
                object = null;
            }
            found.add(new Candidate(matcher.start(), object));
        }
    }

    /** The noun phrase ending just before {@code end}: words back to a determiner or a clause boundary. */
    private static @Nullable String subjectBefore(String text, int end) {
        String before = text.substring(Math.max(0, end - 300), end).trim();
        if (before.isEmpty()) {
            return null;
        }
        String[] words = SPACES.split(before);
        int last = words.length - 1;
        String nearest = words[last];
        if (nearest.length() > 2 && nearest.startsWith("(") && nearest.endsWith(")")) {
            return nearest.substring(1, nearest.length() - 1); // "the web application (iCreate) was down"
        }
        int first = last + 1;
        for (int i = last; i >= 0 && i > last - MAX_WORDS - 1; i--) {
            String word = words[i];
            String lower = word.toLowerCase(Locale.ROOT);
            if (i < last && CLAUSE_END.matcher(word).matches()) {
                break;
            }
            if (DETERMINERS.contains(lower) || SUBJECT_STOPS.contains(lower) || possessive(lower)) {
                break;
            }
            if (QUANTIFIERS.contains(lower)) {
                return null;
            }
            first = i;
            if (CLAUSE_START.matcher(word).matches()) {
                break;
            }
        }
        if (first > last || last - first + 1 > MAX_WORDS) {
            return null;
        }
        if (first == last - MAX_WORDS + 1 && first > 0 && !stopsSubject(words[first - 1])) {
            return null; // a longer run of words is a clause, not a name
        }
        return String.join(" ", java.util.Arrays.copyOfRange(words, first, last + 1));
    }

    private static boolean stopsSubject(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return CLAUSE_END.matcher(word).matches() || DETERMINERS.contains(lower) || SUBJECT_STOPS.contains(lower)
                || possessive(lower);
    }

    /** The noun phrase starting at {@code start}: after an optional determiner, up to a preposition or boundary. */
    private static @Nullable String objectAfter(String text, int start) {
        String after = text.substring(start, Math.min(text.length(), start + 300)).trim();
        String[] words = SPACES.split(after);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < words.length && kept.size() <= MAX_WORDS; i++) {
            String word = words[i];
            String lower = word.toLowerCase(Locale.ROOT);
            if (kept.isEmpty() && (DETERMINERS.contains(lower) || possessive(lower))) {
                continue;
            }
            if (kept.isEmpty() && QUANTIFIERS.contains(lower)) {
                return null;
            }
            if (OBJECT_STOPS.contains(lower)) {
                break;
            }
            if (CLAUSE_START.matcher(word).matches() && !kept.isEmpty()) {
                break;
            }
            kept.add(word);
            if (CLAUSE_END.matcher(word).matches()) {
                break;
            }
        }
        if (kept.isEmpty() || kept.size() > MAX_WORDS) {
            return null;
        }
        return trimPunctuation(String.join(" ", kept));
    }

    private static @Nullable String accepted(@Nullable String phrase) {
        if (phrase == null) {
            return null;
        }
        String name = trimPunctuation(phrase);
        String withoutKind = TRAILING_KIND.matcher(name).replaceFirst("");
        if (!withoutKind.isEmpty() && !generic(withoutKind)) {
            name = withoutKind;
        }
        if (name.isEmpty() || generic(name) || DATE_LIKE.matcher(name).matches() || NOT_A_PLACE.matcher(name).matches()) {
            return null;
        }
        String[] words = name.split(" ");
        if (QUANTIFIERS.contains(words[0].toLowerCase(Locale.ROOT))
                || NOT_A_SERVICE.contains(words[words.length - 1].toLowerCase(Locale.ROOT))) {
            return null;
        }
        return name;
    }

    private static boolean generic(String name) {
        for (String word : SPACES.split(name.toLowerCase(Locale.ROOT))) {
            String bare = trimPunctuation(word);
            if (!bare.isEmpty() && !GENERIC.contains(bare)) {
                return false;
            }
        }
        return true;
    }

    private static boolean possessive(String lower) {
        return lower.endsWith("'s") || lower.endsWith("’s") || lower.endsWith("s'") || lower.endsWith("s’");
    }

    private static String trimPunctuation(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && isEdgePunctuation(text.charAt(from))) {
            from++;
        }
        while (to > from && isEdgePunctuation(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to).trim();
    }

    private static boolean isEdgePunctuation(char c) {
        return Character.isWhitespace(c) || ",;:.!?|()[]{}<>\"'“”‘’*_`".indexOf(c) >= 0;
    }

    private static String cap(String line) {
        return line.length() > LINE_LIMIT ? line.substring(0, LINE_LIMIT) : line;
    }
}
