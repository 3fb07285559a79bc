package dev.closeout.web.page;

import io.micronaut.core.annotation.Nullable;

/** What the import form shows: what was sent the last time it was refused, so nobody pastes twice. */
public record ImportForm(@Nullable String source, @Nullable String text) {

    static final ImportForm EMPTY = new ImportForm(null, null);
}
