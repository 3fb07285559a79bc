package dev.closeout.postmortem.extraction;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Scores the engine against the labelled corpus (shared/corpus/dev: NAME.md with NAME.json) and the
 * root-cause summaries (shared/corpus/summaries-dev.jsonl). Actions match when their texts are at least
 * 80% similar; every other field is compared on the matched actions or per document.
 */
final class CorpusEvaluation {

    static final double MATCH_THRESHOLD = 0.8;
    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    private final PostmortemExtractor extractor = new PostmortemExtractor();
    private final JsonMapper json = JsonMapper.createDefault();
    private final List<String> mismatches = new ArrayList<>();

    /** Counts of one measured field. */
    static final class Score {
        int correct;
        int total;

        void add(boolean right) {
            total++;
            correct += right ? 1 : 0;
        }

        double value() {
            return total == 0 ? 1.0 : (double) correct / total;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.3f (%d/%d)", value(), correct, total);
        }
    }

    /** What one run measured. */
    static final class Report {
        int documents;
        int expectedActions;
        int extractedActions;
        int matchedActions;
        final Map<String, Score> fields = new LinkedHashMap<>();
        final List<String> mismatches = new ArrayList<>();

        Score field(String name) {
            return fields.computeIfAbsent(name, key -> new Score());
        }

        double precision() {
            return extractedActions == 0 ? 0 : (double) matchedActions / extractedActions;
        }

