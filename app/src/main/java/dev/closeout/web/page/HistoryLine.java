package dev.closeout.web.page;

import dev.closeout.action.ActionEvent;
import io.micronaut.core.annotation.Nullable;

import java.time.format.DateTimeFormatter;

/** One change in a follow-up's history as its page lists it: when (UTC), who, which field, from what to what. */
public record HistoryLine(String at, String actor, String field, @Nullable String oldValue,
                          @Nullable String newValue) {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    static HistoryLine of(ActionEvent event) {
        return new HistoryLine(AT.format(event.occurredAt()), event.actor(), event.field().replace('_', ' '),
                event.oldValue(), event.newValue());
    }
}
