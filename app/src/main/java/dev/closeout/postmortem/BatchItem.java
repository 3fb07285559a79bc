package dev.closeout.postmortem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One postmortem of a batch import, as JSON or as a multipart file (the file name is the source).
 *
 * @param source where the text comes from; a changed text from the same source updates its postmortem
 * @param text   the postmortem itself: markdown, plain text or HTML
 */
@Serdeable
public record BatchItem(@Nullable String source, @Nullable String text) {
}
