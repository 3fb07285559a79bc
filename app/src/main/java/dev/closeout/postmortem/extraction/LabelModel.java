package dev.closeout.postmortem.extraction;

import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>Trained by full-batch gradient descent (AdaGrad steps, L2 on the word weights) for a fixed number of
 * rounds over examples in a fixed order, so the same examples give the same model on any machine; weights are
 * rounded to the precision the model file keeps, so a model read back from its file is the model trained.
 */
final class LabelModel {

    static final int EVIDENCE_FEATURES = 3;
    /** The words' vector is scaled to this length: the rules' evidence is on about the same scale. */
    static final double WORD_SCALE = 3.0;
    /** A word must appear in this many training examples to get weights: rarer ones are names, not causes. */
    static final int MIN_EXAMPLES_PER_WORD = 2;
    static final int ROUNDS = 300;
    static final double STEP = 0.1;
    static final double WORD_L2 = 0.001;
    static final double BIAS_L2 = 0.01;
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

    /** One labelled example: the evidence and its label. */
    record Example(CauseEvidence evidence, String label) {
    }

    private final Decision decision;
    private final boolean readsRules;
    private final double[] evidenceWeights;
    private final double[] bias;
    private final Map<String, double[]> wordWeights;

    LabelModel(Decision decision, boolean readsRules, double[] evidenceWeights, double[] bias,
               Map<String, double[]> wordWeights) {
        this.decision = decision;
        this.readsRules = readsRules;
        this.evidenceWeights = evidenceWeights.clone();
        this.bias = bias.clone();
        this.wordWeights = new TreeMap<>(wordWeights);
    }

    Decision decision() {
        return decision;
    }

    boolean readsRules() {
        return readsRules;
    }

    /** The best-scoring label. */
    String classify(CauseEvidence evidence) {
        double[] scores = scores(evidence);
        int best = 0;
        for (int label = 1; label < scores.length; label++) {
            if (scores[label] > scores[best]) {
                best = label;
            }
        }
        return decision.labels.get(best);
    }

