package dev.closeout.action;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.ZoneOffset;

/** One history event as the API shows it: which field changed from what to what, by whom, when. */
@Serdeable
record ActionHistoryEntry(
        String field,
        @JsonProperty("old") @Nullable String oldValue,
        @JsonProperty("new") @Nullable String newValue,
        String actor,
        Instant at) {

    static ActionHistoryEntry of(ActionEvent event) {
        return new ActionHistoryEntry(event.field(), event.oldValue(), event.newValue(), event.actor(),
                event.occurredAt().toInstant(ZoneOffset.UTC));
    }
}
