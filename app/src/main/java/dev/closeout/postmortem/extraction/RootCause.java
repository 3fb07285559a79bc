package dev.closeout.postmortem.extraction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The root cause in a sentence or two, classified by the taxonomy in shared/corpus/LABELING.md. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RootCause(@Nullable String summary, @Nullable String component, @Nullable String trigger) {

    public static RootCause unknown() {
        return new RootCause(null, null, null);
    }
}
