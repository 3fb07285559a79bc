package dev.closeout.action;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Where a follow-up stands. The wire and database spelling is the lower-case {@link #wireName()}. */
@Serdeable
@TypeDef(type = DataType.STRING, converter = ActionStatusConverter.class)
public enum ActionStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    NOT_DOING;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Where a follow-up in this status may go next: work starts, then ends done; open work may be
     * dropped (not_doing); finished or dropped work may be reopened. Nothing else, staying put included.
     */
    public Set<ActionStatus> allowedMoves() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_PROGRESS, NOT_DOING);
            case IN_PROGRESS -> EnumSet.of(DONE, NOT_DOING);
            case DONE, NOT_DOING -> EnumSet.of(OPEN);
        };
    }

    public boolean canMoveTo(ActionStatus to) {
        return allowedMoves().contains(to);
    }

    /** Finished one way or the other: the follow-up has a closing time. */
    public boolean isClosed() {
        return this == DONE || this == NOT_DOING;
    }

    /** Still work to do: only these can be overdue. */
    public boolean isActive() {
        return this == OPEN || this == IN_PROGRESS;
    }

    @JsonCreator
    public static ActionStatus fromWireName(String value) {
        for (ActionStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status '" + value + "'; one of " + Arrays.stream(values())
                .map(ActionStatus::wireName).collect(Collectors.joining(", ")));
    }
}
