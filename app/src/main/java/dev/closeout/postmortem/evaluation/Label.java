package dev.closeout.postmortem.evaluation;

import dev.closeout.postmortem.extraction.IncidentTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a careful reader extracts from one postmortem: NAME.json beside the document, in the corpus label
 * format (shared/corpus/LABELING.md). Only the scored fields are read; the others (source, format, the root
 * cause's summary) may be there or not. A field left out counts as null, which the engine must then get right.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Label(
        @Nullable String title,
        @Nullable String service,
        @Nullable Incident incident,
        @Nullable Double impactPercent,
        @Nullable RootCause rootCause,
        @Nullable List<Action> actions) {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    public Label {
        incident = incident == null ? new Incident(null, null, null) : incident;
        rootCause = rootCause == null ? new RootCause(null, null, null) : rootCause;
        actions = actions == null ? List.of() : actions;
    }

    /** Start and end as ISO-8601 local date-times, with an offset when the text gives a zone. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Incident(@Nullable String start, @Nullable String end, @Nullable Double durationMinutes) {
    }

    /** The labeller's sentence about the cause ({@code summary}, not scored: a training example) and its classes. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record RootCause(@Nullable String summary, @Nullable String component, @Nullable String trigger) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Action(@Nullable String text, @Nullable String kind, @Nullable String group, @Nullable String owner,
                         @Nullable String due, @Nullable String priority, @Nullable String ticket) {
    }

    /** Reads a label file; a file that is not JSON, not the label's shape or holds an unreadable date is refused. */
    public static Label read(Path file) throws IOException {
        byte[] json = Files.readAllBytes(file);
        Label label;
        try {
            label = JSON.readValue(json, Label.class);
        } catch (IOException | RuntimeException e) {
            throw new MalformedLabelException(file, firstLine(e.getMessage()));
        }
        if (label == null) {
            throw new MalformedLabelException(file, "not a JSON object");
        }
        String problem = label.problem();
        if (problem != null) {
            throw new MalformedLabelException(file, problem);
        }
        return label;
    }

    private @Nullable String problem() {
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i) == null || actions.get(i).text() == null) {
                return "action " + (i + 1) + " has no text";
            }
        }
        String start = timeProblem("incident.start", incident.start());
        return start != null ? start : timeProblem("incident.end", incident.end());
    }

    private static @Nullable String timeProblem(String field, @Nullable String iso) {
        try {
            if (iso != null) {
                IncidentTime.parse(iso);
            }
            return null;
        } catch (IllegalArgumentException e) {
            return field + ": " + e.getMessage();
        }
    }

    private static String firstLine(@Nullable String message) {
        if (message == null || message.isBlank()) {
            return "not JSON in the label format";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
