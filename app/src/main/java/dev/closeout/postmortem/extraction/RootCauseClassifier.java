package dev.closeout.postmortem.extraction;

import java.util.Arrays;
import java.util.List;

/**
 * Classifies a root cause by the taxonomy ({@link Taxonomy}): every cue phrase found adds its weight to
 * its class, scaled by where it stands (cause or effect, early or late, negated or not) and by how much
 * the text it comes from is to be trusted; then precedence rules settle the cases where one reading
 * wins over the other (an expired certificate is a certificate expiry whatever else is said).
 */
final class RootCauseClassifier {

    /** At this a component is named. */
    static final double COMPONENT_THRESHOLD = 1.5;
    /**
     * Below the threshold, one weak hint at full weight still names a component when nothing points
     * elsewhere: "an issue with the billing service" is the application, not "other".
     */
    static final double WEAK_COMPONENT_THRESHOLD = 1.0;
    /** How far a weakly named component must lead the next one to be trusted. */
    static final double WEAK_COMPONENT_LEAD = 1.25;
    /** Below this nothing says what set the incident off: "unknown". */
    static final double TRIGGER_THRESHOLD = 2.0;
    /** An explicit "the cause is unknown" wins only over much weaker evidence for a trigger. */
    static final double UNKNOWN_MARGIN = 2.0;

    /** A text to read, how much it counts, and how fast its later sentences lose weight. */
    record Source(String text, double weight, double decay) {
    }

    /** The scores behind a classification, for tests and tuning. */
    record Scores(double[] components, double[] triggers) {

        double component(String label) {
            return components[Taxonomy.COMPONENTS.indexOf(label)];
        }

        double trigger(String label) {
            return triggers[Taxonomy.TRIGGERS.indexOf(label)];
        }

        /** Whether no cue phrase of any component or trigger was found. */
        boolean none() {
            return Arrays.stream(components).allMatch(score -> score == 0)
                    && Arrays.stream(triggers).allMatch(score -> score == 0);
        }
    }

    RootCause classify(List<Source> sources) {
        return classify(score(sources));
    }

    /** The rules' answer from the scores of {@link #score(List)}. */
    RootCause classify(Scores scores) {
        String trigger = trigger(scores);
        String component = component(scores);
        if (component.equals("other") && scores.components()[Taxonomy.COMPONENTS.indexOf("other")] == 0
                && (trigger.equals("code-change") || trigger.equals("software-bug"))) {
            // new code or a bug with no part named lived in the application's own code
            component = "application";
        }
        if (scores.trigger("expiry") >= TRIGGER_THRESHOLD && scores.component("certificate") > 0
                && (trigger.equals("expiry") || scores.component("certificate") >= COMPONENT_THRESHOLD)) {
            component = "certificate";
            trigger = "expiry";
        }
        return new RootCause(null, component, trigger);
    }

    /**
     * The best-supported component; else one weakly but plainly named, when there is no hint of the
     * parts "other" stands for (power, cooling, a building); else "other".
     */
    private static String component(Scores scores) {
        double[] components = scores.components();
        String named = best(Taxonomy.COMPONENTS, components, COMPONENT_THRESHOLD, "other");
        if (!named.equals("other") || scores.component("other") > 0) {
            return named;
        }
        int first = -1;
        int second = -1;
        for (int i = 0; i < components.length; i++) {
            if (first < 0 || components[i] > components[first]) {
                second = first;
                first = i;
            } else if (second < 0 || components[i] > components[second]) {
                second = i;
            }
        }
        boolean leads = components[first] >= WEAK_COMPONENT_THRESHOLD
                && components[first] >= WEAK_COMPONENT_LEAD * components[second];
        return leads ? Taxonomy.COMPONENTS.get(first) : "other";
    }

    /** The best-supported trigger; "unknown" when none is, or when the text says the cause is not known. */
    private static String trigger(Scores scores) {
        double[] triggers = scores.triggers().clone();
        int unknown = Taxonomy.TRIGGERS.indexOf("unknown");
        double unknownScore = triggers[unknown];
        triggers[unknown] = 0;
        String trigger = best(Taxonomy.TRIGGERS, triggers, TRIGGER_THRESHOLD, "unknown");
        if (!trigger.equals("unknown") && unknownScore >= UNKNOWN_MARGIN * scores.trigger(trigger)) {
            return "unknown";
        }
        return trigger;
    }

    Scores score(List<Source> sources) {
        double[] components = new double[Taxonomy.COMPONENTS.size()];
        double[] triggers = new double[Taxonomy.TRIGGERS.size()];
        for (Source source : sources) {
            if (source.text() == null || source.text().isBlank()) {
                continue;
            }
            CueTokens tokens = CueTokens.of(source.text(), source.decay());
            Taxonomy.COMPONENT_CUES.score(tokens, source.weight(), components);
            Taxonomy.TRIGGER_CUES.score(tokens, source.weight(), triggers);
        }
        return new Scores(components, triggers);
    }

    private static String best(List<String> labels, double[] scores, double threshold, String fallback) {
        int best = -1;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= threshold && (best < 0 || scores[i] > scores[best])) {
                best = i;
            }
        }
        return best < 0 ? fallback : labels.get(best);
    }
}
