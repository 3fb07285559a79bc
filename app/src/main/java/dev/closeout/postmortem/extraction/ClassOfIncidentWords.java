package dev.closeout.postmortem.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds, in ASCII text, the words {@link ActionKind} takes for work on a class of incident (monitoring,
 * runbooks, "in the future"...), exactly where its {@code CLASS_OF_INCIDENT} pattern finds them: a whole
 * word or phrase, or a stem followed by any word characters. Nearly every action item holds one of these
 * words, so a pre-check could not help; the regex tried its alternatives at every word start and was the
 * costliest part of judging an action. Each word start here is tried only against the entries sharing its
 * first letter. Text with other characters stays with the pattern: its word boundaries then follow Unicode
 * letters and marks.
 */
final class ClassOfIncidentWords {

    /** Matched whole: the next character ends the word. */
    private static final List<String> PHRASES = List.of(
            "test", "tests", "testing", "workshop", "documentation", "document", "runbook", "runbooks", "playbook",
            "playbooks", "audit", "audits", "auditing", "quarterly", "daily", "weekly", "dual", "policy", "policies",
            "procedure", "procedures", "checklist", "checklists", "protocol", "best practice", "best practices",
            "in future", "in the future", "similar", "recurrence", "every", "status page", "escalation", "on-call",
            "oncall", "capacity", "health check", "health checks", "validation", "validate", "review process",
            "change management", "plan");
    /** Matched with any word characters after them. */
    private static final List<String> STEMS = List.of(
            "monitor", "alert", "automat", "train", "regular", "periodic", "redundan", "notif", "visib", "scal",
            "prioriti");

    /** The phrases by their lower-case first letter, then the stems by theirs. */
    private static final String[][] PHRASES_BY_LETTER = byFirstLetter(PHRASES);
    private static final String[][] STEMS_BY_LETTER = byFirstLetter(STEMS);

    private ClassOfIncidentWords() {
    }

    /** Whether ASCII text holds one of the words: as {@code CLASS_OF_INCIDENT.matcher(text).find()}. */
    static boolean anyIn(String text) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            // a word start: every entry starts with a letter, and a word run starting with a digit has no
            // boundary inside it
            char lower = (char) (c | 0x20);
            if (lower >= 'a' && lower <= 'z' && startsEntry(text, i, lower - 'a')) {
                return true;
            }
            while (i < length && isWordChar(text.charAt(i))) {
                i++;
            }
        }
        return false;
    }

    private static boolean startsEntry(String text, int start, int letter) {
        for (String phrase : PHRASES_BY_LETTER[letter]) {
            int end = start + phrase.length();
            if (text.regionMatches(true, start, phrase, 0, phrase.length())
                    && (end == text.length() || !isWordChar(text.charAt(end)))) {
                return true;
            }
        }
        for (String stem : STEMS_BY_LETTER[letter]) {
            // the word characters after a stem run to a boundary in ASCII text
            if (text.regionMatches(true, start, stem, 0, stem.length())) {
                return true;
            }
        }
        return false;
    }

    /** The regex's word characters, for ASCII: its boundary test {@code \b}. */
    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static String[][] byFirstLetter(List<String> entries) {
        List<List<String>> lists = new ArrayList<>();
        for (int letter = 0; letter < 26; letter++) {
            lists.add(new ArrayList<>());
        }
        for (String entry : entries) {
            lists.get(entry.charAt(0) - 'a').add(entry);
        }
        String[][] table = new String[26][];
        for (int letter = 0; letter < 26; letter++) {
            table[letter] = lists.get(letter).toArray(new String[0]);
        }
        return table;
    }
}
