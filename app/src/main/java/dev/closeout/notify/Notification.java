package dev.closeout.notify;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One message to send, as the {@code notification} table keeps it (V22). Times are UTC.
 *
 * @param subjectKey {@code action:<id>}, {@code team:<id>} or {@code review}
 * @param occasion   when, in words unique for the subject and kind: {@code due 2026-12-10 day 2026-12-14}, {@code 2026-W49}
 * @param recipient  e-mail address(es); for slack and webhook which of the team's settings holds the URL
 */
public record Notification(long id, NotificationKind kind, String subjectKey, String occasion, Channel channel,
                           @Nullable Long actionId, @Nullable Long teamId, @Nullable String recipient,
                           @Nullable LocalDate dueDate, @Nullable Integer offsetDays, LocalDate sendDay,
                           NotificationState state, @Nullable String reason, int attempts,
                           LocalDateTime nextAttemptAt, @Nullable LocalDateTime sentAt, LocalDateTime createdAt,
                           LocalDateTime updatedAt) {

    /** Recipient of a slack or webhook row whose URL is the team's own channel. */
    public static final String TEAM_CHANNEL = "team";
    /** Recipient of a slack row whose URL is the team's escalation contact. */
    public static final String ESCALATION_CHANNEL = "escalation";
    /** Subject of the digest of all teams. */
    public static final String REVIEW = "review";

    public static String actionSubject(long actionId) {
        return "action:" + actionId;
    }

    public static String teamSubject(long teamId) {
        return "team:" + teamId;
    }

    public static String followUpOccasion(LocalDate due, LocalDate day) {
        return "due " + due + " day " + day;
    }
}
