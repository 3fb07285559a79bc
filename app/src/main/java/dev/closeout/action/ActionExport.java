package dev.closeout.action;

import dev.closeout.report.CsvExport;
import dev.closeout.report.ReportFormat;
import dev.closeout.security.Caller;
import dev.closeout.web.Cursor;
import dev.closeout.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code GET /api/actions} as CSV: every follow-up its filters match, in the list's order, with the columns of
 * the JSON items. Read a page of {@link Cursor#MAX_LIMIT} at a time through the list's own keyset pages, so
 * an export of 100,000 follow-ups is 500 indexed reads, each written before the next is made.
 */
@Singleton
class ActionExport {

    /** The JSON item's fields, in its order. */
    static final List<String> HEADER = List.of("id", "postmortem_id", "position", "text", "kind", "group", "owner",
            "owner_source", "team", "due", "due_source", "priority", "status", "status_reason", "overdue", "ticket",
            "source_line", "removed_from_source", "origin", "dismissed", "dismissal_reason", "created_at", "updated_at",
            "closed_at", "snoozed_until", "version");

    private final ActionLists lists;

    ActionExport(ActionLists lists) {
        this.lists = lists;
    }

    /**
     * Whether a request asks for CSV: {@code format=csv}, or {@code text/csv} before any JSON in Accept.
     * Every other request gets the JSON list exactly as before, whatever its Accept says.
     */
    static boolean asked(HttpRequest<?> request, @Nullable String format) {
        if (format == null && request.accept().stream().noneMatch(type -> type.getName().equals("text/csv"))) {
            return false;
        }
        return ReportFormat.of(request, format, ReportFormat.JSON, ReportFormat.CSV) == ReportFormat.CSV;
    }

    /**
     * The export of what {@code params} filter (their {@code limit} and {@code cursor} aside). The first page
     * is read here, so an invalid parameter is a 400 before anything is written.
     */
    CsvExport export(ActionListParams params, @Nullable Long teamId, Caller caller) {
        Page<ActionItemResponse> first = lists.page(batch(params, null), teamId, caller);
        return new CsvExport(HEADER, () -> Stream.iterate(first, Objects::nonNull,
                        page -> page.next() == null ? null : lists.page(batch(params, page.next()), teamId, caller))
                .map(page -> page.items().stream().<List<?>>map(ActionExport::row).toList()));
    }

    private static ActionListParams batch(ActionListParams params, @Nullable String cursor) {
        return new ActionListParams(params.status(), params.team(), params.owner(), params.overdue(),
                params.dueBefore(), params.kind(), params.component(), params.trigger(), params.postmortem(),
                params.q(), params.sort(), Cursor.MAX_LIMIT, cursor);
    }

    private static List<?> row(ActionItemResponse item) {
        return Arrays.asList(item.id(), item.postmortemId(), item.position(), item.text(), item.kind(), item.group(),
                item.owner(), item.ownerSource() == null ? null : item.ownerSource().wireName(), item.team(),
                item.due(), item.dueSource() == null ? null : item.dueSource().wireName(), item.priority(),
                item.status().wireName(), item.statusReason(), item.overdue(), item.ticket(), item.sourceLine(),
                item.removedFromSource(), item.origin().wireName(), item.dismissed(), item.dismissalReason(),
                item.createdAt(), item.updatedAt(), item.closedAt(), item.snoozedUntil(), item.version());
    }
}
