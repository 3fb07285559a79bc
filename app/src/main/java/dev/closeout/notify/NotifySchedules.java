package dev.closeout.notify;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.ZoneId;

/**
 * A team's reminder schedule and zone: its own offsets and zone where it set them ({@link TeamNotifySettings}),
 * the configuration's otherwise; follow-ups of no team get the configuration's. {@code repeat-every} and
 * {@code escalate-after} are checked at start-up, so a wrong value stops the service rather than the reminders.
 */
@Singleton
class NotifySchedules {

    private final TeamNotifySettings settings;
    private final NotifyConfiguration configuration;
    private final int repeatDays;
    private final int escalateAfterDays;

    NotifySchedules(TeamNotifySettings settings, NotifyConfiguration configuration) {
        this.settings = settings;
        this.configuration = configuration;
        this.repeatDays = days(configuration.repeatEvery(), "repeat-every");
        this.escalateAfterDays = days(configuration.escalateAfter(), "escalate-after");
    }

    ReminderSchedule of(@Nullable TeamNotify team) {
        return new ReminderSchedule(settings.reminderOffsets(team == null ? TeamNotify.none(0) : team), repeatDays,
                escalateAfterDays);
    }

    ZoneId zone(@Nullable TeamNotify team) {
        return team == null ? configuration.timeZone() : settings.timeZone(team);
    }

    private static int days(Duration duration, String key) {
        if (duration.isNegative() || duration.toDays() < 1 || !duration.equals(Duration.ofDays(duration.toDays()))) {
            throw new IllegalArgumentException(NotifyConfiguration.PREFIX + "." + key
                    + ": must be a whole number of days, at least 1d, was " + duration);
        }
        return (int) duration.toDays();
    }
}