    private double[] scores(CauseEvidence evidence) {
        double[][] ruleEvidence = readsRules ? ruleEvidence(evidence, decision) : null;
        double[] scores = bias.clone();
        for (Map.Entry<String, Double> word : scaledWords(evidence.words()).entrySet()) {
            double[] weights = wordWeights.get(word.getKey());
            if (weights != null) {
                for (int label = 0; label < scores.length; label++) {
                    scores[label] += weights[label] * word.getValue();
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
            features[label] = new double[] {Math.log1p(cue), labels.get(label).equals(chosen) ? 1 : 0,
                    best > 0 ? cue / best : 0};
        }
        return features;
    }

    /** The words as a vector of length {@link #WORD_SCALE}, so a long text and a short one weigh alike. */
    static Map<String, Double> scaledWords(Map<String, Double> words) {
        double norm = Math.sqrt(words.values().stream().mapToDouble(weight -> weight * weight).sum());
        Map<String, Double> scaled = new TreeMap<>();
        if (norm > 0) {
            words.forEach((word, weight) -> scaled.put(word, WORD_SCALE * weight / norm));
        }
        return scaled;
    }

    /** A model trained on {@code examples}; one whose label is not in the taxonomy is skipped. */
    static LabelModel train(Decision decision, boolean readsRules, List<Example> labelled) {
        List<Example> examples = labelled.stream()
                .filter(example -> example.label() != null && decision.labels.contains(example.label())).toList();
        Map<String, Integer> vocabulary = vocabulary(examples);
        int k = decision.labels.size();
        int n = examples.size();
        int[][] wordIds = new int[n][];
        double[][] wordValues = new double[n][];
        double[][][] ruleEvidence = new double[n][][];
        for (int i = 0; i < n; i++) {
            Map<String, Double> words = scaledWords(examples.get(i).evidence().words());
            List<Integer> ids = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            words.forEach((word, value) -> {
                Integer id = vocabulary.get(word);
                if (id != null) {
                    ids.add(id);
                    values.add(value);
                }
            });
            wordIds[i] = ids.stream().mapToInt(Integer::intValue).toArray();
            wordValues[i] = values.stream().mapToDouble(Double::doubleValue).toArray();
            ruleEvidence[i] = readsRules ? ruleEvidence(examples.get(i).evidence(), decision)
                    : new double[k][EVIDENCE_FEATURES];
        }
        Gradient model = new Gradient(k, vocabulary.size());
        for (int round = 0; round < ROUNDS; round++) {
            model.clear();
            for (int i = 0; i < n; i++) {
                model.add(wordIds[i], wordValues[i], ruleEvidence[i], decision.labels.indexOf(examples.get(i).label()), n);
            }
            model.step();
        }
        Map<String, double[]> wordWeights = new TreeMap<>();
        vocabulary.forEach((word, id) -> {
            double[] weights = new double[k];
            boolean any = false;
            for (int label = 0; label < k; label++) {
                weights[label] = round(model.words[label][id]);
                any |= weights[label] != 0;
            }
            if (any) {
                wordWeights.put(word, weights);
            }
        });
        return new LabelModel(decision, readsRules, round(model.evidence), round(model.bias), wordWeights);
    }

    /** Words that appear in at least {@link #MIN_EXAMPLES_PER_WORD} examples, numbered in word order. */
    private static Map<String, Integer> vocabulary(List<Example> examples) {
        Map<String, Integer> counts = new TreeMap<>();
        examples.forEach(example -> example.evidence().words().keySet().forEach(word -> counts.merge(word, 1, Integer::sum)));
        Map<String, Integer> vocabulary = new TreeMap<>();
        counts.forEach((word, count) -> {
            if (count >= MIN_EXAMPLES_PER_WORD) {
                vocabulary.put(word, vocabulary.size());
            }
        });
        return vocabulary;
    }

    /** The weights being trained with their gradient and AdaGrad's running sums of squared gradients. */
    private static final class Gradient {
        final double[][] words;
        final double[] bias;
        final double[] evidence = new double[EVIDENCE_FEATURES];
        private final double[][] wordGradient;
        private final double[][] wordSquares;
        private final double[] biasGradient;
        private final double[] biasSquares;
        private final double[] evidenceGradient = new double[EVIDENCE_FEATURES];
        private final double[] evidenceSquares = new double[EVIDENCE_FEATURES];

        Gradient(int labels, int vocabulary) {
            words = new double[labels][vocabulary];
            wordGradient = new double[labels][vocabulary];
            wordSquares = new double[labels][vocabulary];
            bias = new double[labels];
            biasGradient = new double[labels];
            biasSquares = new double[labels];
        }

        void clear() {
            for (double[] row : wordGradient) {
                Arrays.fill(row, 0);
            }
            Arrays.fill(biasGradient, 0);
            Arrays.fill(evidenceGradient, 0);
        }

        /** Adds one example's share of the gradient of the mean log loss. */
        void add(int[] ids, double[] values, double[][] ruleEvidence, int label, int examples) {
            int k = bias.length;
            double[] p = new double[k];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                p[c] = bias[c];
                for (int f = 0; f < EVIDENCE_FEATURES; f++) {
                    p[c] += evidence[f] * ruleEvidence[c][f];
                }
                for (int j = 0; j < ids.length; j++) {
                    p[c] += words[c][ids[j]] * values[j];
                }
                max = Math.max(max, p[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                p[c] = Math.exp(p[c] - max);
                sum += p[c];
            }
            for (int c = 0; c < k; c++) {
                double error = (p[c] / sum - (c == label ? 1 : 0)) / examples;
                biasGradient[c] += error;
                for (int f = 0; f < EVIDENCE_FEATURES; f++) {
                    evidenceGradient[f] += error * ruleEvidence[c][f];
                }
                for (int j = 0; j < ids.length; j++) {
                    wordGradient[c][ids[j]] += error * values[j];
                }
            }
        }

        void step() {
            for (int c = 0; c < bias.length; c++) {
                bias[c] -= adaGrad(biasGradient[c] + BIAS_L2 * bias[c], biasSquares, c);
                for (int j = 0; j < words[c].length; j++) {
                    double gradient = wordGradient[c][j] + WORD_L2 * words[c][j];
                    if (gradient != 0) {
                        wordSquares[c][j] += gradient * gradient;
                        words[c][j] -= STEP * gradient / Math.sqrt(wordSquares[c][j]);
                    }
                }
            }
            for (int f = 0; f < EVIDENCE_FEATURES; f++) {
                evidence[f] -= adaGrad(evidenceGradient[f], evidenceSquares, f);
            }
        }

        private static double adaGrad(double gradient, double[] squares, int i) {
            if (gradient == 0) {
                return 0;
            }
            squares[i] += gradient * gradient;
            return STEP * gradient / Math.sqrt(squares[i]);
        }
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

    private static double round(double value) {
        double rounded = Math.round(value * SCALE) / SCALE;
        return rounded == 0 ? 0.0 : rounded;
    }

    private static double[] round(double[] values) {
        return Arrays.stream(values).map(LabelModel::round).toArray();
    }
}
