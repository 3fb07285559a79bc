package dev.closeout.postmortem;

import io.micronaut.core.annotation.Nullable;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Incident times are stored in UTC when the postmortem names a zone, so incidents sort and compare
 * across teams; they are shown again in the zone the author wrote. Without a zone the local time is
 * kept as written.
 */
final class IncidentTimes {

    private IncidentTimes() {
    }

    static @Nullable LocalDateTime toStored(@Nullable LocalDateTime asWritten, @Nullable String zone) {
        ZoneId zoneId = zoneId(zone);
        if (asWritten == null || zoneId == null) {
            return asWritten;
        }
        return asWritten.atZone(zoneId).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /** ISO-8601 with the author's offset when the zone is known, else the local date-time. */
    static @Nullable String toDisplay(@Nullable LocalDateTime stored, @Nullable String zone) {
        if (stored == null) {
            return null;
        }
        ZoneId zoneId = zoneId(zone);
        if (zoneId == null) {
            return stored.toString();
        }
        return stored.atOffset(ZoneOffset.UTC).atZoneSameInstant(zoneId).toOffsetDateTime().toString();
    }

    private static @Nullable ZoneId zoneId(@Nullable String zone) {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException unknownZone) {
            return null;
        }
    }
}
