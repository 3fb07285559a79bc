package dev.closeout.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

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
    /** A person dismissed the follow-up ("true") or restored it ("false"); {@code dismissal_reason} says why. */
    public static final String DISMISSED = "dismissed";

    /** The first event of every follow-up: it was created with this status. */
    public static ActionEvent created(ActionItem action, String actor) {
        return new ActionEvent(null, action.id(), CREATED, null, action.status().wireName(), actor,
                action.createdAt());
    }

    /**
     * One event per tracked field that differs between {@code before} and {@code after}, at the time of
     * the change; the team is recorded by its key, as people know it.
     */
    public static List<ActionEvent> between(ActionItem before, ActionItem after, String actor,
                                            Function<Long, String> teamKey) {
        List<ActionEvent> events = new ArrayList<>();
        Recorder record = (field, old, changed) -> {
            if (!Objects.equals(old, changed)) {
                events.add(new ActionEvent(null, after.id(), field, old, changed, actor, after.updatedAt()));
            }
        };
        record.field("status", before.status().wireName(), after.status().wireName());
        record.field("status_reason", before.statusReason(), after.statusReason());
        record.field("owner", before.owner(), after.owner());
        if (!Objects.equals(before.teamId(), after.teamId())) {
            record.field("team", key(before.teamId(), teamKey), key(after.teamId(), teamKey));
        }
        record.field("due", text(before.dueDate()), text(after.dueDate()));
        record.field("priority", before.priority(), after.priority());
        record.field("kind", before.kind(), after.kind());
        record.field("text", before.text(), after.text());
        record.field("group", before.group(), after.group());
        record.field("ticket", before.ticketRef(), after.ticketRef());
        record.field("removed_from_source", Boolean.toString(before.removedFromSource()),
                Boolean.toString(after.removedFromSource()));
        record.field(DISMISSED, Boolean.toString(before.dismissed()), Boolean.toString(after.dismissed()));
        record.field("dismissal_reason", before.dismissalReason(), after.dismissalReason());
        record.field("snoozed_until", text(before.snoozedUntil()), text(after.snoozedUntil()));
        return events;
    }

    /** As {@link #between(ActionItem, ActionItem, String, Function)}, for changes that keep the team. */
    public static List<ActionEvent> between(ActionItem before, ActionItem after, String actor) {
        if (!Objects.equals(before.teamId(), after.teamId())) {
            throw new IllegalArgumentException("the team changed: name it by key with the other between(...)");
        }
        return between(before, after, actor, teamId -> null);
    }

    private interface Recorder {
        void field(String name, @Nullable String old, @Nullable String changed);
    }

    private static @Nullable String key(@Nullable Long teamId, Function<Long, String> teamKey) {
        return teamId == null ? null : teamKey.apply(teamId);
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
