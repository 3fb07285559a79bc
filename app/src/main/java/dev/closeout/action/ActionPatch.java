package dev.closeout.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;


/**
 * A {@code PATCH /api/actions/{id}} body, read field by field because an absent field (unchanged) and a
 * null one (cleared) mean different things. The team is still a key here; the controller resolves it.
 */
record ActionPatch(
        @Nullable ActionEdit.Change<String> owner,
        @Nullable ActionEdit.Change<String> team,
        @Nullable ActionEdit.Change<LocalDate> due,
        @Nullable ActionEdit.Change<String> priority,
        @Nullable String kind,
        @Nullable String text,
        @Nullable ActionEdit.Change<LocalDate> snoozedUntil,
        @Nullable Long version) {

    private static final List<String> FIELDS = List.of("owner", "team", "due", "priority", "kind", "text",
            "snoozed_until", "version");
    private static final int NAME_LENGTH = 200;
    private static final int PRIORITY_LENGTH = 32;
    private static final int TEXT_LENGTH = 4000;

    /**
     * The body as the OpenAPI document describes it, beside the parser that reads it: a record cannot tell a field
     * left out from a null one, so the body is read as JSON and this serves the document only.
     */
    @Schema(name = "EditActionRequest", description = "Any of these fields; one left out stays as it is.")
    record Body(
            @Schema(nullable = true) @Nullable String owner,
            @Schema(nullable = true, description = "the team's key") @Nullable String team,
            @Schema(nullable = true) @Nullable LocalDate due,
            @Schema(nullable = true) @Nullable String priority,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "cannot be cleared",
                    allowableValues = {ActionItem.CORRECTIVE, ActionItem.PREVENTATIVE}) String kind,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "cannot be cleared") String text,
            @Schema(nullable = true, description = "no reminder to the owner before this day, which must be after "
                    + "today (in closeout.reports.time-zone); null stops snoozing") @Nullable LocalDate snoozedUntil,
            @Schema(description = "the version the change is based on, when not sent as If-Match") @Nullable Long version) {
    }

    static ActionPatch parse(@Nullable JsonNode body, long id) {
        if (body == null || !body.isObject()) {
            throw InvalidRequest.of("body", "must be a JSON object with any of " + String.join(", ", FIELDS));
        }
        for (Map.Entry<String, JsonNode> entry : body.entries()) {
            if (entry.getKey().equals("status")) {
                throw InvalidRequest.of("status", "use POST /api/actions/" + id + "/transitions to change it");
            }
            if (!FIELDS.contains(entry.getKey())) {
                throw InvalidRequest.of(entry.getKey(), "not a field a PATCH can change; one of "
                        + String.join(", ", FIELDS));
            }
        }
        return new ActionPatch(clearable(body, "owner", NAME_LENGTH), clearable(body, "team", NAME_LENGTH),
                date(body, "due"), clearable(body, "priority", PRIORITY_LENGTH), kind(body),
                required(body, "text", TEXT_LENGTH), date(body, "snoozed_until"), version(body));
    }

    private static ActionEdit.@Nullable Change<String> clearable(JsonNode body, String field, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null) {
            return null;
        }
        return new ActionEdit.Change<>(value.isNull() ? null : text(value, field, maxLength, " or null to clear it"));
    }

    private static @Nullable String required(JsonNode body, String field, int maxLength) {
        JsonNode value = body.get(field);
        if (value != null && value.isNull()) {
            throw InvalidRequest.of(field, "cannot be cleared");
        }
        return value == null ? null : text(value, field, maxLength, "");
    }

    private static String text(JsonNode value, String field, int maxLength, String orClear) {
        if (!value.isString() || value.getStringValue().isBlank()) {
            throw InvalidRequest.of(field, "must be a non-blank string" + orClear);
        }
        String text = value.getStringValue().strip();
        if (text.length() > maxLength) {
            throw InvalidRequest.of(field, "must be at most " + maxLength + " characters");
        }
        return text;
    }

    private static ActionEdit.@Nullable Change<LocalDate> date(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return null;
        }
        if (value.isNull()) {
            return new ActionEdit.Change<>(null);
        }
        try {
            return new ActionEdit.Change<>(LocalDate.parse(value.isString() ? value.getStringValue() : ""));
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of(field, "must be a date YYYY-MM-DD or null");
        }
    }

    private static @Nullable String kind(JsonNode body) {
        String kind = required(body, "kind", NAME_LENGTH);
        if (kind != null && !ActionItem.KINDS.contains(kind)) {
            throw InvalidRequest.of("kind", "must be corrective or preventative, was '" + kind + "'");
        }
        return kind;
    }

    private static @Nullable Long version(JsonNode body) {
        JsonNode value = body.get("version");
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || value.getNumberValue().doubleValue() != value.getLongValue()) {
            throw InvalidRequest.of("version", "must be the whole number 'version' of the action as last read");
        }
        return value.getLongValue();
    }
}
