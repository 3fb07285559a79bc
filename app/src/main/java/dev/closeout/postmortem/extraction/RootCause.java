package dev.closeout.postmortem.extraction;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The root cause in a sentence or two, classified by the taxonomy in shared/corpus/LABELING.md. */
// every field of the label schema is written, null or not, so consumers see one shape
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record RootCause(@Nullable String summary, @Nullable String component, @Nullable String trigger) {

    public static RootCause unknown() {
        return new RootCause(null, null, null);
    }
}
