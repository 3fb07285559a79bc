package dev.closeout.postmortem.extraction;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holds the engine's scores on the labelled corpus as a floor: a change that lowers one fails here.
 * Prints the full report; with {@code -Dcloseout.eval.verbose=true} also every mismatch. Raise the floors
 * when the engine improves (docs/extraction.md has the current numbers). Reads the labelled corpus, which is not
 * in the repository: run by {@code ./mvnw -Peval verify} only.
 */
@Tag("eval")
class CorpusScoreTest {

    // a little below the scores measured on 2026-12-06 on the corpus of 106 labelled documents and 182 summaries
    // (docs/extraction.md), so that only a real regression fails, not a trade-off of one document for a more
    // general rule. The corpus grew from 42 documents: these are what the engine does on documents it was not
    // tuned on, and the extraction issue raises them.
    private static final Map<String, Double> DOCUMENT_FLOORS = Map.ofEntries(
            Map.entry("actions.f1", 0.86),
            Map.entry("action.kind", 0.90),
            Map.entry("action.group", 0.93),
            Map.entry("action.owner", 0.96),
            Map.entry("action.due", 0.98),
            Map.entry("action.priority", 0.98),
            Map.entry("action.ticket", 0.96),
            Map.entry("title", 0.88),
            Map.entry("service", 0.48),
            Map.entry("start", 0.76),
            Map.entry("end", 0.79),
            Map.entry("duration", 0.76),
            Map.entry("impact", 0.91),
            Map.entry("component", 0.65),
            Map.entry("trigger", 0.69));
    private static final Map<String, Double> SUMMARY_FLOORS = Map.of(
            "component", 0.63,
            "trigger", 0.60);

    private final CorpusEvaluation evaluation = new CorpusEvaluation();

    @Test
    void devCorpusScoresStayAboveTheirFloors() {
        CorpusEvaluation.Report report = evaluation.evaluateDocuments(CorpusEvaluation.corpusDirectory().resolve("dev"));
        print("dev corpus", report);

        assertTrue(report.documents >= 100, "the dev corpus has over 100 labelled documents");
        assertAll(DOCUMENT_FLOORS.entrySet().stream().map(floor -> () -> {
            double score = floor.getKey().equals("actions.f1") ? report.f1() : report.field(floor.getKey()).value();
            assertTrue(score >= floor.getValue(), floor.getKey() + " fell to " + score + " below " + floor.getValue());
        }));
    }

    @Test
    void summaryClassificationStaysAboveItsFloors() {
        CorpusEvaluation.Report report =
                evaluation.evaluateSummaries(CorpusEvaluation.corpusDirectory().resolve("summaries-dev.jsonl"));
        print("summaries", report);

        assertTrue(report.documents >= 180, "summaries-dev.jsonl has over 180 summaries");
        assertAll(SUMMARY_FLOORS.entrySet().stream().map(floor -> () -> {
            double score = report.field(floor.getKey()).value();
            assertTrue(score >= floor.getValue(), floor.getKey() + " fell to " + score + " below " + floor.getValue());
        }));
    }

    private static void print(String name, CorpusEvaluation.Report report) {
        System.out.println("== " + name);
        System.out.print(report.render());
        if (Boolean.getBoolean("closeout.eval.verbose")) {
            report.mismatches.forEach(mismatch -> System.out.println("  " + mismatch));
        }
    }
}
