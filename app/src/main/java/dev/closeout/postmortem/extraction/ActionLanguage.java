package dev.closeout.postmortem.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words postmortems use around their action items: which headings and lead-ins open a list of
 * follow-up work, which ones close it (timeline, resolution, impact...), and whether a sentence commits
 * to work or only describes, restates or concludes.
 */
final class ActionLanguage {

    /** What a heading or lead-in says about the lines under it. */
    enum Role {
        /** Follow-up work: "Action Items", "Corrective and Preventative Measures", "Tasks". */
        ACTIONS,
        /** Lessons that may hold a commitment: "Takeaways", "Learnings". */
        LESSONS,
        /** Never a source of actions: timeline, resolution, impact, what went well, conclusion. */
        CLOSED,
        /** Says nothing either way ("Monitoring Upgrades", "Detection"). */
        NEUTRAL
    }

    private static final Pattern ACTIONS = Pattern.compile(
            // the look-aheads in this class hold every alternative's first letter: most word starts fail at once
            "\\b(?=[cpaftinmrgwlo])(corrective|correcteive|prevent(?:a?tive|ive|ing)|prevention|action items?|action plan|actions? to prevent|follow[- ]?ups?"
                    + "|tasks?|task list|to-?dos?|improvements?|improved?|next steps|(?:future|remaining|further) work|mitigation measures"
                    + "|remediations?|fixes|measures|recommendations?|to prevent|going forward"
                    + "|what we(?:.re|.ll| are| will) (?:doing|changing|change)|changes we.(?:re| are) making"
                    // the other ways to say "from here on": "What's next", "Moving forward", "Open items"
                    + "|what.s next|moving forward|looking (?:ahead|forward)|(?:open|work) items)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final NeededWords ACTIONS_WORDS = NeededWords.of(
            "correct", "prevent", "action", "follow", "task", "todo", "to-do", "improve", "next steps", " work",
            "measures", "remediation", "fixes", "recommendation", "going forward", "what we", "changes we", "s next",
            "moving forward", "looking ahead", "looking forward", "open items", "work items");
    /** Section words that can start a line as its lead-in: "Tasks: ...", but not "Task Review: ...". */
    private static final Pattern ACTIONS_LABEL = Pattern.compile(
            "(corrective|correcteive|prevent\\w*|action items?|actions|follow[- ]?ups?|tasks|task list|to-?dos?"
                    + "|improvements?|next steps|future work|remediation|recommendations?|measures|mitigations?"
                    + "|moving forward|looking ahead|(?:open|work) items)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONCLUSION = Pattern.compile(
            "^(by (implementing|taking|following|learning|addressing)|in conclusion|in summary|overall|sincerely"
                    + "|thank|we apologi[sz]e)|\\b(these|the above|above) (measures|steps|actions|changes|improvements|areas)"
                    + "|\\bwe aim to\\b|\\bwe apologi[sz]e\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_WORK = Pattern.compile(
            "^(none|n/?a|tbd|nothing|-+|—)\\.?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LESSONS = Pattern.compile(
            "\\b(?=[tl])(takeaways?|learnings?|lessons?(?: learned| learnt)?)\\b", Pattern.CASE_INSENSITIVE);
    private static final NeededWords LESSONS_WORDS = NeededWords.of("takeaway", "learning", "lesson");
    private static final Pattern CLOSED = Pattern.compile(
            "\\b(?=[tridswcfeahbog])(timeline|time ?line|resolution|resolved|recovery|impact|root ?causes?|trigger|detection method"
                    + "|summary|what went (?:well|wrong|right)|what (?:didn.t )?worked?|what didn.t work|went well"
                    + "|where we got lucky|conclusions?|final thoughts|debugging|investigation|escalation"
                    + "|actions? taken|steps taken|how to make it attractive|attractive|status|background|overview"
                    + "|affected|symptoms?|glossary|appendix|references?|attendees|stats|supporting information"
                    + "|resolution steps|duration|date|authors?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final NeededWords CLOSED_WORDS = NeededWords.of(
            "timeline", "time line", "resolution", "resolved", "recovery", "impact", "root", "trigger",
            "detection method", "summary", "what went", "what work", "what didn", "went well", "where we got lucky",
            "conclusion", "final thoughts", "debugging", "investigation", "escalation", " taken", "attractive",
            "status", "background", "overview", "affected", "symptom", "glossary", "appendix", "reference",
            "attendees", "stats", "supporting information", "duration", "date", "author");
    /** Headings that only look closed because of one word ("Root cause and follow-ups" opens). */
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"“(])");
    private static final Pattern COMMITMENT = Pattern.compile(
            "\\b(?=[wsmnghpltr])(will(?! be able)|shall|should|must|need(?:s)? to|going to|plan(?:s|ning)? to|have to|has to"
                    + "|would be (?:useful|good|nice|better)|we'll|let's|to-?do|recommend(?:ed)?)\\b"
                    + "|\\((?:fixed|filed|added|done|tracked|tracking|in progress|see)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEEDS_TO = Pattern.compile("(?i)(we )?(need|needs) to\\b");
    private static final Pattern WE_WILL = Pattern.compile(
            "\\b(we will|we'll|we are going to|we're going to)\\b(?! be able)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_WORK_START = Pattern.compile(
            "(by (implementing|taking|following|learning|addressing)|in conclusion|in summary|overall|sincerely"
                    + "|thank|that['’]?s (it|all)|stay (safe|tuned)|cheers|happy (coding|hacking)|until next time"
                    + "|see you|(we('re| are)|i('m| am)) (so |very |truly |deeply )?sorry|sorry for|our apologies|apologies for)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_WORK_ANYWHERE = Pattern.compile(
            "\\bthe following\\b|\\b(these|the above|above) (measures|steps|actions|changes|improvements)"
                    + "|\\bwe aim to\\b|\\bwe apologi[sz]e\\b",
            Pattern.CASE_INSENSITIVE);
    /** A statement about how things are or were, not work: "The ideal pattern would be...". */
    private static final Pattern DESCRIBES = Pattern.compile(
            "\\b(?=[iawcmh])(is|are|was|were|would|could|might|may|has been|have been|had)\\b"
                    + "|^(we|the team|our team|they|it)\\s+\\w+ed\\b"
                    // work already done, reported in the present perfect: "We have already updated the workers"
                    + "|^(we|the team|our team|they)\\s+(have|has|had)\\s+(already\\s+)?\\w+(ed|en|t)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A finite verb: the line is a sentence, not a label. */
    private static final Pattern FINITE = Pattern.compile(
            "\\b(?=[iawbhot])(is|are|was|were|be|been|has|have|had|will|would|we|our|they|it|this|that)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> VERBS = Set.of(
            "add", "adjust", "align", "allow", "analyze", "analyse", "apply", "assess", "assign", "audit", "automate",
            "build", "change", "check", "clean", "communicate", "conduct", "configure", "consider", "consolidate",
            "create", "decommission", "define", "deploy", "design", "develop", "disable", "document", "educate",
            "enable", "enforce", "enhance", "ensure", "establish", "evaluate", "expand", "explore", "extend", "fix",
            "follow", "harden", "identify", "implement", "improve", "include", "increase", "install", "instrument",
            "integrate", "introduce", "investigate", "limit", "maintain", "make", "migrate", "monitor", "move",
            "optimize", "optimise", "organize", "patch", "perform", "pin", "plan", "prioritize", "prioritise",
            "provide", "publish", "re-enable", "reduce", "refactor", "reflect", "remove", "rename", "repair",
            "replace", "require", "restart", "restrict", "review", "revise", "rewrite", "roll", "run", "schedule",
            "separate", "set", "setup", "share", "simplify", "split", "standardize", "start", "stop", "switch",
            "test", "think", "track", "train", "update", "upgrade", "use", "validate", "verify", "write",
            // more of the imperatives follow-up work opens with, so an item is not lost for its verb
            "alert", "archive", "backfill", "backport", "benchmark", "block", "bump", "cap", "capture", "clarify",
            "collect", "confirm", "coordinate", "deduplicate", "delete", "deprecate", "detect", "drop",
            "encrypt", "expose", "file", "guard", "handle", "hold", "lower", "measure", "mitigate", "notify",
            "prevent", "purge", "raise", "re-run", "rerun", "rebuild", "record", "reindex", "relocate", "renew",
            "report", "reproduce", "research", "reset", "resize", "restore", "retire", "retry", "revert", "rotate",
            "scale", "secure", "simulate", "streamline", "strengthen", "submit", "support", "tighten", "tune",
            "unify", "upstream", "warn");
    private static final Pattern FIRST_WORD = Pattern.compile("^[^\\p{L}]*(\\p{L}[\\p{L}'-]*)");

    private ActionLanguage() {
    }

    /** What a heading or lead-in announces. */
    /** Headings that sort follow-up work by purpose: actions when they continue an action section. */
    private static final Pattern WORK_GROUP = Pattern.compile(
            "^(detection|mitigation|process|monitoring|alerting|documentation|tooling|testing|communications?"
                    + "|people|technology|remediation)( (improvements?|changes|items|measures))?$",
            Pattern.CASE_INSENSITIVE);

    static boolean isWorkGroup(String label) {
        return WORK_GROUP.matcher(label.trim()).matches();
    }

    static Role roleOf(String label) {
        String text = label.length() > 300 ? label.substring(0, 300) : label;
        String lower = text.toLowerCase(Locale.ROOT);
        boolean actions = ACTIONS_WORDS.anyIn(lower) && ACTIONS.matcher(text).find();
        boolean closed = CLOSED_WORDS.anyIn(lower) && CLOSED.matcher(text).find();
        if (actions && !(closed && closedWins(text))) {
            return Role.ACTIONS;
        }
        if (closed) {
            return Role.CLOSED;
        }
        if (namesActions(text)) {
            return Role.LESSONS;
        }
        return LESSONS_WORDS.anyIn(lower) && LESSONS.matcher(text).find() ? Role.LESSONS : Role.NEUTRAL;
    }

    /**
     * The role of a label that starts a line of prose ("Improvements: ...", "Resolution: ..."): only when
     * the label begins with the section word, so "Server Recovery Protocol: ..." stays an item.
     */
    static Role roleOfInlineLabel(String label) {
        Role role = roleOf(label);
        Matcher start = switch (role) {
            case ACTIONS -> ACTIONS_LABEL.matcher(label);
            case CLOSED -> CLOSED.matcher(label);
            case LESSONS -> LESSONS.matcher(label);
            case NEUTRAL -> null;
        };
        return start != null && start.lookingAt() ? role : Role.NEUTRAL;
    }

    private static final Pattern NAMES_DONE_WORK = Pattern.compile(".*\\b(actions?|steps) taken\\b(?! to prevent).*");
    private static final Pattern NAMES_FOLLOW_UP = Pattern.compile(
            ".*\\b(corrective|prevent(?:a?tive|ive)|prevention|action items?|follow[- ]?ups?)\\b.*");
    /** Section names that start like a verb: "Follow-ups", "Tasks", "Improvements". */
    private static final Pattern VERB_LIKE_SECTION = Pattern.compile("(?i)^(follow[- ]?ups?|tasks?|improvements?)\\b.*");

    /** "Resulting Actions", "Next actions": a heading whose last word is "actions" lists them. */
    private static final Pattern ACTIONS_NOUN = Pattern.compile("(?i)^[\\w -]{0,40}\\bactions?\\W*$");

    static boolean namesActions(String text) {
        return text.length() < 60 && ACTIONS_NOUN.matcher(text).matches();
    }

    /**
     * "Actions taken", "Resolution and improvements", "Follow-up timeline": the closed word comes first,
     * names done work or a timeline.
     */
    private static boolean closedWins(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (NAMES_DONE_WORK.matcher(lower).matches() || lower.contains("timeline")
                || lower.contains("attractive")) {
            return true;
        }
        Matcher closed = CLOSED.matcher(text);
        Matcher actions = ACTIONS.matcher(text);
        return closed.find() && actions.find() && closed.start() < actions.start()
                && !NAMES_FOLLOW_UP.matcher(lower).matches();
    }

    /** A line standing alone as a heading in plain text: short, no sentence end, a known section name. */
    static boolean isTextHeading(String line) {
        String text = line.trim();
        if (text.isEmpty() || text.length() > 70 || endsSentence(text) || !mayHaveRole(text)
                || Markup.wordCount(text) > 8 || isSentence(text)) {
            return false;
        }
        if (startsWithVerb(text) && !VERB_LIKE_SECTION.matcher(text).matches()) {
            return false;
        }
        return roleOf(text) != Role.NEUTRAL;
    }

    /** Ends with '.', '!' or '?' (the text is trimmed). */
    private static boolean endsSentence(String trimmed) {
        char last = trimmed.charAt(trimmed.length() - 1);
        return last == '.' || last == '!' || last == '?';
    }

    /** Whether {@link #roleOf} can be anything but neutral: it needs one of its section words. */
    private static boolean mayHaveRole(String text) {
        String lower = (text.length() > 300 ? text.substring(0, 300) : text).toLowerCase(Locale.ROOT);
        return ACTIONS_WORDS.anyIn(lower) || CLOSED_WORDS.anyIn(lower) || LESSONS_WORDS.anyIn(lower)
                || lower.contains("action");
    }

    /** Whether {@link #roleOf} can find the text, or any sentence of it, to open an action section. */
    static boolean mayNameActions(String text) {
        return ACTIONS_WORDS.anyIn(text.toLowerCase(Locale.ROOT));
    }

    /**
     * "Label: rest" with a short label, or null: the label ends at the first colon, 2 to 60 characters
     * in, with no sentence end before it; white space follows the colon, then the rest, which holds no
     * line break after its first character. Read by hand as the pattern
     * {@code ^([^:.!?]{2,60}?):\s+(\S.*)$} reads it, without walking the whole line in the regex engine;
     * "white space" is what {@code \s} matches.
     */
    static String[] splitLabel(String text) {
        int colon = text.indexOf(':');
        if (text.length() > 2000 || colon < 2 || colon > 60 || hasSentenceEnd(text, colon)) {
            return null;
        }
        int rest = colon + 1;
        while (rest < text.length() && isPatternSpace(text.charAt(rest))) {
            rest++;
        }
        if (rest == colon + 1 || rest == text.length() || hasLineTerminator(text, rest + 1)) {
            return null;
        }
        String label = text.substring(0, colon);
        if (label.contains("http") || Markup.wordCount(label) > 7) {
            return null;
        }
        return new String[] {label.trim(), text.substring(rest).trim()};
    }

    private static boolean hasSentenceEnd(String text, int end) {
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?') {
                return true;
            }
        }
        return false;
    }

    /** Whether a character from {@code from} on ends a line for '.' in a pattern. */
    private static boolean hasLineTerminator(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    private static boolean isPatternSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The text after a short "Label:" prefix, or the text itself. */
    static String afterLabel(String text) {
        String[] label = splitLabel(text);
        return label == null ? text : label[1];
    }

    /** Does the text commit to work: an imperative, a gerund, a modal ("we will", "should"), a status note? */
    static boolean commitsToWork(String text) {
        String body = afterLabel(text);
        if (startsWithVerb(body) || startsWithVerb(text)) {
            return true;
        }
        String first = firstWord(body);
        if (first.endsWith("ing") && first.length() > 4 && Character.isUpperCase(body.charAt(0))) {
            return true;
        }
        return COMMITMENT.matcher(body.length() > 1000 ? body.substring(0, 1000) : body).find();
    }

    /**
     * Prose under an action heading is work unless it only describes: a line with no commitment and a
     * statement verb ("is", "would", "were") or a past-tense report ("We restarted...").
     */
    static boolean isWorkProse(String text) {
        String limited = text.length() > 1000 ? text.substring(0, 1000) : text;
        if (commitsToWork(limited)) {
            return true;
        }
        String body = afterLabel(limited);
        Matcher describes = DESCRIBES.matcher(body);
        if (!describes.find()) {
            return true;
        }
        // "Have the team say what state the product is in": a statement verb inside a clause of the work
        // (a question such as "What are the things to improve" opens with the word, and is no work)
        Matcher clause = SUBORDINATE.matcher(body);
        return clause.find(1) && clause.start() < describes.start();
    }

    private static final Pattern SUBORDINATE = Pattern.compile(
            "(?i)\\b(?=[twswbia])(that|which|who|what|when|where|while|so that|because|if|as)\\b");

    /** "Two steps were taken:" is a sentence; "Tasks to Address the Issue:" is a label. */
    static boolean isSentence(String text) {
        return FINITE.matcher(text.length() > 300 ? text.substring(0, 300) : text).find();
    }

    /** Lessons sections hold commitments only when stated outright: "Prioritize X", "Need to ensure Y". */
    static boolean commitsStrictly(String text) {
        String body = afterLabel(text);
        String first = firstWord(body);
        return startsWithVerb(body) && !first.equals("make") && !first.equals("think") && !first.equals("use")
                || NEEDS_TO.matcher(body).lookingAt() || saysWeWill(body) || promisesPassively(body);
    }

    /** "A fix will be deployed", "Alerts will be added": work promised in the passive, whoever does it. */
    private static final Pattern FUTURE_PASSIVE = Pattern.compile(
            "(?i)\\b(?:will|shall) (?:also |then |soon )?be (?!able\\b)[a-z]{2,30}(?:ed|en|lt|ne|wn)\\b");

    /** Only in the main clause: "...to make sure that it will be fixed" promises nothing itself. */
    private static boolean promisesPassively(String body) {
        if (!body.contains(" be ")) {
            return false;
        }
        String limited = body.length() > 1000 ? body.substring(0, 1000) : body;
        Matcher passive = FUTURE_PASSIVE.matcher(limited);
        if (!passive.find()) {
            return false;
        }
        Matcher clause = SUBORDINATE.matcher(limited);
        return !(clause.find() && clause.start() < passive.start());
    }

    /** "We plan to X", "Y will be implemented": a promise of future work, not a general "must". */
    private static final Pattern PROMISE = Pattern.compile(
            "\\b(?=[wpgi])(will(?! be able)|we'll|plan(?:s|ning)? to|going to|intend to)\\b", Pattern.CASE_INSENSITIVE);

    static boolean promises(String sentence) {
        return PROMISE.matcher(sentence.length() > 1000 ? sentence.substring(0, 1000) : sentence).find();
    }

    /** The sentence of a prose paragraph that says "we will ...", or null. */
    static List<String> weWillSentences(String paragraph) {
        List<String> found = new ArrayList<>();
        for (String sentence : sentences(paragraph)) {
            if (saysWeWill(sentence)) {
                found.add(sentence);
            }
        }
        return found;
    }

    // every spelling starts with "we": most lines have no such word and skip the regex
    private static boolean saysWeWill(String text) {
        return text.toLowerCase(Locale.ROOT).contains("we") && WE_WILL.matcher(text).find();
    }

    /** Lead-ins, summaries and conclusions written between the items: not work themselves. */
    static boolean isNotWork(String text) {
        String limited = text.length() > 500 ? text.substring(0, 500) : text;
        if (NOT_WORK_START.matcher(limited).lookingAt() || NO_WORK.matcher(limited.trim()).matches()) {
            return true;
        }
        // the phrases searched anywhere each hold one of these words: most items hold none
        String lower = limited.toLowerCase(Locale.ROOT);
        return (lower.contains("following") || lower.contains("these") || lower.contains("above")
                || lower.contains("we a")) && NOT_WORK_ANYWHERE.matcher(limited).find();
    }

    /** Text that is only links or references: "https://host/x/issues/95", "flutter/plugins#1127". */
    private static final Pattern ONLY_REFERENCES = Pattern.compile(
            "(?:(?:https?://\\S{1,500}|[\\w.-]{1,100}/[\\w.-]{1,100}#\\d{1,7}|#\\d{1,7})[\\s,;.]{0,5}){1,20}");
    private static final Pattern ISSUE_LINK = Pattern.compile(
            "(?i)https?://\\S*?(?:/issues?/\\d|/browse/|/tickets?/|/bugs?/|show_bug)");

    static boolean isOnlyReferences(String text) {
        return text.length() <= 2000 && ONLY_REFERENCES.matcher(text.trim()).matches();
    }

    /**
     * A bare link to an issue is the work it tracks; a bare link to a pull request, a commit or a page
     * shows work done or background.
     */
    static boolean isIssueLink(String destination) {
        return ISSUE_LINK.matcher(destination.length() > 500 ? destination.substring(0, 500) : destination).lookingAt();
    }

    /** "By implementing these measures, we aim to...": the section's work is over. */
    static boolean isConclusion(String text) {
        String limited = text.length() > 500 ? text.substring(0, 500) : text;
        return CONCLUSION_WORDS.anyIn(limited.toLowerCase(Locale.ROOT)) && CONCLUSION.matcher(limited).find();
    }

    /** What {@link #CONCLUSION} needs: most prose holds none of these. */
    private static final NeededWords CONCLUSION_WORDS = NeededWords.of(
            "by ", "in conclusion", "in summary", "overall", "sincerely", "thank", "apologi", "these ", "above ",
            "we aim to");

    static boolean startsWithVerb(String text) {
        String first = firstWord(text);
        if (first.endsWith("ly") && first.length() > 4) {
            // "Regularly review ...": an adverb before the verb
            String rest = text.substring(Math.min(text.length(), text.toLowerCase(Locale.ROOT).indexOf(first) + first.length()));
            return VERBS.contains(firstWord(rest));
        }
        return VERBS.contains(first);
    }

    static String firstWord(String text) {
        Matcher word = FIRST_WORD.matcher(text.length() > 200 ? text.substring(0, 200) : text);
        return word.find() ? word.group(1).toLowerCase(Locale.ROOT) : "";
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String sentence : SENTENCE_BREAK.split(text)) {
            if (!sentence.isBlank()) {
                out.add(sentence.trim());
            }
        }
        return out;
    }

    /**
     * "Implement X. Enhance Y." written as one paragraph is two actions; a sentence followed by its
     * explanation is one. Splits only when every sentence starts with a verb and is a clause of its own.
     */
    static List<String> splitWorkSentences(String text) {
        List<String> sentences = sentences(text);
        if (sentences.size() < 2) {
            return List.of(text);
        }
        for (String sentence : sentences) {
            String first = firstWord(sentence);
            boolean verb = VERBS.contains(first) || first.endsWith("ing") && first.length() > 4;
            if (!verb || Markup.wordCount(sentence) < 4) {
                return List.of(text);
            }
        }
        return sentences;
    }
}
