package dev.closeout.postmortem.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trains a {@link LabelModel}: full-batch gradient descent on the mean log loss, with AdaGrad steps and L2 on the
 * word weights and biases (not on the three shared rule-evidence weights), for a fixed number of rounds over the
 * examples in their given order. Nothing is random, so the same examples give the same model on any machine.
 */
final class LabelModelTraining {

    /** A word must appear in this many training examples to get weights: rarer ones are names, not causes. */
    static final int MIN_EXAMPLES_PER_WORD = 2;
    static final int ROUNDS = 300;
    static final double STEP = 0.1;
    static final double WORD_L2 = 0.001;
    static final double BIAS_L2 = 0.01;

    /** One labelled example: the evidence and its label. */
    record Example(CauseEvidence evidence, String label) {
    }

    private LabelModelTraining() {
    }

    /** A model trained on {@code examples}; one whose label is not in the taxonomy is skipped. */
    static LabelModel train(LabelModel.Decision decision, boolean readsRules, List<Example> labelled) {
        List<Example> examples = labelled.stream()
                .filter(example -> example.label() != null && decision.labels.contains(example.label())).toList();
        Map<String, Integer> vocabulary = vocabulary(examples);
        int k = decision.labels.size();
        int n = examples.size();
        int[][] wordIds = new int[n][];
        double[][] wordValues = new double[n][];
        double[][][] ruleEvidence = new double[n][][];
        for (int i = 0; i < n; i++) {
            Map<String, Double> words = LabelModel.scaledWords(examples.get(i).evidence().words());
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
            ruleEvidence[i] = readsRules ? LabelModel.ruleEvidence(examples.get(i).evidence(), decision)
                    : new double[k][LabelModel.EVIDENCE_FEATURES];
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
                weights[label] = LabelModel.round(model.words[label][id]);
                any |= weights[label] != 0;
            }
            if (any) {
                wordWeights.put(word, weights);
            }
        });
        return new LabelModel(decision, readsRules, LabelModel.round(model.evidence), LabelModel.round(model.bias),
                wordWeights);
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
        final double[] evidence = new double[LabelModel.EVIDENCE_FEATURES];
        private final double[][] wordGradient;
        private final double[][] wordSquares;
        private final double[] biasGradient;
        private final double[] biasSquares;
        private final double[] evidenceGradient = new double[LabelModel.EVIDENCE_FEATURES];
        private final double[] evidenceSquares = new double[LabelModel.EVIDENCE_FEATURES];

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
                for (int f = 0; f < LabelModel.EVIDENCE_FEATURES; f++) {
                    p[c] += evidence[f] * ruleEvidence[c][f];
                }
                for (int j = 0; j < ids.length; j++) {
                    p[c] += words[c][ids[j]] * values[j];
                }
                max = Math.max(max, p[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                // StrictMath: the same bits on every JVM and CPU, so the same model file
                p[c] = StrictMath.exp(p[c] - max);
                sum += p[c];
            }
            for (int c = 0; c < k; c++) {
                double error = (p[c] / sum - (c == label ? 1 : 0)) / examples;
                biasGradient[c] += error;
                for (int f = 0; f < LabelModel.EVIDENCE_FEATURES; f++) {
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
            for (int f = 0; f < LabelModel.EVIDENCE_FEATURES; f++) {
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
}
