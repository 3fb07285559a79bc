package dev.closeout.postmortem.extraction;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * What the engine read from one postmortem: the incident's facts and its follow-up actions, in the
 * shape of the corpus labels (shared/corpus/LABELING.md). {@code mediaType} is how the text was read:
 * markdown, text or html.
 */
// every field of the label schema is written, null or not, so consumers see one shape
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record Extraction(
        @Nullable String title,
        @Nullable String service,
        String mediaType,
        Incident incident,
        @Nullable Double impactPercent,
        RootCause rootCause,
        List<ExtractedAction> actions) {

    public Extraction {
        actions = List.copyOf(actions);
    }
}
