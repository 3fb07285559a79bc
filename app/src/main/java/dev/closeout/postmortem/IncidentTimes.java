package dev.closeout.postmortem;

import dev.closeout.postmortem.extraction.Incident;
import dev.closeout.postmortem.extraction.IncidentTime;
import io.micronaut.core.annotation.Nullable;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Incident times are stored in UTC when the postmortem names a zone, so incidents sort and compare
 * across teams; they are shown again in the zone the author wrote. Without a zone the local time is
 * kept as written.
 */
final class IncidentTimes {

    private IncidentTimes() {
    }

    /** UTC when the time carries an offset, else the local time as written (midnight for a bare date). */
    static @Nullable LocalDateTime stored(@Nullable IncidentTime time) {
        if (time == null) {
            return null;
        }
        if (time.offset() == null) {
            return time.localDateTime();
        }
        return time.localDateTime().atOffset(time.offset()).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /** The offset the author wrote, from the start or else the end. */
    static @Nullable String zone(Incident incident) {
        for (IncidentTime time : new IncidentTime[] {incident.startTime(), incident.endTime()}) {
            if (time != null && time.offset() != null) {
                return time.offset().getId();
            }
        }
        return null;
    }

    /** ISO-8601 with the author's offset when the zone is known, else the local date-time. */
    static @Nullable String toDisplay(@Nullable LocalDateTime stored, @Nullable String zone) {
        if (stored == null) {
            return null;
        }
        ZoneId zoneId = zoneId(zone);
        if (zoneId == null) {
            return stored.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        return stored.atOffset(ZoneOffset.UTC).atZoneSameInstant(zoneId).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** A local time in {@code zone} as stored: UTC. */
    static LocalDateTime utcOf(LocalDateTime local, ZoneId zone) {
        return local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /** A stored UTC time as the local time in {@code zone}. */
    static LocalDateTime localIn(LocalDateTime utc, ZoneId zone) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime();
    }

    static @Nullable ZoneId zoneId(@Nullable String zone) {
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
