package dev.closeout.postmortem.extraction;

import dev.closeout.postmortem.evaluation.ActionMatch;
import dev.closeout.postmortem.evaluation.Label;
import dev.closeout.postmortem.evaluation.LabelledDocument;
import dev.closeout.postmortem.evaluation.LabelledFolder;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whether a trained model decides action kind better than {@link ActionKind}'s rules: five-fold cross-validation on
 * the corpus's tuning part, folds dealt by document (a document's actions share a heading and a writer, so they are
 * not independent), over the extracted actions that match a labelled one as the evaluation matches them. The model
 * is the root-cause model's kind (docs/extraction.md, "Root-cause model"), for two classes: logistic regression over
 * the action's stems and its group's (weighted {@link #GROUP_WEIGHT}, kept apart from the action's), plus the rules'
 * evidence: their answer, what the wording alone says (the rules without the group), whether the group changed that,
 * whether a type column decided. It scored no better than the rules (docs/extraction.md, "Action kind: a trained
 * model"), so the engine keeps the rules; this test prints the table and fails if a model ever clearly wins.
 * The validation part's aggregate is printed too (the model trained on the whole tuning part), never its items.
 */
@Tag("eval")
class ActionKindCrossValidationTest {

    private static final int FOLDS = 5;
    static final double GROUP_WEIGHT = 0.5;
    /** The root-cause model's margin ({@link LabelModel#OVERRIDE_MARGIN}), on the same probability scale. */
    private static final double MARGIN = LabelModel.OVERRIDE_MARGIN;

    /** One matched action: its document (within its part), text, group, the rules' evidence and its label. */
    record Example(int document, String text, String group, List<String> evidence, boolean rulesCorrective,
                   boolean corrective) {
    }

    private record Approach(String name, Function<List<Example>, Function<Example, Boolean>> fit) {
    }

    @Test
    void noTrainedModelDecidesKindClearlyBetterThanTheRules() throws IOException {
        List<LabelledDocument> all = LabelledFolder.read(CorpusEvaluation.corpusDirectory().resolve("dev")).documents();
        List<Example> tuning = examples(CorpusEvaluation.Part.TUNING.of(all));
        List<Example> validation = examples(CorpusEvaluation.Part.VALIDATION.of(all));
        List<Approach> approaches = List.of(
                new Approach("rules (`ActionKind`)", train -> Example::rulesCorrective),
                new Approach("words alone (logistic regression)", train -> Logistic.train(train, false)::corrective),
                new Approach("words and the rules' evidence", train -> Logistic.train(train, true)::corrective),
                new Approach("the same, overruling the rules only when " + MARGIN + " surer",
                        train -> Logistic.train(train, true)::withMargin));

        System.out.println("== action kind, 5-fold cross-validation on the tuning part (" + tuning.size()
                + " matched actions), and the validation part's aggregate");
        System.out.println("| approach | cross-validated | per fold | validation |");
        int[] rulesRight = null;
        int bestModel = 0;
        for (Approach approach : approaches) {
            int[] perFold = new int[FOLDS];
            int[] perFoldCount = new int[FOLDS];
            for (int fold = 0; fold < FOLDS; fold++) {
                int held = fold;
                Function<Example, Boolean> decide = approach.fit().apply(
                        tuning.stream().filter(example -> example.document() % FOLDS != held).toList());
                for (Example example : tuning) {
                    if (example.document() % FOLDS == held) {
                        perFoldCount[fold]++;
                        perFold[fold] += decide.apply(example) == example.corrective() ? 1 : 0;
                    }
                }
            }
            Function<Example, Boolean> decide = approach.fit().apply(tuning);
            long validationRight = validation.stream().filter(example -> decide.apply(example) == example.corrective())
                    .count();
            int right = Arrays.stream(perFold).sum();
            StringBuilder folds = new StringBuilder();
            for (int fold = 0; fold < FOLDS; fold++) {
                folds.append(fold == 0 ? "" : ", ").append(perFold[fold]).append('/').append(perFoldCount[fold]);
            }
            System.out.printf(Locale.ROOT, "| %s | %.3f (%d/%d) | %s | %.3f (%d/%d) |%n", approach.name(),
                    (double) right / tuning.size(), right, tuning.size(), folds,
                    (double) validationRight / validation.size(), validationRight, validation.size());
            if (rulesRight == null) {
                rulesRight = perFold;
            } else {
                bestModel = Math.max(bestModel, right);
            }
        }
        int rules = Arrays.stream(rulesRight).sum();
        // "clearly": more than 1% of the tuning part's matched actions, as the rules are fitted to these documents
        assertTrue(bestModel <= rules + tuning.size() / 100, "a kind model now beats the rules in cross-validation ("
                + bestModel + " against " + rules + " of " + tuning.size() + "): consider shipping it");
    }

    /** The part's extracted actions that match a labelled one with a kind, with the rules' evidence. */
    private static List<Example> examples(List<LabelledDocument> documents) throws IOException {
        PostmortemExtractor extractor = new PostmortemExtractor();
        List<Example> examples = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            LabelledDocument document = documents.get(d);
            List<Label.Action> want = document.readLabel().actions();
            List<ExtractedAction> got = extractor.extract(document.text()).actions();
            for (ActionMatch pair : ActionMatch.pair(want.stream().map(Label.Action::text).toList(),
                    got.stream().map(ExtractedAction::text).toList())) {
                String kind = want.get(pair.expected()).kind();
                if (kind != null) {
                    ExtractedAction have = got.get(pair.extracted());
                    examples.add(new Example(d, have.text(), have.group(), evidence(have),
                            ActionKind.CORRECTIVE.equals(have.kind()), ActionKind.CORRECTIVE.equals(kind)));
                }
            }
        }
        return examples;
    }

    /**
     * Which way each of the rules' steps points, read from outside: the answer, the wording's alone (no group, no
     * type column), whether the group changed the wording's answer, whether a type column changed the group's.
     */
    private static List<String> evidence(ExtractedAction action) {
        String wording = ActionKind.of(action.text(), null, null);
        String withGroup = ActionKind.of(action.text(), action.group(), null);
        List<String> evidence = new ArrayList<>(List.of("answer=" + action.kind(), "wording=" + wording));
        if (!withGroup.equals(wording)) {
            evidence.add("group=" + withGroup);
        }
        if (!action.kind().equals(withGroup)) {
            evidence.add("type=" + action.kind());
        }
        return evidence;
    }

    /**
     * Two-class logistic regression trained as {@link LabelModelTraining} trains the root-cause model (AdaGrad steps
     * of 0.1, 300 full-batch rounds, L2 0.001 on words and 0.01 on the bias, words seen in two examples or more, the
     * words' vector scaled to {@link LabelModel#WORD_SCALE}). Not {@link LabelModel} itself: that one is bound to the
     * root-cause taxonomy and its cue scores, and it was not worth reshaping for a model that is not shipped.
     */
    private static final class Logistic {
        private final Map<String, Double> weights;
        private final double bias;
        private final boolean readsRules;

        private Logistic(Map<String, Double> weights, double bias, boolean readsRules) {
            this.weights = weights;
            this.bias = bias;
            this.readsRules = readsRules;
        }

        static Map<String, Double> features(Example example, boolean readsRules) {
            Map<String, Double> words = new TreeMap<>();
            if (example.group() != null) {
                CauseWords.stems(example.group()).forEach(stem -> words.merge("group:" + stem, GROUP_WEIGHT, Math::max));
            }
            CauseWords.stems(example.text()).forEach(stem -> words.merge(stem, 1.0, Math::max));
            Map<String, Double> features = new TreeMap<>(LabelModel.scaledWords(words));
            if (readsRules) {
                example.evidence().forEach(rule -> features.put("rules:" + rule, 1.0));
            }
            return features;
        }

        double probability(Example example) {
            double z = bias;
            for (Map.Entry<String, Double> feature : features(example, readsRules).entrySet()) {
                z += weights.getOrDefault(feature.getKey(), 0.0) * feature.getValue();
            }
            return 1 / (1 + StrictMath.exp(-z));
        }

        boolean corrective(Example example) {
            return probability(example) >= 0.5;
        }

        /** The rules' answer unless the model's is at least {@link #MARGIN} more probable. */
        boolean withMargin(Example example) {
            double p = probability(example);
            boolean model = p >= 0.5;
            return model != example.rulesCorrective() && Math.abs(2 * p - 1) < MARGIN ? example.rulesCorrective()
                    : model;
        }

        static Logistic train(List<Example> examples, boolean readsRules) {
            List<Map<String, Double>> xs = examples.stream().map(example -> features(example, readsRules)).toList();
            Map<String, Integer> counts = new TreeMap<>();
            xs.forEach(x -> x.keySet().forEach(feature -> counts.merge(feature, 1, Integer::sum)));
            List<String> names = counts.entrySet().stream()
                    .filter(c -> c.getValue() >= LabelModelTraining.MIN_EXAMPLES_PER_WORD || c.getKey().startsWith("rules:"))
                    .map(Map.Entry::getKey).toList();
            Map<String, Integer> ids = new TreeMap<>();
            names.forEach(name -> ids.put(name, ids.size()));
            int n = xs.size();
            double[] w = new double[names.size()];
            double[] squares = new double[names.size()];
            double b = 0;
            double biasSquares = 0;
            for (int round = 0; round < LabelModelTraining.ROUNDS; round++) {
                double[] gradient = new double[w.length];
                double biasGradient = 0;
                for (int i = 0; i < n; i++) {
                    double z = b;
                    for (Map.Entry<String, Double> feature : xs.get(i).entrySet()) {
                        Integer j = ids.get(feature.getKey());
                        z += j == null ? 0 : w[j] * feature.getValue();
                    }
                    double error = (1 / (1 + StrictMath.exp(-z)) - (examples.get(i).corrective() ? 1 : 0)) / n;
                    biasGradient += error;
                    for (Map.Entry<String, Double> feature : xs.get(i).entrySet()) {
                        Integer j = ids.get(feature.getKey());
                        if (j != null) {
                            gradient[j] += error * feature.getValue();
                        }
                    }
                }
                biasGradient += LabelModelTraining.BIAS_L2 * b;
                if (biasGradient != 0) {
                    biasSquares += biasGradient * biasGradient;
                    b -= LabelModelTraining.STEP * biasGradient / Math.sqrt(biasSquares);
                }
                for (int j = 0; j < w.length; j++) {
                    // as for the root-cause model's shared evidence weights, no L2 on the rules' evidence
                    double g = gradient[j] + (names.get(j).startsWith("rules:") ? 0 : LabelModelTraining.WORD_L2 * w[j]);
                    if (g != 0) {
                        squares[j] += g * g;
                        w[j] -= LabelModelTraining.STEP * g / Math.sqrt(squares[j]);
                    }
                }
            }
            Map<String, Double> weights = new TreeMap<>();
            for (int j = 0; j < w.length; j++) {
                weights.put(names.get(j), w[j]);
            }
            return new Logistic(weights, b, readsRules);
        }
    }
}
