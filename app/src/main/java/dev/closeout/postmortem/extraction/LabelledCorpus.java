package dev.closeout.postmortem.extraction;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the root-cause labels of a labelled folder in the corpus format (shared/corpus/LABELING.md): each
 * {@code NAME.json} beside its postmortem ({@code NAME.md}, or the same name as plain text, HTML or
 * reStructuredText), in the order of the label files' names, and optionally a summaries file (one JSON object a
 * line with {@code summary}, {@code component}, {@code trigger}). The labeller's own sentence about a cause
 * ({@code root_cause.summary} of a label, {@code root_cause} of a summary line) is read too, as a restated example.
 */
public final class LabelledCorpus {

    /** Every fifth item (the 5th, 10th, ...) is the corpus's validation part, as the corpus evaluation counts. */
    public static final int VALIDATION_EVERY = 5;
    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);
    private static final List<String> DOCUMENT_EXTENSIONS = List.of(".md", ".markdown", ".txt", ".html", ".htm", ".rst");

    private final JsonMapper json = JsonMapper.createDefault();

    /** Whether the {@code item}th item of a set (from 0) is in the validation part. */
    public static boolean isValidation(int item) {
        return item % VALIDATION_EVERY == VALIDATION_EVERY - 1;
    }

    /**
     * The labelled documents of {@code folder}; a label file without its postmortem is skipped.
     *
     * @throws IOException naming the file that cannot be read or is not a label
     */
    public List<LabelledRootCause> documents(Path folder) throws IOException {
        List<Path> labels;
        try (Stream<Path> files = Files.list(folder)) {
            labels = files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        List<LabelledRootCause> examples = new ArrayList<>();
        int item = 0;
        for (Path label : labels) {
            Path document = documentOf(label);
            if (document == null) {
                continue;
            }
            Map<String, Object> rootCause = object(parse(label, Files.readString(label, StandardCharsets.UTF_8))
                    .get("root_cause"), label);
            String component = string(rootCause.get("component"));
            String trigger = string(rootCause.get("trigger"));
            String name = document.getFileName().toString();
            examples.add(new LabelledRootCause(item, LabelledRootCause.Kind.DOCUMENT, name,
                    TextDecoding.decode(Files.readAllBytes(document)), false, component, trigger));
            addRestated(examples, item, name, rootCause.get("summary"), component, trigger);
            item++;
        }
        return examples;
    }

    /**
     * The labelled summaries of a JSON-lines file, blank lines skipped.
     *
     * @throws IOException naming the file and line that cannot be read
     */
    public List<LabelledRootCause> summaries(Path file) throws IOException {
        List<LabelledRootCause> examples = new ArrayList<>();
        int item = 0;
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> entry = parse(file, line, number);
            String name = entry.get("id") == null ? file.getFileName() + ":" + number : entry.get("id").toString();
            String component = string(entry.get("component"));
            String trigger = string(entry.get("trigger"));
            examples.add(new LabelledRootCause(item, LabelledRootCause.Kind.SUMMARY, name,
                    string(entry.get("summary")) == null ? "" : string(entry.get("summary")), false, component, trigger));
            addRestated(examples, item, name, entry.get("root_cause"), component, trigger);
            item++;
        }
        return examples;
    }

    private static void addRestated(List<LabelledRootCause> examples, int item, String name, Object sentence,
                                    String component, String trigger) {
        if (sentence instanceof String text && !text.isBlank()) {
            examples.add(new LabelledRootCause(item, LabelledRootCause.Kind.SUMMARY, name + " (label)", text, true,
                    component, trigger));
        }
    }

    private static Path documentOf(Path label) {
        String base = label.toString().substring(0, label.toString().length() - ".json".length());
        return DOCUMENT_EXTENSIONS.stream().map(extension -> Path.of(base + extension)).filter(Files::isRegularFile)
                .findFirst().orElse(null);
    }

    private Map<String, Object> parse(Path file, String text) throws IOException {
        return parse(file, text, 0);
    }

    private Map<String, Object> parse(Path file, String text, int line) throws IOException {
        try {
            Map<String, Object> value = json.readValue(text, JSON_OBJECT);
            if (value == null) {
                throw new IOException("empty");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + (line > 0 ? " line " + line : "") + ": not a JSON object", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, Path file) throws IOException {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw new IOException(file + ": root_cause is not an object");
        }
        return (Map<String, Object>) value;
    }

    private static String string(Object value) {
        return value instanceof String text ? text : null;
    }
}
