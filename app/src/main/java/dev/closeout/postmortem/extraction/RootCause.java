package dev.closeout.postmortem.extraction;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** The root cause in a sentence or two, classified by the taxonomy in shared/corpus/LABELING.md. */
// every field of the label schema is written, null or not, so consumers see one shape
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record RootCause(@Nullable String summary, @Nullable String component, @Nullable String trigger) {

    public static RootCause unknown() {
        return new RootCause(null, null, null);
    }

    /** Every component class of the taxonomy, the values {@link #component()} takes. */
    public static List<String> components() {
        return Taxonomy.COMPONENTS;
    }

    /** Every trigger class of the taxonomy, the values {@link #trigger()} takes. */
    public static List<String> triggers() {
        return Taxonomy.TRIGGERS;
    }
}
