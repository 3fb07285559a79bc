package dev.closeout.postmortem;

import dev.closeout.storage.Columns;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A person's correction of a postmortem's facts, the body of {@code PATCH /api/postmortems/{id}}, in the
 * shape {@code GET} shows them. A field left out stays as it is; a field sent as null is cleared. Every
 * field sent becomes a corrected field that re-imports leave alone.
 */
public final class PostmortemCorrection {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A time as the person wrote it: with an offset, or local. */
    private record GivenTime(LocalDateTime local, @Nullable ZoneOffset offset) {
    }

    private final Map<PostmortemField, Object> values;

    private PostmortemCorrection(Map<PostmortemField, Object> values) {
        this.values = values;
    }

    /** Reads and checks a PATCH body; anything wrong is a 400 naming the field. */
    public static PostmortemCorrection parse(@Nullable JsonNode body) {
        if (body == null || !body.isObject()) {
            throw badRequest("body: send a JSON object with the fields to correct");
        }
        Map<PostmortemField, Object> values = new EnumMap<>(PostmortemField.class);
        for (Map.Entry<String, JsonNode> entry : body.entries()) {
            JsonNode value = entry.getValue();
            switch (entry.getKey()) {
                case "title" -> values.put(PostmortemField.TITLE, text("title", value, Columns.TITLE));
                case "service" -> values.put(PostmortemField.SERVICE, text("service", value, Columns.SERVICE));
                case "impact_percent" -> values.put(PostmortemField.IMPACT_PERCENT, impact(value));
                case "incident" -> parseIncident(object("incident", value), values);
                case "root_cause" -> parseRootCause(object("root_cause", value), values);
                default -> throw badRequest(entry.getKey()
                        + ": not a field to correct; one of title, service, incident, impact_percent, root_cause");
            }
        }
        if (values.isEmpty()) {
            throw badRequest("body: no field to correct; send title, service, incident, impact_percent or root_cause");
        }
        return new PostmortemCorrection(values);
    }

    private static void parseIncident(JsonNode incident, Map<PostmortemField, Object> values) {
        for (Map.Entry<String, JsonNode> entry : incident.entries()) {
            JsonNode value = entry.getValue();
            switch (entry.getKey()) {
                case "start" -> values.put(PostmortemField.INCIDENT_START, time("incident.start", value));
                case "end" -> values.put(PostmortemField.INCIDENT_END, time("incident.end", value));
                case "zone" -> values.put(PostmortemField.INCIDENT_ZONE, zone(value));
                case "duration_minutes" -> values.put(PostmortemField.DURATION_MINUTES, duration(value));
                default -> throw badRequest("incident." + entry.getKey()
                        + ": not a field to correct; one of start, end, zone, duration_minutes");
            }
        }
    }

    private static void parseRootCause(JsonNode rootCause, Map<PostmortemField, Object> values) {
        for (Map.Entry<String, JsonNode> entry : rootCause.entries()) {
            String field = "root_cause." + entry.getKey();
            JsonNode value = entry.getValue();
            switch (entry.getKey()) {
                case "summary" -> values.put(PostmortemField.ROOT_CAUSE_SUMMARY,
                        text(field, value, Columns.ROOT_CAUSE_SUMMARY));
                case "component" -> values.put(PostmortemField.ROOT_CAUSE_COMPONENT,
                        RootCauseClasses.component(field, text(field, value, Columns.NAME)));
                case "trigger" -> values.put(PostmortemField.ROOT_CAUSE_TRIGGER,
                        RootCauseClasses.trigger(field, text(field, value, Columns.NAME)));
                default -> throw badRequest(field + ": not a field to correct; one of summary, component, trigger");
            }
        }
    }

    /**
     * The postmortem with this correction. Times without an offset are taken in the incident's zone; the
     * first offset given to a postmortem without a zone becomes its zone. A changed zone moves the stored
     * times only between "local" and "UTC": an instant stays the same instant.
     */
    Postmortem applyTo(Postmortem postmortem, LocalDateTime now) {
        Set<PostmortemField> corrected = EnumSet.noneOf(PostmortemField.class);
        corrected.addAll(postmortem.corrections());
        corrected.addAll(values.keySet());

        GivenTime givenStart = (GivenTime) values.get(PostmortemField.INCIDENT_START);
        GivenTime givenEnd = (GivenTime) values.get(PostmortemField.INCIDENT_END);
        ZoneId oldZone = IncidentTimes.zoneId(postmortem.incidentZone());
        ZoneId zone = values.containsKey(PostmortemField.INCIDENT_ZONE)
                ? (ZoneId) values.get(PostmortemField.INCIDENT_ZONE)
                : oldZone != null ? oldZone : offsetOf(givenStart, givenEnd);
        if (!Objects.equals(zone, oldZone)) {
            corrected.add(PostmortemField.INCIDENT_ZONE);
        }
        LocalDateTime start = values.containsKey(PostmortemField.INCIDENT_START) ? stored(givenStart, zone)
                : restated(postmortem.incidentStart(), oldZone, zone);
        LocalDateTime end = values.containsKey(PostmortemField.INCIDENT_END) ? stored(givenEnd, zone)
                : restated(postmortem.incidentEnd(), oldZone, zone);
        if (start != null && end != null && end.isBefore(start)) {
            throw badRequest("incident.end: before incident.start");
        }
        Integer duration = postmortem.durationMinutes();
        if (values.containsKey(PostmortemField.DURATION_MINUTES)) {
            duration = (Integer) values.get(PostmortemField.DURATION_MINUTES);
        } else if ((givenStart != null || givenEnd != null) && start != null && end != null) {
            // corrected times make the extracted duration wrong; it follows them
            duration = Math.toIntExact(Duration.between(start, end).toMinutes());
            corrected.add(PostmortemField.DURATION_MINUTES);
        }
        return new Postmortem(postmortem.id(), postmortem.sourceRef(),
                valueOr(PostmortemField.TITLE, postmortem.title()),
                valueOr(PostmortemField.SERVICE, postmortem.service()), postmortem.format(), start, end,
                zone == null ? null : zone.getId(), duration,
                valueOr(PostmortemField.IMPACT_PERCENT, postmortem.impactPercent()),
                valueOr(PostmortemField.ROOT_CAUSE_SUMMARY, postmortem.rootCauseSummary()),
                valueOr(PostmortemField.ROOT_CAUSE_COMPONENT, postmortem.rootCauseComponent()),
                valueOr(PostmortemField.ROOT_CAUSE_TRIGGER, postmortem.rootCauseTrigger()),
                postmortem.originalText(), postmortem.contentHash(), PostmortemField.format(corrected),
                postmortem.createdAt(), now);
    }

