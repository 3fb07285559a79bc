package dev.closeout.postmortem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/**
 * The JSON form of an import.
 *
 * @param source where the text comes from (a path, a URL, a wiki page id); optional. A changed text with
 *               the source of an earlier import updates that postmortem
 * @param text   the postmortem itself: markdown, plain text or HTML
 */
// text is checked by the import itself, not by validation: an empty one is a 422 and one that is not text a 415
@Serdeable
public record ImportPostmortemRequest(@Nullable @Size(max = 500) String source, @Nullable String text) {
}
