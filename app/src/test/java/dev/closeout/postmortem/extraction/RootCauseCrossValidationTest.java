package dev.closeout.postmortem.extraction;

import dev.closeout.postmortem.evaluation.RootCauseLabels;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Five-fold cross-validation of the root-cause classification on the corpus's tuning part (the validation part,
 * every fifth document and summary, is never read here): the rules alone, a model of the words alone, and the
 * model of the words and the rules' evidence that the engine ships. Each fold's model is trained on the other
 * four fifths of the tuning documents and summaries, with the labellers' restated sentences, and scored on its
 * fifth. Prints the table docs/extraction.md shows. The rules were tuned on these documents, so their score here
 * is optimistic; the models' are not.
 */
@Tag("eval")
class RootCauseCrossValidationTest {

    private static final int FOLDS = 5;

    private record Scores(double documentComponent, double documentTrigger, double summaryComponent,
                          double summaryTrigger) {

        double mean() {
            return (documentComponent + documentTrigger + summaryComponent + summaryTrigger) / 4;
        }

        String row(String name) {
            return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |", name, documentComponent,
                    documentTrigger, summaryComponent, summaryTrigger);
        }
    }

    @Test
    void theShippedCombinationGeneralisesAtLeastAsWellAsTheRules() throws IOException {
        List<LabelledRootCause> tuning = tuningPart();

        Scores rules = crossValidate(tuning, null);
        Scores words = crossValidate(tuning, false);
        Scores combined = crossValidate(tuning, true);

        System.out.println("== root cause, 5-fold cross-validation on the tuning part");
        System.out.println("| approach | documents: component | trigger | summaries: component | trigger |");
        System.out.println(rules.row("rules"));
        System.out.println(words.row("words alone (logistic regression)"));
        System.out.println(combined.row("words and the rules' evidence (shipped)"));
        assertTrue(combined.mean() >= rules.mean() - 0.01, "the model fell behind the rules: " + combined + " " + rules);
        assertTrue(combined.mean() > words.mean(), "the rules' evidence no longer helps: " + combined + " " + words);
    }

    private static List<LabelledRootCause> tuningPart() throws IOException {
        Path corpus = CorpusEvaluation.corpusDirectory();
        List<LabelledRootCause> all = new ArrayList<>(RootCauseLabels.documents(corpus.resolve("dev")));
        all.addAll(RootCauseLabels.summaries(corpus.resolve("summaries-dev.jsonl")));
        return all.stream().filter(example -> !RootCauseLabels.isValidation(example.item())).toList();
    }

    /** The fold of an item: tuning items numbered in order within their set, dealt round the folds. */
    private static int fold(LabelledRootCause example) {
        int tuningIndex = example.item() - example.item() / RootCauseLabels.VALIDATION_EVERY;
        return tuningIndex % FOLDS;
    }

    /** {@code readsRules} null scores the rules alone. */
    private static Scores crossValidate(List<LabelledRootCause> tuning, Boolean readsRules) {
        Map<String, int[]> right = new TreeMap<>();
        DocumentReader reader = new DocumentReader();
        for (int fold = 0; fold < FOLDS; fold++) {
            int held = fold;
            RootCauseModel model = readsRules == null ? null : RootCauseModel.train(
                    tuning.stream().filter(example -> fold(example) != held).toList(), readsRules);
            RootCauseExtractor extractor = new RootCauseExtractor(model);
            for (LabelledRootCause example : tuning) {
                if (fold(example) != held || example.restated()) {
                    continue;
                }
                RootCause got;
                if (example.kind() == LabelledRootCause.Kind.DOCUMENT) {
                    TextCache.startDocument();
                    got = extractor.extract(reader.read(example.text()));
                } else {
                    got = extractor.classify(example.text());
                }
                int[] counts = right.computeIfAbsent(example.kind().name(), kind -> new int[3]);
                counts[0] += java.util.Objects.equals(example.component(), got.component()) ? 1 : 0;
                counts[1] += java.util.Objects.equals(example.trigger(), got.trigger()) ? 1 : 0;
                counts[2]++;
            }
        }
        int[] documents = right.get(LabelledRootCause.Kind.DOCUMENT.name());
        int[] summaries = right.get(LabelledRootCause.Kind.SUMMARY.name());
        return new Scores((double) documents[0] / documents[2], (double) documents[1] / documents[2],
                (double) summaries[0] / summaries[2], (double) summaries[1] / summaries[2]);
    }
}
