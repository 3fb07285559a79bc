package dev.closeout.postmortem.extraction;

import dev.closeout.postmortem.evaluation.Evaluation;
import dev.closeout.postmortem.evaluation.FieldScore;
import dev.closeout.postmortem.evaluation.Label;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

        /** A field's score, or "actions.precision", "actions.recall", "actions.f1". */
        double measure(String name) {
            return switch (name) {
                case "actions.precision" -> score.precision();
                case "actions.recall" -> score.recall();
                case "actions.f1" -> score.f1();
                default -> score.field(name).value();
            };
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

    /**
     * The markdown documents of the part, each as written and as a wiki exports it ({@link WikiExport}), so the
     * engine's HTML reading is measured against its markdown reading on the same texts and labels.
     */
    Rendered evaluateHtmlRenderings(Path directory, Part part) {
        PostmortemExtractor extractor = new PostmortemExtractor();
        Score markdown = new Score();
        Score html = new Score();
        try {
            for (LabelledDocument document : part.of(labelledDocuments(directory))) {
                String name = document.name();
                if (!name.endsWith(".md") && !name.endsWith(".markdown")) {
                    continue;
                }
                Label label = document.readLabel();
                String text = document.text();
                markdown.add(name, label, extractor.extract(text));
                html.add(name, label, extractor.extract(WikiExport.of(text)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendered(new Report(markdown), new Report(html));
    }

    /** The same documents' scores as written in markdown and as rendered to HTML. */
    record Rendered(Report markdown, Report html) {

        /** The measures side by side, with the HTML score's difference from the markdown one. */
        String render() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "documents %d%n", markdown.documents));
            out.append(String.format(Locale.ROOT, "%-18s %8s %8s %8s%n", "", "markdown", "html", "diff"));
            measures().forEach(measure -> out.append(String.format(Locale.ROOT, "%-18s %8.3f %8.3f %+8.3f%n", measure,
                    markdown.measure(measure), html.measure(measure),
                    html.measure(measure) - markdown.measure(measure))));
            return out.toString();
        }

        List<String> measures() {
            List<String> measures = new ArrayList<>(List.of("actions.precision", "actions.recall", "actions.f1"));
            measures.addAll(markdown.score.fields().keySet());
            return measures;
        }

        /** The mismatches of the HTML rendering that the markdown text does not have. */
        List<String> htmlOnlyMismatches() {
            Set<String> markdownMismatches = new HashSet<>(withoutLines(markdown.mismatches));
            return html.mismatches.stream().filter(m -> !markdownMismatches.contains(withoutLine(m))).toList();
        }

        private static List<String> withoutLines(List<String> mismatches) {
            return mismatches.stream().map(Rendered::withoutLine).toList();
        }

        // an extra action's line differs between the two renderings of the same document
        private static String withoutLine(String mismatch) {
            return mismatch.replaceFirst(" EXTRA action \\(line \\d+\\)", " EXTRA action");
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
