package dev.closeout.postmortem.extraction;

import dev.closeout.postmortem.extraction.CorpusEvaluation.Part;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holds the engine's scores on the labelled corpus as a floor: a change that lowers one fails here.
 * Prints the reports of the whole corpus, its tuning part and its validation part (every fifth document or
 * summary, {@link Part}), and the markdown documents' scores beside their HTML renderings' ({@link WikiExport}); with
 * {@code -Dcloseout.eval.verbose=true} also the tuning part's mismatches. Raise the floors
 * when the engine improves (docs/extraction.md has the current numbers). Reads the labelled corpus, which is not
 * in the repository: run by {@code ./mvnw -Peval verify} only.
 */
@Tag("eval")
class CorpusScoreTest {

    // a little below the scores measured on 2026-12-06 on the corpus of 106 labelled documents and 182 summaries
    // (docs/extraction.md), so that only a real regression fails, not a trade-off of one document for a more
    // general rule; title lowered on 2026-12-07 when the five documents that are not markdown (HTML, plain text,
    // reStructuredText) were scored too (111). The corpus grew from 42 documents: these are what the engine does on documents it was not
    // tuned on, and the extraction issue raises them. Component and trigger: the root-cause model is trained on the
    // tuning part, so on the whole corpus they are mostly its training score (a fall there means the model or the rules
    // it reads broke); the validation floors below hold what it does on documents it was not trained on.
    private static final Map<String, Double> DOCUMENT_FLOORS = Map.ofEntries(
            Map.entry("actions.f1", 0.945),
            Map.entry("action.kind", 0.905),
            Map.entry("action.group", 0.94),
            Map.entry("action.owner", 0.97),
            Map.entry("action.due", 0.98),
            Map.entry("action.priority", 0.98),
            Map.entry("action.ticket", 0.98),
            Map.entry("title", 0.92),
            Map.entry("service", 0.48),
            Map.entry("start", 0.85),
            Map.entry("end", 0.88),
            Map.entry("duration", 0.86),
            Map.entry("impact", 0.91),
            Map.entry("component", 0.89),
            Map.entry("trigger", 0.87));
    private static final Map<String, Double> SUMMARY_FLOORS = Map.of(
            "component", 0.89,
            "trigger", 0.89);
    /**
     * The root cause on the validation part, which the model is not trained on and nobody reads (2026-12-07:
     * documents 0.591 / 0.636 of 22, summaries 0.583 / 0.639 of 36): one item is 0.045 and 0.028 there.
     */
    private static final Map<String, Double> DOCUMENT_VALIDATION_FLOORS = Map.of(
            "component", 0.54,
            "trigger", 0.59);
    private static final Map<String, Double> SUMMARY_VALIDATION_FLOORS = Map.of(
            "component", 0.55,
            "trigger", 0.61);

    /** How far below the markdown's score the HTML renderings' may be (issue 13). */
    private static final double HTML_TOLERANCE = 0.03;

    private final CorpusEvaluation evaluation = new CorpusEvaluation();

    @Test
    void devCorpusScoresStayAboveTheirFloors() {
        Path dev = CorpusEvaluation.corpusDirectory().resolve("dev");
        CorpusEvaluation.Report report = evaluation.evaluateDocuments(dev);
        print("dev corpus, all", report, false);
        print("dev corpus, tuning part", evaluation.evaluateDocuments(dev, Part.TUNING), true);
        CorpusEvaluation.Report validation = evaluation.evaluateDocuments(dev, Part.VALIDATION);
        print("dev corpus, validation part (every fifth document)", validation, false);

        assertTrue(report.documents >= 100, "the dev corpus has over 100 labelled documents");
        assertAll(DOCUMENT_FLOORS.entrySet().stream().map(floor -> () -> {
            double score = floor.getKey().equals("actions.f1") ? report.f1() : report.field(floor.getKey()).value();
            assertTrue(score >= floor.getValue(), floor.getKey() + " fell to " + score + " below " + floor.getValue());
        }));
        assertValidationFloors(validation, DOCUMENT_VALIDATION_FLOORS);
    }

