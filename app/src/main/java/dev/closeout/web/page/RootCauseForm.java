package dev.closeout.web.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The root-cause form of a postmortem's page, also what it shows: the stored root cause, or what was posted when
 * it was refused. A blank field clears its value, as null does in {@code PATCH /api/postmortems/{id}}.
 */
@Serdeable
public record RootCauseForm(@Nullable String csrf, @Nullable String summary, @Nullable String component,
                            @Nullable String trigger) {
}
