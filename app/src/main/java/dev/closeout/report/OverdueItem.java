package dev.closeout.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.closeout.action.ActionItemResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.List;

/**
 * One overdue follow-up: as {@code GET /api/actions} shows it (its fields, not nested), with the service and
 * title of its postmortem and how many days overdue it is on the report's day.
 */
@Serdeable
public record OverdueItem(
        @JsonUnwrapped ActionItemResponse followup,
        @Nullable String service,
        long daysOverdue,
        @Nullable String postmortemTitle) {

    /** The CSV columns of an item, in {@link #csvRow()}'s order. */
    static final List<String> CSV_HEADER = List.of("id", "team", "owner", "service", "priority", "kind", "due",
            "days_overdue", "status", "postmortem_id", "postmortem_title", "text", "ticket");

    List<?> csvRow() {
        return Arrays.asList(followup.id(), followup.team(), followup.owner(), service, followup.priority(),
                followup.kind(), followup.due(), daysOverdue, followup.status().wireName(), followup.postmortemId(),
                postmortemTitle, followup.text(), followup.ticket());
    }
}
