package dev.closeout.postmortem.evaluation;

import dev.closeout.postmortem.extraction.LabelledRootCause;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The root causes of a labelled folder ({@link LabelledFolder}: each document with its label, in the order of the
 * labels' names) and of a summaries file (one JSON object a line with {@code summary}, {@code component},
 * {@code trigger}), as examples to train or cross-validate the root-cause model on. The labeller's own sentence
 * about a cause ({@code root_cause.summary} of a label, {@code root_cause} of a summary line) is an example too,
 * marked restated.
 */
public final class RootCauseLabels {

    /** Every fifth item (the 5th, 10th, ...) is the corpus's validation part, as the corpus evaluation counts. */
    public static final int VALIDATION_EVERY = 5;
    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private RootCauseLabels() {
    }

    /** Whether the {@code item}th item of a set (from 0) is in the validation part. */
    public static boolean isValidation(int item) {
        return item % VALIDATION_EVERY == VALIDATION_EVERY - 1;
    }

    /**
     * The labelled documents of {@code folder}, numbered in its order.
     *
     * @throws IOException in one line: the folder cannot be read, or a {@link MalformedLabelException} naming the label
     */
    public static List<LabelledRootCause> documents(Path folder) throws IOException {
        List<LabelledRootCause> examples = new ArrayList<>();
        int item = 0;
        for (LabelledDocument document : LabelledFolder.read(folder).documents()) {
            Label.RootCause rootCause = document.readLabel().rootCause();
            examples.add(new LabelledRootCause(item, LabelledRootCause.Kind.DOCUMENT, document.name(), document.text(),
                    false, rootCause.component(), rootCause.trigger()));
            addRestated(examples, item, document.name(), rootCause.summary(), rootCause.component(),
                    rootCause.trigger());
            item++;
        }
        return examples;
    }

    /**
     * The labelled summaries of a JSON-lines file, numbered in its order; blank lines are skipped.
     *
     * @throws IOException in one line: the file does not exist, or a {@link MalformedLabelException} naming the
     *                     file and the line that is not a JSON object
     */
    public static List<LabelledRootCause> summaries(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": " + (Files.exists(file) ? "not a file" : "no such file"));
        }
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
            String summary = string(entry.get("summary"));
            examples.add(new LabelledRootCause(item, LabelledRootCause.Kind.SUMMARY, name,
                    summary == null ? "" : summary, false, component, trigger));
            addRestated(examples, item, name, string(entry.get("root_cause")), component, trigger);
            item++;
        }
        return examples;
    }

    private static void addRestated(List<LabelledRootCause> examples, int item, String name, String sentence,
                                    String component, String trigger) {
        if (sentence != null && !sentence.isBlank()) {
            examples.add(new LabelledRootCause(item, LabelledRootCause.Kind.SUMMARY, name + " (label)", sentence, true,
                    component, trigger));
        }
    }

    private static Map<String, Object> parse(Path file, String line, int number) throws MalformedLabelException {
        Map<String, Object> value;
        try {
            value = JSON.readValue(line, JSON_OBJECT);
        } catch (IOException | RuntimeException e) {
            value = null;
        }
        if (value == null) {
            throw new MalformedLabelException(file, "line " + number + " is not a JSON object");
        }
        return value;
    }

    private static String string(Object value) {
        return value instanceof String text ? text : null;
    }
}
