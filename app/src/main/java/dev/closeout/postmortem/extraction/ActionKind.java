package dev.closeout.postmortem.extraction;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells corrective work (fix or verify this incident's own defect: patch the config, restart the
 * service, review this load balancer's rules) from preventative work (make this class of incident less
 * likely or less harmful: process, tests, monitoring, redundancy, training, audits, runbooks).
 */
final class ActionKind {

    static final String CORRECTIVE = "corrective";
    static final String PREVENTATIVE = "preventative";

    private static final Pattern CORRECTIVE_GROUP = Pattern.compile(
            "^(corrective( (measures|actions?|steps))?|fix(es)?|repairs?|(immediate|resolving)( actions?| fixes)?|short[- ]term.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PREVENTATIVE_GROUP = Pattern.compile(
            // the look-ahead holds every alternative's first letter, as in THIS_DEFECT
            "\\b(?=[pdimatlf])(prevent(a?tive|ive|ion)?|detection|process|improve(ments?|d)?|monitoring|alerting|documentation"
                    + "|training|long[- ]term|learnings?|takeaways?|lessons?|future)\\b",
            Pattern.CASE_INSENSITIVE);
    /** What PREVENTATIVE_GROUP needs. */
    private static final NeededWords PREVENTATIVE_GROUP_WORDS = NeededWords.of(
            "prevent", "detection", "process", "improve", "monitoring", "alerting", "documentation", "training", "long",
            "learning", "takeaway", "lesson", "future");
    private static final Pattern TYPE_CORRECTIVE = Pattern.compile(
            "^(repair|fix|corrective|correct|bug ?fix|remediat\\w*|immediate)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TYPE_PREVENTATIVE = Pattern.compile(
            "^(prevent\\w*|process|detect\\w*|improve\\w*|monitor\\w*|alert\\w*|investigate|document\\w*|training)$",
            Pattern.CASE_INSENSITIVE);
    /** Work that starts by fixing something: fix it, roll it back, correct this setting. */
    private static final Pattern FIX_VERB = Pattern.compile(
            "^(fix|patch|patching|restart|restore|revert|roll ?back|disable|re-?enable|correct|repair|adjust|stop|remove|rotate|revoke"
                    + "|rectify|replace|optimi[sz]e|update (the )?configuration)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Wording about this defect itself, whatever the verb. */
    private static final Pattern THIS_DEFECT = Pattern.compile(
            // the look-ahead holds every alternative's first letter: most word starts fail on it at once
            "\\b(?=[itmkfwuharbldr])(identify and (correct|rectify|fix)|to (correct|fix|repair|resolve) the|incorrectly|misconfigured"
                    + "|known good|faulty|to handle the behaviou?r|this (bug|defect)|the bug|the root cause|workaround"
                    + "|^(resize|increase|raise|bump|lower|reduce)\\b[^.]{0,60}\\bto \\d+"
                    + "|temporary (fix|workaround|mitigation)|until the|has been (fixed|patched|corrected|reverted)|adhere to"
                    // verifying this defect: find out what caused it
                    + "|^(reproduce|debug|diagnose)|^(investigate|look into|find out|determine)\\b[^.]{0,80}\\b(why|cause|caused))\\b",
            Pattern.CASE_INSENSITIVE);
    /** What THIS_DEFECT needs, unless the text starts with a sizing verb. */
    private static final NeededWords THIS_DEFECT_WORDS = NeededWords.of(
            "identify and ", "to correct the", "to fix the", "to repair the", "to resolve the", "incorrectly",
            "misconfigured", "known good", "faulty", "to handle the behavio", "this bug", "this defect", "the bug",
            "the root cause", "workaround", "temporary ", "until the", "has been ", "adhere to", "reproduce", "debug",
            "diagnose", "why", "cause");
    private static final List<String> SIZING_VERBS = List.of("resize", "increase", "raise", "bump", "lower", "reduce");
    /** Changing one named piece of code or configuration: "Update node selection algorithm". */
    private static final Pattern CHANGES_COMPONENT = Pattern.compile(
            "^(update|upgrade|improve|change|modify|rewrite|refactor)\\b[^.]{0,60}\\b(algorithm|logic|[\\w-]+\\.\\w+ script"
                    + "|configuration|config|scripts?|dependency|dependencies|query|queries|limits|code)\\b"
                    + "|^the [\\w-]+\\.[\\w.-]+ (script|file|config\\w*) should\\b",
            Pattern.CASE_INSENSITIVE);
    private static final NeededWords CHANGES_COMPONENT_WORDS = NeededWords.of(
            "algorithm", "logic", "script", "config", "dependenc", "quer", "limits", "code", " should");
    /** {@link ClassOfIncidentWords} finds the same words by hand in ASCII text. */
    private static final Pattern CLASS_OF_INCIDENT = Pattern.compile(
            // first letters again, as in THIS_DEFECT
            "\\b(?=[matwdrpqcbiseonvh])(monitor\\w*|alert\\w*|automat\\w*|tests?|testing|train\\w*|workshop|documentation|document|runbooks?"
                    + "|playbooks?|audits?|auditing|regular\\w*|periodic\\w*|quarterly|daily|weekly|redundan\\w*|dual"
                    + "|polic(y|ies)|procedures?|checklists?|protocol|best practices?|in (the )?future|similar|recurrence"
                    + "|every|status page|escalation|on-?call|notif\\w*|visib\\w*|capacity|scal\\w*"
                    + "|health checks?|validation|validate|review process|change management|prioriti\\w*|plan\\b)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A review of a specific configuration checks this defect (a review of a process is PROCESS work). */
    private static final Pattern REVIEWS_THIS = Pattern.compile(
            "^(conduct (a|an) (thorough |comprehensive )?(review|audit)|review|load balancer audit)\\b.*"
                    + "\\b(configurations?|settings)\\b",
            Pattern.CASE_INSENSITIVE);

    /** What REVIEWS_THIS needs after its opening. */
    private static final NeededWords REVIEWS_THIS_WORDS = NeededWords.of("configuration", "settings");

    /** Work on how things are done, not on what broke: a process, practices, a checklist (the labels' rule). */
    private static final Pattern PROCESS = Pattern.compile("(?i)\\b(process(es)?|practices?|checklists?)\\b");
    /** Work its list marks done ("[DONE]", "(done)") was the fix of this incident. */
    private static final Pattern DONE = Pattern.compile("(?i)[\\[(](?:done|fixed|completed?)[\\])]\\s*$");
    private static final Pattern LEADING_TICKET = Pattern.compile(
            "^\\s{0,3}(?:[A-Z][A-Z0-9]{1,9}-\\d{1,7}|#\\d{1,7})[:\\s\\-–]{1,4}(?=\\S)");
    private static final Pattern ROUTINE_WORK = Pattern.compile(
            "(?is)\\b(regular\\w*|periodic\\w*|documentation|playbook|incident response)\\b");

    private ActionKind() {
    }

    /**
     * @param text  the action as written
     * @param group the heading or lead-in it is listed under
     * @param type  its table row's type column, or null
     */
    static String of(String rawText, String group, String type) {
        // "PLAT-311 Configure the issuer...": the wording starts after the ticket it is filed under
        Matcher ticket = LEADING_TICKET.matcher(rawText);
        String text = ticket.lookingAt() ? rawText.substring(ticket.end()) : rawText;
        String limited = text.length() > 1000 ? text.substring(0, 1000) : text;
        // one label split serves both readings: the work judged with its label, and the work alone
        String[] label = ActionLanguage.splitLabel(limited);
        String body = label == null ? limited : label[0] + " " + label[1];
        String work = text.length() > 1000 ? ActionLanguage.afterLabel(text) : label == null ? text : label[1];
        if (type != null) {
            String cell = type.trim();
            if (TYPE_CORRECTIVE.matcher(cell).matches()) {
                return CORRECTIVE;
            }
            if (TYPE_PREVENTATIVE.matcher(cell).matches() && !namesThisDefect(body)) {
                return PREVENTATIVE;
            }
        }
        // each test runs only when the answer still depends on it: these are the costly regex passes
        boolean strongFix = namesThisDefect(body) || changesComponent(work) && !PROCESS.matcher(work).find()
                || endsWithBracket(limited) && DONE.matcher(limited).find();
        if (group != null && CORRECTIVE_GROUP.matcher(group.trim()).matches()) {
            return !strongFix && !fixVerb(body, work) && prevents(body) ? PREVENTATIVE : CORRECTIVE;
        }
        if (!strongFix && group != null && PREVENTATIVE_GROUP_WORDS.anyIn(group.toLowerCase(Locale.ROOT))
                && PREVENTATIVE_GROUP.matcher(group).find() && prevents(body)) {
            return PREVENTATIVE;
        }
        return strongFix || fixVerb(body, work) || reviewsThis(body) && !PROCESS.matcher(body).find()
                ? CORRECTIVE : PREVENTATIVE;
    }

    /** DONE ends the text with ']' or ')' before white space only: most items end otherwise. */
    private static boolean endsWithBracket(String text) {
        int end = text.length() - 1;
        while (end >= 0 && " \t\n\u000B\f\r".indexOf(text.charAt(end)) >= 0) {
            end--;
        }
        return end >= 0 && (text.charAt(end) == ']' || text.charAt(end) == ')');
    }

    private static boolean namesThisDefect(String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        return (THIS_DEFECT_WORDS.anyIn(lower) || startsWithAny(lower, SIZING_VERBS))
                && THIS_DEFECT.matcher(body).find();
    }

    private static boolean changesComponent(String work) {
        return CHANGES_COMPONENT_WORDS.anyIn(work.toLowerCase(Locale.ROOT))
                && CHANGES_COMPONENT.matcher(work).lookingAt();
    }

    private static boolean startsWithAny(String lower, List<String> words) {
        for (String word : words) {
            if (lower.startsWith(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean fixVerb(String body, String work) {
        // without a label the work is the body: one look is enough
        return FIX_VERB.matcher(body).lookingAt() || !work.equals(body) && FIX_VERB.matcher(work).lookingAt();
    }

    private static boolean reviewsThis(String body) {
        // the pattern is anchored to one of three openings: most items show none
        boolean opensReview = body.regionMatches(true, 0, "review", 0, 6)
                || body.regionMatches(true, 0, "conduct a", 0, 9)
                || body.regionMatches(true, 0, "load balancer audit", 0, 19);
        // its ".*" then tries every later word start against the topic words: look for those first
        return opensReview && REVIEWS_THIS_WORDS.anyIn(body.toLowerCase(Locale.ROOT))
                && REVIEWS_THIS.matcher(body).lookingAt() && !ROUTINE_WORK.matcher(body).find();
    }

    private static boolean prevents(String body) {
        // the pattern only for text beyond ASCII, where its word boundaries follow Unicode letters
        return AsciiText.isAscii(body) ? ClassOfIncidentWords.anyIn(body)
                : CLASS_OF_INCIDENT.matcher(body).find();
    }
}
