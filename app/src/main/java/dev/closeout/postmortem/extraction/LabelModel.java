package dev.closeout.postmortem.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One decision of the root-cause model (the component, or the trigger): multinomial logistic regression.
 * Each label's score is its bias, plus a weight per word for that label, plus (when the model reads the rules)
 * three weights shared by every label on that label's own rule evidence: how much cue weight the rules found
 * for it, whether the rules chose it, and its cue weight against the best label's. The shared weights let the
 * model learn how far to trust the rules; the word weights, which words the cues miss or over-read.
 * Trained by {@link LabelModelTraining}; weights are kept at the precision the model file keeps, so a model read
 * back from its file is the model trained.
 */
final class LabelModel {

    static final int EVIDENCE_FEATURES = 3;
    /** The words' vector is scaled to this length: the rules' evidence is on about the same scale. */
    static final double WORD_SCALE = 3.0;
    /**
     * How much more probable than the rules' answer the model's must be to replace it. Cross-validated on the tuning
     * part, margins from 0 to 0.5 scored alike (within two items in 470 decisions); the validation part, which the
     * model's answers alone had lost two items on, did not fall with 0.5 (docs/extraction.md, "Root-cause model").
     */
    static final double OVERRIDE_MARGIN = 0.5;
    /** Decimal places kept in the model file. */
    static final int PRECISION = 4;
    private static final double SCALE = Math.pow(10, PRECISION);

    /** What is decided: which taxonomy list, and which of the rules' scores and answers speak to it. */
    enum Decision {
        COMPONENT("component", Taxonomy.COMPONENTS),
        TRIGGER("trigger", Taxonomy.TRIGGERS);

        final String word;
        final List<String> labels;

        Decision(String word, List<String> labels) {
            this.word = word;
            this.labels = labels;
        }

        double[] cues(RootCauseClassifier.Scores scores) {
            return this == COMPONENT ? scores.components() : scores.triggers();
        }

        String of(RootCause cause) {
            return this == COMPONENT ? cause.component() : cause.trigger();
        }

        static Decision named(String word) {
            for (Decision decision : values()) {
                if (decision.word.equals(word)) {
                    return decision;
                }
            }
            throw new IllegalArgumentException("no decision '" + word + "'");
        }
    }

    private final Decision decision;
    private final boolean readsRules;
    private final double[] evidenceWeights;
    private final double[] bias;
    private final Map<String, double[]> wordWeights;
    /** The same weights for looking up: a hash, not a comparison per tree level. */
    private final Map<String, double[]> wordLookup;

    LabelModel(Decision decision, boolean readsRules, double[] evidenceWeights, double[] bias,
               Map<String, double[]> wordWeights) {
        this.decision = decision;
        this.readsRules = readsRules;
        this.evidenceWeights = evidenceWeights.clone();
        this.bias = bias.clone();
        this.wordWeights = new TreeMap<>(wordWeights);
        this.wordLookup = new HashMap<>(this.wordWeights);
    }

    Decision decision() {
        return decision;
    }

    boolean readsRules() {
        return readsRules;
    }

    /**
     * The most probable label; but when the model reads the rules, their answer stands unless the model's label is
     * at least {@link #OVERRIDE_MARGIN} more probable than it.
     */
    String classify(CauseEvidence evidence) {
        double[] probabilities = probabilities(evidence);
        int best = 0;
        for (int label = 1; label < probabilities.length; label++) {
            if (probabilities[label] > probabilities[best]) {
                best = label;
            }
        }
        int rules = readsRules ? decision.labels.indexOf(decision.of(evidence.rules())) : -1;
        if (rules >= 0 && rules != best && probabilities[best] - probabilities[rules] < OVERRIDE_MARGIN) {
            return decision.labels.get(rules);
        }
        return decision.labels.get(best);
    }

    /** Each label's probability, in the taxonomy's order. */
    double[] probabilities(CauseEvidence evidence) {
        double[] scores = scores(evidence);
        double max = Arrays.stream(scores).max().orElse(0);
        double sum = 0;
        for (int label = 0; label < scores.length; label++) {
            scores[label] = StrictMath.exp(scores[label] - max);
            sum += scores[label];
        }
        for (int label = 0; label < scores.length; label++) {
            scores[label] /= sum;
        }
        return scores;
    }

