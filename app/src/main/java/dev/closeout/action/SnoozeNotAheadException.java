package dev.closeout.action;

import java.time.LocalDate;

/** A snooze must end after today: one ending today or earlier would hold back no reminder, so it is refused. */
public class SnoozeNotAheadException extends RuntimeException {

    SnoozeNotAheadException(LocalDate until, LocalDate today) {
        super("snoozed_until: must be after today (" + today + "), was " + until + "; null to stop snoozing");
    }
}
