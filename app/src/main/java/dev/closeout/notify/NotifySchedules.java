package dev.closeout.notify;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** A team's schedule and zone: its own offsets and zone where it set them, the configuration's otherwise. */
@Singleton
public class NotifySchedules {

    private final NotifyConfiguration configuration;
    private final List<Integer> offsets;

    NotifySchedules(NotifyConfiguration configuration) {
        this.configuration = configuration;
        this.offsets = ReminderOffsets.parse(NotifyConfiguration.PREFIX + ".reminder-offsets",
                configuration.reminderOffsets());
        days(configuration.repeatEvery(), "repeat-every");
        days(configuration.escalateAfter(), "escalate-after");
    }

    public ReminderSchedule of(@Nullable TeamNotify team) {
        List<Integer> own = team == null ? null : team.reminderOffsets();
        return new ReminderSchedule(own == null || own.isEmpty() ? offsets : own,
                days(configuration.repeatEvery(), "repeat-every"), days(configuration.escalateAfter(), "escalate-after"));
    }

    public ZoneId zone(@Nullable TeamNotify team) {
        return team == null || team.timeZone() == null ? configuration.timeZone() : team.timeZone();
    }

    /** The configuration's offsets, in days: what a team without its own gets. */
    public List<Integer> defaultOffsets() {
        return offsets;
    }

    private static int days(Duration duration, String key) {
        if (duration.isNegative() || duration.toDays() < 1 || !duration.equals(Duration.ofDays(duration.toDays()))) {
            throw new IllegalArgumentException(NotifyConfiguration.PREFIX + "." + key
                    + ": must be a whole number of days, at least 1d, was " + duration);
        }
        return (int) duration.toDays();
    }
}
