package dev.closeout.postmortem.extraction;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the root cause, condenses it to a sentence or two and classifies it by the taxonomy: the weighted cue
 * rules ({@link RootCauseClassifier}) score every class, and the trained model ({@link RootCauseModel}) decides
 * from those scores and the words; with no model, the rules decide alone.
 */
final class RootCauseExtractor {

    /** The root-cause text decides; the title and the summary help when it says little. */
    private static final double CAUSE_WEIGHT = 1.0;
    private static final double TITLE_WEIGHT = 0.5;
    private static final double SUMMARY_WEIGHT = 0.4;
    /** When no section or lead-in names the root cause, the summary tells it as much as the section found. */
    private static final double SUMMARY_WEIGHT_WITHOUT_ROOT_CAUSE = 0.8;
    /** How much each later sentence of a root-cause section loses against the first. */
    private static final double SECTION_DECAY = 0.25;
    private static final double PARAGRAPH_DECAY = 0.3;

    /**
     * A paragraph that names its root cause part way ("Summary of impact: ... Root cause and mitigation: ..."), as
     * incident-status pages write them: what comes before is the impact, which says little about the cause.
     */
    private static final Pattern CAUSE_LEAD_IN = Pattern.compile("(?i)\\broot[- ]?cause[^.:\\n]{0,40}:");

    private final RootCauseLocator locator = new RootCauseLocator();
    private final RootCauseClassifier classifier = new RootCauseClassifier();
    private final RootCauseModel model;

    /** Classifies with the model shipped with the engine. */
    RootCauseExtractor() {
        this(RootCauseModel.bundled());
    }

    /** Classifies with {@code model}; null leaves the rules to decide alone. */
    RootCauseExtractor(RootCauseModel model) {
        this.model = model;
    }

    static RootCauseExtractor rulesOnly() {
        return new RootCauseExtractor(null);
    }

    /**
     * The document's root cause; component and trigger are null when the document gives no evidence of one: no
     * section or lead-in names its root cause, and no cue phrase of any class is found in what the rules read (the
     * cause's stand-in, the title, the summary). Any class then would be a guess, and "other / unknown" guessed for
     * every such document would make them one recurring cause in the reports.
     */
    RootCause extract(Document document) {
        RootCauseLocator.Found found = locator.locate(document);
        CauseEvidence evidence = evidence(found);
        String summary = Sentences.condense(found.cause());
        if (!found.explicit() && evidence.scores().none()) {
            return new RootCause(summary, null, null);
        }
        RootCause classified = decide(evidence);
        return new RootCause(summary, classified.component(), classified.trigger());
    }

    /** Component and trigger of a root cause told in one paragraph (no summary is made). */
    RootCause classify(String paragraph) {
        return decide(evidence(paragraph));
    }

    /** What the rules and the words say about a postmortem's root cause. */
    CauseEvidence evidence(Document document) {
        return evidence(locator.locate(document));
    }

    /** What the rules and the words say about a root cause told in one paragraph. */
    CauseEvidence evidence(String paragraph) {
        return evidence(sources(paragraph));
    }

    /** The texts the rules and the words read in a paragraph: all of it, or the impact before a root-cause lead-in less. */
    private static List<RootCauseClassifier.Source> sources(String paragraph) {
        Matcher leadIn = paragraph == null ? null : CAUSE_LEAD_IN.matcher(paragraph);
        if (leadIn == null || !leadIn.find() || leadIn.start() == 0) {
            return List.of(new RootCauseClassifier.Source(paragraph, CAUSE_WEIGHT, PARAGRAPH_DECAY));
        }
        return List.of(new RootCauseClassifier.Source(paragraph.substring(leadIn.end()), CAUSE_WEIGHT, PARAGRAPH_DECAY),
                new RootCauseClassifier.Source(paragraph.substring(0, leadIn.start()), SUMMARY_WEIGHT, PARAGRAPH_DECAY));
    }

    private CauseEvidence evidence(RootCauseLocator.Found found) {
        return evidence(List.of(
                new RootCauseClassifier.Source(found.cause(), CAUSE_WEIGHT, SECTION_DECAY),
                new RootCauseClassifier.Source(found.title(), TITLE_WEIGHT, 0),
                new RootCauseClassifier.Source(found.summary().equals(found.cause()) ? "" : found.summary(),
                        found.explicit() ? SUMMARY_WEIGHT : SUMMARY_WEIGHT_WITHOUT_ROOT_CAUSE, SECTION_DECAY)));
    }

    private CauseEvidence evidence(List<RootCauseClassifier.Source> sources) {
        RootCauseClassifier.Scores scores = classifier.score(sources);
        return new CauseEvidence(CauseWords.of(sources), scores, classifier.classify(scores));
    }

    private RootCause decide(CauseEvidence evidence) {
        return model == null ? evidence.rules() : model.classify(evidence);
    }
}
