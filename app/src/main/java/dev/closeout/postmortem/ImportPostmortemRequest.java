package dev.closeout.postmortem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The JSON form of an import.
 *
 * @param source where the text comes from (a path, a URL, a wiki page id); optional. A changed text with
 *               the source of an earlier import updates that postmortem
 * @param text   the postmortem itself: markdown, plain text or HTML
 */
@Serdeable
public record ImportPostmortemRequest(@Nullable @Size(max = 500) String source, @NotBlank String text) {
}