        double recall() {
            return expectedActions == 0 ? 0 : (double) matchedActions / expectedActions;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        String render() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "documents %d%n", documents));
            if (expectedActions > 0) {
                out.append(String.format(Locale.ROOT, "expected actions %d, extracted %d, matched %d%n",
                        expectedActions, extractedActions, matchedActions));
                out.append(String.format(Locale.ROOT, "actions    precision %.3f  recall %.3f  F1 %.3f%n",
                        precision(), recall(), f1()));
            }
            fields.forEach((name, score) -> out.append(String.format(Locale.ROOT, "%-18s %s%n", name, score)));
            return out.toString();
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
    }

    Report evaluateDocuments(Path directory) {
        return evaluateDocuments(directory, Part.ALL);
    }

    Report evaluateDocuments(Path directory, Part part) {
        Report report = new Report();
        List<Path> labels;
        try (Stream<Path> files = Files.list(directory)) {
            labels = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> documents = labels.stream().filter(label -> documentOf(label) != null).toList();
        for (int i = 0; i < documents.size(); i++) {
            if (part.holds(i)) {
                evaluateDocument(report, documentOf(documents.get(i)), read(documents.get(i)));
            }
        }
        return report;
    }

    /** Every labelled postmortem in {@code directory}, in the order of their label files' names. */
    static List<Path> documents(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted()
                    .map(CorpusEvaluation::documentOf).filter(Objects::nonNull).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The postmortem a label file describes: NAME.md, or the same name as plain text, HTML or reStructuredText. */
    private static Path documentOf(Path label) {
        String base = label.toString().replaceAll("\\.json$", "");
        return Stream.of(".md", ".markdown", ".txt", ".html", ".htm", ".rst").map(extension -> Path.of(base + extension))
                .filter(Files::exists).findFirst().orElse(null);
    }

    Report evaluateSummaries(Path jsonl) {
        return evaluateSummaries(jsonl, Part.ALL);
    }

    Report evaluateSummaries(Path jsonl, Part part) {
        Report report = new Report();
        RootCauseExtractor classifier = new RootCauseExtractor();
        List<String> entries = readLines(jsonl).stream().filter(line -> !line.isBlank()).toList();
        for (int i = 0; i < entries.size(); i++) {
            if (!part.holds(i)) {
                continue;
            }
            Map<String, Object> entry = parse(entries.get(i));
            RootCause got = classifier.classify((String) entry.get("summary"));
            report.documents++;
            compare(report, "component", entry.get("id") + "", entry.get("component"), got.component());
            compare(report, "trigger", entry.get("id") + "", entry.get("trigger"), got.trigger());
        }
        return report;
    }

    private void evaluateDocument(Report report, Path document, Map<String, Object> expected) {
        String name = document.getFileName().toString();
        Extraction got;
        try {
            got = extractor.extract(TextDecoding.decode(Files.readAllBytes(document)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        report.documents++;
        compare(report, "title", name, normalizeTitle((String) expected.get("title")), normalizeTitle(got.title()));
        compare(report, "service", name, lower((String) expected.get("service")), lower(got.service()));
        Map<String, Object> incident = map(expected.get("incident"));
        compare(report, "start", name, time(incident.get("start")), iso(got.incident().startTime()));
        compare(report, "end", name, time(incident.get("end")), iso(got.incident().endTime()));
        compare(report, "duration", name, number(incident.get("duration_minutes")),
                number(got.incident().durationMinutes()));
        compare(report, "impact", name, number(expected.get("impact_percent")), number(got.impactPercent()));
        Map<String, Object> rootCause = map(expected.get("root_cause"));
        compare(report, "component", name, rootCause.get("component"), got.rootCause().component());
        compare(report, "trigger", name, rootCause.get("trigger"), got.rootCause().trigger());
        compareActions(report, name, list(expected.get("actions")), got.actions());
    }

    private void compareActions(Report report, String name, List<Map<String, Object>> expected,
                                List<ExtractedAction> got) {
        report.expectedActions += expected.size();
        report.extractedActions += got.size();
        record Pair(int expected, int got, double similarity) {
        }
        List<Pair> candidates = new ArrayList<>();
        for (int e = 0; e < expected.size(); e++) {
            for (int g = 0; g < got.size(); g++) {
                double similarity = TextSimilarity.of((String) expected.get(e).get("text"), got.get(g).text());
                if (similarity >= MATCH_THRESHOLD) {
                    candidates.add(new Pair(e, g, similarity));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Pair::similarity).reversed());
        boolean[] expectedUsed = new boolean[expected.size()];
        boolean[] gotUsed = new boolean[got.size()];
        for (Pair pair : candidates) {
            if (expectedUsed[pair.expected()] || gotUsed[pair.got()]) {
                continue;
            }
            expectedUsed[pair.expected()] = true;
            gotUsed[pair.got()] = true;
            report.matchedActions++;
            Map<String, Object> want = expected.get(pair.expected());
            ExtractedAction have = got.get(pair.got());
            String where = name + " action '" + abbreviate(have.text()) + "'";
            compare(report, "action.kind", where, want.get("kind"), have.kind());
            compare(report, "action.group", where, lower((String) want.get("group")), lower(have.group()));
            compare(report, "action.owner", where, lower((String) want.get("owner")), lower(have.owner()));
            compare(report, "action.due", where, want.get("due"), have.due() == null ? null : have.due().toString());
            compare(report, "action.priority", where, lower((String) want.get("priority")), lower(have.priority()));
            compare(report, "action.ticket", where, lower((String) want.get("ticket")), lower(have.ticket()));
        }
        for (int e = 0; e < expected.size(); e++) {
            if (!expectedUsed[e]) {
                report.mismatches.add(name + " MISSED action: " + expected.get(e).get("text"));
            }
        }
        for (int g = 0; g < got.size(); g++) {
            if (!gotUsed[g]) {
                report.mismatches.add(name + " EXTRA action (line " + got.get(g).line() + "): " + got.get(g).text());
            }
        }
    }

    private static void compare(Report report, String field, String where, Object expected, Object got) {
        boolean right = Objects.equals(expected, got);
        report.field(field).add(right);
        if (!right) {
            report.mismatches.add(where + " " + field + ": expected " + expected + ", got " + got);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 50 ? text : text.substring(0, 47) + "...";
    }

    private static String normalizeTitle(String title) {
        return title == null ? null : Markup.strip(title).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT).trim();
    }

    private static String time(Object iso) {
        return iso == null ? null : IncidentTime.parse((String) iso).toIso();
    }

    private static String iso(IncidentTime time) {
        return time == null ? null : time.toIso();
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private Map<String, Object> read(Path file) {
        return parse(String.join("\n", readLines(file)));
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