    @SuppressWarnings("unchecked")
    private <T> T valueOr(PostmortemField field, T current) {
        return values.containsKey(field) ? (T) values.get(field) : current;
    }

    private static @Nullable ZoneId offsetOf(@Nullable GivenTime start, @Nullable GivenTime end) {
        for (GivenTime time : new GivenTime[] {start, end}) {
            if (time != null && time.offset() != null) {
                return time.offset();
            }
        }
        return null;
    }

    /** A given time as stored: UTC when the incident has a zone, else local as written. */
    private static @Nullable LocalDateTime stored(@Nullable GivenTime time, @Nullable ZoneId zone) {
        if (time == null) {
            return null;
        }
        if (zone == null) {
            return time.local();
        }
        return IncidentTimes.utcOf(time.local(), time.offset() != null ? time.offset() : zone);
    }

    /** A stored time kept as the same moment when the incident's zone changes. */
    private static @Nullable LocalDateTime restated(@Nullable LocalDateTime stored, @Nullable ZoneId oldZone,
                                                    @Nullable ZoneId zone) {
        if (stored == null || (oldZone == null) == (zone == null)) {
            return stored;
        }
        // the time was local as written: it was meant in the zone now given
        return oldZone == null ? IncidentTimes.utcOf(stored, zone) : IncidentTimes.localIn(stored, oldZone);
    }

    private static JsonNode object(String field, JsonNode value) {
        if (!value.isObject()) {
            throw badRequest(field + ": must be an object");
        }
        return value;
    }

    private static @Nullable String text(String field, JsonNode value, int maxLength) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw badRequest(field + ": must be a string or null");
        }
        String text = value.getStringValue().strip();
        if (text.length() > maxLength) {
            throw badRequest(field + ": at most " + maxLength + " characters, got " + text.length());
        }
        return text.isEmpty() ? null : text;
    }

    private static @Nullable BigDecimal impact(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.getBigDecimalValue().compareTo(BigDecimal.ZERO) < 0
                || value.getBigDecimalValue().compareTo(HUNDRED) > 0) {
            throw badRequest("impact_percent: must be a number from 0 to 100 or null");
        }
        return value.getBigDecimalValue().setScale(2, RoundingMode.HALF_UP);
    }

    private static @Nullable Integer duration(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.getBigDecimalValue().stripTrailingZeros().scale() > 0
                || value.getBigDecimalValue().signum() < 0
                || value.getBigDecimalValue().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw badRequest("incident.duration_minutes: must be a whole number of minutes, 0 or more, or null");
        }
        return value.getIntValue();
    }

    private static @Nullable GivenTime time(String field, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        String text = value.isString() ? value.getStringValue().strip() : null;
        if (text != null) {
            try {
                OffsetDateTime withOffset = OffsetDateTime.parse(text);
                return new GivenTime(withOffset.toLocalDateTime(), withOffset.getOffset());
            } catch (DateTimeParseException notWithOffset) {
                try {
                    return new GivenTime(text.length() == 10 ? LocalDate.parse(text).atStartOfDay()
                            : LocalDateTime.parse(text), null);
                } catch (DateTimeParseException notLocal) {
                    // reported below
                }
            }
        }
        throw badRequest(field + ": must be an ISO-8601 date-time such as 2024-08-17T03:15:00Z, "
                + "2024-08-17T03:15:00 or 2024-08-17, or null");
    }

    private static @Nullable ZoneId zone(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isString()) {
            try {
                return ZoneId.of(value.getStringValue().strip());
            } catch (DateTimeException unknown) {
                // reported below
            }
        }
        throw badRequest("incident.zone: must be an offset such as Z or +02:00, a region such as Europe/Berlin, "
                + "or null");
    }

    private static HttpStatusException badRequest(String message) {
        return new HttpStatusException(HttpStatus.BAD_REQUEST, message);
    }
}
