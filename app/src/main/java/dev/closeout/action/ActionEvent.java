package dev.closeout.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** One change to a follow-up, its creation included; the history reports are computed from. */
@MappedEntity("action_event")
public record ActionEvent(
        @Id @GeneratedValue @Nullable Long id,
        long actionId,
        String field,
        @Nullable String oldValue,
        @Nullable String newValue,
        String actor,
        LocalDateTime occurredAt) {

    public static final String CREATED = "created";

    /** The first event of every follow-up: it was created with this status. */
    public static ActionEvent created(ActionItem action, String actor) {
        return new ActionEvent(null, action.id(), CREATED, null, action.status().wireName(), actor,
                action.createdAt());
    }
}
