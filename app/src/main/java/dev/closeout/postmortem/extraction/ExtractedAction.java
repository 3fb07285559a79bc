package dev.closeout.postmortem.extraction;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.LocalDate;

/** One corrective or preventative action as written in the postmortem; {@code line} is 1-based. */
// every field of the label schema is written, null or not, so consumers see one shape
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record ExtractedAction(
        String text,
        @Nullable String kind,
        @Nullable String group,
        @Nullable String owner,
        @Nullable LocalDate due,
        @Nullable String priority,
        @Nullable String ticket,
        int line) {
}
