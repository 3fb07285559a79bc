package dev.closeout.report;

import io.micronaut.core.annotation.Nullable;

/**
 * What the command line can ask of any report: a team (its key) and an ISO week ({@code 2026-W49}); a
 * report ignores what it has no use for. Sent to a server as the query parameters {@code team} and
 * {@code week}.
 */
public record ReportRequest(@Nullable String team, @Nullable String week) {
}
