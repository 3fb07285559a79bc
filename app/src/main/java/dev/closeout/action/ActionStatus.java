package dev.closeout.action;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.Locale;
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
