package dev.closeout.action;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The query parameters of the follow-up lists, as sent. Each accessor below parses one and answers 400
 * naming the parameter when it is invalid. {@code status} may repeat or hold a comma-separated list.
 */
@Introspected
public record ActionListParams(
        @QueryValue @Nullable List<String> status,
        @QueryValue @Nullable String team,
        @QueryValue @Nullable String owner,
        @QueryValue @Nullable String overdue,
        @QueryValue("due_before") @Nullable String dueBefore,
        @QueryValue @Nullable String kind,
        @QueryValue @Nullable String component,
        @QueryValue @Nullable String trigger,
        @QueryValue @Nullable String postmortem,
        @QueryValue @Nullable String q,
        @QueryValue @Nullable String sort,
        @QueryValue @Nullable Integer limit,
        @QueryValue @Nullable String cursor) {

    Set<ActionStatus> statuses() {
        Set<ActionStatus> statuses = EnumSet.noneOf(ActionStatus.class);
        for (String value : status == null ? List.<String>of() : status) {
            for (String name : value.split(",")) {
                try {
                    statuses.add(ActionStatus.fromWireName(name.strip()));
                } catch (IllegalArgumentException e) {
                    throw InvalidRequest.of("status", e.getMessage());
                }
            }
        }
        return statuses;
    }

    @Nullable Boolean overdueFlag() {
        if (overdue == null) {
            return null;
        }
        return switch (overdue.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidRequest.of("overdue", "must be true or false, was '" + overdue + "'");
        };
    }

    @Nullable LocalDate dueBeforeDate() {
        try {
            return dueBefore == null ? null : LocalDate.parse(dueBefore);
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of("due_before", "must be a date YYYY-MM-DD, was '" + dueBefore + "'");
        }
    }

    @Nullable String kindName() {
        if (kind != null && !ActionItem.KINDS.contains(kind)) {
            throw InvalidRequest.of("kind", "must be corrective or preventative, was '" + kind + "'");
        }
        return kind;
    }

    @Nullable Long postmortemId() {
        try {
            return postmortem == null ? null : Long.parseLong(postmortem);
        } catch (NumberFormatException e) {
            throw InvalidRequest.of("postmortem", "must be a postmortem id, was '" + postmortem + "'");
        }
    }

    /** The owner asked for, as sent; it matches however the follow-ups spell it ({@link OwnerKey}). */
    @Nullable String ownerName() {
        String name = nonBlank("owner", owner);
        if (name != null && OwnerKey.of(name).isEmpty()) {
            throw InvalidRequest.of("owner", "must name someone, was '" + name + "'");
        }
        return name;
    }

    @Nullable String componentName() {
        return nonBlank("component", component);
    }

    @Nullable String triggerName() {
        return nonBlank("trigger", trigger);
    }

    @Nullable String text() {
        return nonBlank("q", q);
    }

    ActionSort order() {
        try {
            return sort == null ? ActionSort.ID : ActionSort.fromWireName(sort);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("sort", e.getMessage());
        }
    }

    private static @Nullable String nonBlank(String name, @Nullable String value) {
        if (value != null && value.isBlank()) {
            throw InvalidRequest.of(name, "must not be blank");
        }
        return value == null ? null : value.strip();
    }
}
