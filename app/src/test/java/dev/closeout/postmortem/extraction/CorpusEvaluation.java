package dev.closeout.postmortem.extraction;

import dev.closeout.postmortem.evaluation.Evaluation;
import dev.closeout.postmortem.evaluation.FieldScore;
import dev.closeout.postmortem.evaluation.LabelledDocument;
import dev.closeout.postmortem.evaluation.LabelledFolder;
import dev.closeout.postmortem.evaluation.Score;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Scores the engine against the labelled corpus (shared/corpus/dev: NAME.md with NAME.json) and the
 * root-cause summaries (shared/corpus/summaries-dev.jsonl) with the scoring users run as {@code closeout eval}
 * ({@link dev.closeout.postmortem.evaluation}), split into the tuning and validation parts.
 */
final class CorpusEvaluation {

    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    private final Evaluation evaluation = new Evaluation();
    private final JsonMapper json = JsonMapper.createDefault();

    /** What one run measured, under the names the eval tests read. */
    static final class Report {
        final int documents;
        final List<String> mismatches;
        private final Score score;

        Report(Score score) {
            this.score = score;
            this.documents = score.documents();
            this.mismatches = score.mismatches();
        }

        FieldScore field(String name) {
            return score.field(name);
        }

        double f1() {
            return score.f1();
        }

        String render() {
            return score.render();
        }
    }

    /**
     * The labelled corpus, which is not in the repository: {@code CLOSEOUT_CORPUS_DIR}, else the folder the
     * build names ({@code closeout.corpus.dir}: shared/corpus beside the clone). Only the {@code eval} tests
     * ({@code ./mvnw -Peval verify}) read it; that profile stops the build first when it is missing.
     */
    static Path corpusDirectory() {
        String configured = System.getenv("CLOSEOUT_CORPUS_DIR");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("closeout.corpus.dir", "");
        }
        Path corpus = Path.of(configured).toAbsolutePath().normalize();
        if (configured.isBlank() || !Files.isDirectory(corpus.resolve("dev"))) {
            throw new IllegalStateException("no labelled corpus at '" + configured + "': set CLOSEOUT_CORPUS_DIR "
                    + "to the folder holding dev/ and summaries-dev.jsonl (or put it at shared/corpus beside the clone)");
        }
        return corpus;
    }

    /**
     * Which part of a labelled set to score. The validation part is every fifth document in the order of their
     * names (the 5th, 10th, ...) and every fifth summary in the file's order: it is not read while rules are
     * changed, and a change is judged by its score there, as the held-out set will judge it. The tuning part
     * is the rest; its mismatches are the ones to read.
     */
    enum Part {
        ALL, TUNING, VALIDATION;

        boolean holds(int index) {
            boolean validation = index % 5 == 4;
            return this == ALL || (this == VALIDATION) == validation;
        }

        <T> List<T> of(List<T> items) {
            return IntStream.range(0, items.size()).filter(this::holds).mapToObj(items::get).toList();
        }
    }

    Report evaluateDocuments(Path directory) {
        return evaluateDocuments(directory, Part.ALL);
    }

    Report evaluateDocuments(Path directory, Part part) {
        try {
            return new Report(evaluation.score(part.of(labelledDocuments(directory))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<LabelledDocument> labelledDocuments(Path directory) throws IOException {
        return LabelledFolder.read(directory).documents();
    }

    Report evaluateSummaries(Path jsonl) {
        return evaluateSummaries(jsonl, Part.ALL);
    }

    Report evaluateSummaries(Path jsonl, Part part) {
        Score score = new Score();
        RootCauseExtractor classifier = new RootCauseExtractor();
        for (String line : part.of(readLines(jsonl).stream().filter(line -> !line.isBlank()).toList())) {
            Map<String, Object> entry = parse(line);
            score.addSummary(entry.get("id") + "", (String) entry.get("component"), (String) entry.get("trigger"),
                    classifier.classify((String) entry.get("summary")));
        }
        return new Report(score);
    }

    private Map<String, Object> parse(String text) {
        try {
            return json.readValue(text, JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