    private double[] scores(CauseEvidence evidence) {
        double[][] ruleEvidence = readsRules ? ruleEvidence(evidence, decision) : null;
        double[] scores = bias.clone();
        // the words as scaledWords scales them, in its (stem) order, without building its map
        double norm = norm(evidence.words());
        if (norm > 0) {
            for (Map.Entry<String, Double> word : evidence.words().entrySet()) {
                double[] weights = wordLookup.get(word.getKey());
                if (weights != null) {
                    double value = WORD_SCALE * word.getValue() / norm;
                    for (int label = 0; label < scores.length; label++) {
                        scores[label] += weights[label] * value;
                    }
                }
            }
        }
        if (ruleEvidence != null) {
            for (int label = 0; label < scores.length; label++) {
                for (int f = 0; f < EVIDENCE_FEATURES; f++) {
                    scores[label] += evidenceWeights[f] * ruleEvidence[label][f];
                }
            }
        }
        return scores;
    }

    /**
     * Per label: log(1 + its cue weight), 1 if the rules chose it, its cue weight over the best label's.
     */
    static double[][] ruleEvidence(CauseEvidence evidence, Decision decision) {
        List<String> labels = decision.labels;
        double[] cues = decision.cues(evidence.scores());
        String chosen = decision.of(evidence.rules());
        double best = Arrays.stream(cues).max().orElse(0);
        double[][] features = new double[labels.size()][];
        for (int label = 0; label < labels.size(); label++) {
            double cue = label < cues.length ? cues[label] : 0;
            // log1p(±0) is ±0, and most labels have no cue
            features[label] = new double[] {cue == 0 ? cue : StrictMath.log1p(cue), labels.get(label).equals(chosen) ? 1 : 0,
                    best > 0 ? cue / best : 0};
        }
        return features;
    }

    /** The words as a vector of length {@link #WORD_SCALE}, so a long text and a short one weigh alike. */
    static Map<String, Double> scaledWords(Map<String, Double> words) {
        double norm = norm(words);
        Map<String, Double> scaled = new TreeMap<>();
        if (norm > 0) {
            words.forEach((word, weight) -> scaled.put(word, WORD_SCALE * weight / norm));
        }
        return scaled;
    }

    private static double norm(Map<String, Double> words) {
        return Math.sqrt(words.values().stream().mapToDouble(weight -> weight * weight).sum());
    }

    /**
     * The model as lines: {@code decision component|trigger}, {@code labels ...}, {@code reads-rules true|false}, {@code evidence w w w},
     * {@code bias ...} (one value per label), then {@code word STEM ...} per word in word order.
     */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("decision " + decision.word);
        lines.add("labels " + String.join(" ", decision.labels));
        lines.add("reads-rules " + readsRules);
        lines.add("evidence " + numbers(evidenceWeights));
        lines.add("bias " + numbers(bias));
        wordWeights.forEach((word, weights) -> lines.add("word " + word + " " + numbers(weights)));
        return lines;
    }

    /** Reads what {@link #lines()} wrote. */
    static LabelModel read(List<String> lines) {
        if (lines.size() < 5) {
            throw new IllegalArgumentException("a decision needs five lines or more, found " + lines.size());
        }
        Decision decision = Decision.named(field(lines.get(0), "decision"));
        if (!List.of(field(lines.get(1), "labels").split(" ")).equals(decision.labels)) {
            throw new IllegalArgumentException("the labels are not the taxonomy's: " + lines.get(1));
        }
        boolean readsRules = Boolean.parseBoolean(field(lines.get(2), "reads-rules"));
        double[] evidence = parse(field(lines.get(3), "evidence"), EVIDENCE_FEATURES);
        double[] bias = parse(field(lines.get(4), "bias"), decision.labels.size());
        Map<String, double[]> words = new TreeMap<>();
        for (String line : lines.subList(5, lines.size())) {
            String[] parts = field(line, "word").split(" ", 2);
            words.put(parts[0], parse(parts.length > 1 ? parts[1] : "", decision.labels.size()));
        }
        return new LabelModel(decision, readsRules, evidence, bias, words);
    }

    private static String field(String line, String name) {
        if (!line.startsWith(name + " ")) {
            throw new IllegalArgumentException("expected '" + name + "', found: " + line);
        }
        return line.substring(name.length() + 1);
    }

    private static double[] parse(String text, int count) {
        String[] parts = text.split(" ");
        if (parts.length != count) {
            throw new IllegalArgumentException("expected " + count + " numbers: " + text);
        }
        return Arrays.stream(parts).mapToDouble(Double::parseDouble).toArray();
    }

    private static String numbers(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double value : values) {
            if (text.length() > 0) {
                text.append(' ');
            }
            // rounded already: the same text for the same value, and never "-0.0000"
            text.append(String.format(Locale.ROOT, "%." + PRECISION + "f", value == 0 ? 0.0 : value));
        }
        return text.toString();
    }

    static double round(double value) {
        double rounded = Math.round(value * SCALE) / SCALE;
        return rounded == 0 ? 0.0 : rounded;
    }

    static double[] round(double[] values) {
        return Arrays.stream(values).map(LabelModel::round).toArray();
    }
}