    @Test
    void summaryClassificationStaysAboveItsFloors() {
        Path summaries = CorpusEvaluation.corpusDirectory().resolve("summaries-dev.jsonl");
        CorpusEvaluation.Report report = evaluation.evaluateSummaries(summaries);
        print("summaries, all", report, false);
        print("summaries, tuning part", evaluation.evaluateSummaries(summaries, Part.TUNING), true);
        CorpusEvaluation.Report validation = evaluation.evaluateSummaries(summaries, Part.VALIDATION);
        print("summaries, validation part (every fifth)", validation, false);

        assertTrue(report.documents >= 180, "summaries-dev.jsonl has over 180 summaries");
        assertAll(SUMMARY_FLOORS.entrySet().stream().map(floor -> () -> {
            double score = report.field(floor.getKey()).value();
            assertTrue(score >= floor.getValue(), floor.getKey() + " fell to " + score + " below " + floor.getValue());
        }));
        assertValidationFloors(validation, SUMMARY_VALIDATION_FLOORS);
    }

    /** Only the aggregate is asserted: the validation part's mismatches are never printed. */
    private static void assertValidationFloors(CorpusEvaluation.Report validation, Map<String, Double> floors) {
        floors.forEach((field, floor) -> {
            double score = validation.field(field).value();
            assertTrue(score >= floor, field + " on the validation part fell to " + score + " below " + floor);
        });
    }

    /**
     * Wiki exports are how many teams' postmortems arrive: each markdown document rendered to HTML in a wiki's page
     * must score as the markdown does, within {@link #HTML_TOLERANCE}, on actions and on every field.
     */
    @Test
    void htmlRenderingsOfMarkdownScoreAsTheMarkdownDoes() {
        Path dev = CorpusEvaluation.corpusDirectory().resolve("dev");
        CorpusEvaluation.Rendered all = evaluation.evaluateHtmlRenderings(dev, Part.ALL);
        System.out.println("== dev corpus, markdown documents as written and rendered to HTML by a wiki, all");
        System.out.print(all.render());
        CorpusEvaluation.Rendered tuning = evaluation.evaluateHtmlRenderings(dev, Part.TUNING);
        System.out.println("== dev corpus, markdown documents as written and rendered to HTML by a wiki, tuning part");
        System.out.print(tuning.render());
        if (Boolean.getBoolean("closeout.eval.verbose")) {
            tuning.htmlOnlyMismatches().forEach(mismatch -> System.out.println("  html: " + mismatch));
        }
        System.out.println("== dev corpus, markdown documents as written and rendered to HTML by a wiki, validation part");
        System.out.print(evaluation.evaluateHtmlRenderings(dev, Part.VALIDATION).render());

        assertTrue(all.markdown().documents >= 100, "the dev corpus has over 100 labelled markdown documents");
        assertAll(all.measures().stream().filter(measure -> !measure.equals("actions.precision")
                && !measure.equals("actions.recall")).map(measure -> () -> {
            double markdown = all.markdown().measure(measure);
            double html = all.html().measure(measure);
            assertTrue(html >= markdown - HTML_TOLERANCE, measure + " of the HTML renderings is " + html
                    + ", more than " + HTML_TOLERANCE + " below the markdown's " + markdown);
        }));
    }

    /**
     * Prints a report; with {@code -Dcloseout.eval.verbose=true} the tuning part's mismatches too. The validation
     * part's are never printed: it is judged by its scores, not read.
     */
    private static void print(String name, CorpusEvaluation.Report report, boolean mismatches) {
        System.out.println("== " + name);
        System.out.print(report.render());
        if (mismatches && Boolean.getBoolean("closeout.eval.verbose")) {
            report.mismatches.forEach(mismatch -> System.out.println("  " + mismatch));
        }
    }
}
