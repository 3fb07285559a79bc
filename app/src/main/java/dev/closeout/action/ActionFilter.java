package dev.closeout.action;

import io.micronaut.core.annotation.Nullable;

/** The filters of {@code GET /api/actions}; null means "any". */
public record ActionFilter(@Nullable ActionStatus status) {
}
