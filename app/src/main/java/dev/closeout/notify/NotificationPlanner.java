package dev.closeout.notify;

import dev.closeout.notify.NotifyQueries.Due;
import dev.closeout.notify.NotifyQueries.TeamName;
import dev.closeout.notify.Recipients.Target;
import dev.closeout.report.IsoWeek;
import dev.closeout.web.DatabaseFaults;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Decides, on every instance each minute, which notifications are due and writes them as rows before anything
 * is sent (docs/notifications.md, "Schedule"). Each team is planned in its own zone: on a weekday once its
 * {@code send-at} has passed, the reminders and escalations of that day; on Monday also its digest of the
 * week before. A day missed whole (no instance ran) is not made up later: the next occasion comes.
 * The unique key makes planning idempotent, so instances planning at once write each row once.
 */
@Singleton
class NotificationPlanner {

    private static final int WRITE_ATTEMPTS = 5;

    private final NotifyQueries queries;
    private final Notifications notifications;
    private final TeamNotifySettings settings;
    private final NotifySchedules schedules;
    private final MailChannel mail;
    private final NotifyConfiguration configuration;
    private final Clock clock;

    NotificationPlanner(NotifyQueries queries, Notifications notifications, TeamNotifySettings settings,
                        NotifySchedules schedules, MailChannel mail, NotifyConfiguration configuration, Clock clock) {
        this.queries = queries;
        this.notifications = notifications;
        this.settings = settings;
        this.schedules = schedules;
        this.mail = mail;
        this.configuration = configuration;
        this.clock = clock;
    }

    /** Plans what is due now; returns how many rows were written. */
    int plan() {
        Instant now = clock.instant();
        LocalDateTime written = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        List<TeamName> teams = queries.teams();
        Map<Long, TeamNotify> teamSettings = settings.findAll(teams.stream().map(TeamName::id).toList());
        int planned = 0;
        PlannedDays plannedDays = new PlannedDays();
        for (TeamName team : teams) {
            TeamNotify notify = teamSettings.getOrDefault(team.id(), TeamNotify.none(team.id()));
            LocalDate day = sendingDay(now, schedules.zone(notify));
            if (day != null) {
                List<PlannedNotification> rows = new ArrayList<>(followUps(team, notify, day, plannedDays));
                if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
                    rows.addAll(digest(team, notify, day));
                }
                planned += write(rows, written);
            }
        }
        LocalDate day = sendingDay(now, configuration.timeZone());
        if (day != null) {
            List<PlannedNotification> rows = new ArrayList<>(followUps(null, null, day, plannedDays));
            if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
                rows.addAll(review(day));
            }
            planned += write(rows, written);
        }
        return planned;
    }

    /**
     * The follow-ups that have a reminder or escalation for a day already, read once per pass and day: the teams of
     * one zone share their day, so a pass over many teams reads each day's rows once rather than once per team.
     */
    private final class PlannedDays {

        private final Map<String, Set<String>> read = new HashMap<>();

        Set<String> of(LocalDate day, NotificationKind kind) {
            return read.computeIfAbsent(day + " " + kind.wireName(), key -> notifications.plannedOn(day, kind));
        }
    }

    /**
     * Writes one team's rows. Another instance writing the same rows at the same moment can make the database
     * pick one transaction to fail (a deadlock on the unique key): the loser tries again and finds them there.
     */
    private int write(List<PlannedNotification> rows, LocalDateTime now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return rows.isEmpty() ? 0 : notifications.plan(rows, now);
            } catch (RuntimeException e) {
                if (attempt == WRITE_ATTEMPTS || !DatabaseFaults.lockConflict(e)) {
                    throw e;
                }
            }
        }
    }

    /** The team-local day when it is a weekday and {@code send-at} has passed there; null: nothing to plan now. */
    private @Nullable LocalDate sendingDay(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalDate();
        return ReminderSchedule.weekday(day) && !local.toLocalTime().isBefore(configuration.sendAt()) ? day : null;
    }

    private List<PlannedNotification> followUps(@Nullable TeamName team, @Nullable TeamNotify notify, LocalDate day,
                                               PlannedDays planned) {
        ReminderSchedule schedule = schedules.of(notify);
        int lead = Math.max(0, -schedule.offsets().get(0));
        Long teamId = team == null ? null : team.id();
        String teamKey = team == null ? null : team.key();
        Set<String> reminded = planned.of(day, NotificationKind.REMINDER);
        Set<String> escalated = planned.of(day, NotificationKind.ESCALATION);
        List<PlannedNotification> rows = new ArrayList<>();
        // a Monday carries the weekend's occasions: two days further
        for (Due due : queries.openDueBy(teamId, day.plusDays(lead + 2L))) {
            String subject = Notification.actionSubject(due.id());
            String occasion = Notification.followUpOccasion(due.dueDate(), day);
            OptionalInt reminder = schedule.reminderOn(due.dueDate(), day);
            boolean snoozed = due.snoozedUntil() != null && due.snoozedUntil().isAfter(day);
            if (reminder.isPresent() && !snoozed && !reminded.contains(subject)) {
                for (Target target : Recipients.reminder(due.owner(), notify, teamKey, mail.configured())) {
                    rows.add(row(NotificationKind.REMINDER, subject, occasion, target, due.id(), teamId,
                            due.dueDate(), reminder.getAsInt(), day));
                }
            }
            OptionalInt escalation = schedule.escalationOn(due.dueDate(), day);
            if (escalation.isPresent() && !escalated.contains(subject)) {
                for (Target target : Recipients.escalation(notify, teamKey, mail.configured())) {
                    rows.add(row(NotificationKind.ESCALATION, subject, occasion, target, due.id(), teamId,
                            due.dueDate(), escalation.getAsInt(), day));
                }
            }
        }
        return rows;
    }

    private List<PlannedNotification> digest(TeamName team, TeamNotify notify, LocalDate monday) {
        String subject = Notification.teamSubject(team.id());
        String week = IsoWeek.of(monday).minusWeeks(1).toString();
        if (notifications.hasDigest(subject, week)) {
            return List.of();
        }
        return Recipients.digest(notify, team.key(), mail.configured()).stream()
                .map(target -> row(NotificationKind.DIGEST, subject, week, target, null, team.id(), null, null,
                        monday))
                .toList();
    }

    /** The digest of all teams for {@code review-recipients}; none when nobody is listed. */
    private List<PlannedNotification> review(LocalDate monday) {
        List<String> recipients = configuration.reviewRecipients();
        String week = IsoWeek.of(monday).minusWeeks(1).toString();
        if (recipients == null || recipients.isEmpty() || notifications.hasDigest(Notification.REVIEW, week)) {
            return List.of();
        }
        Target target = mail.configured() ? new Target(Channel.EMAIL, String.join(", ", recipients), null)
                : Target.nobody("e-mail is off (closeout.notify.smtp.host is not set)");
        return List.of(row(NotificationKind.DIGEST, Notification.REVIEW, week, target, null, null, null, null,
                monday));
    }

    static PlannedNotification row(NotificationKind kind, String subject, String occasion, Target target,
                                   @Nullable Long actionId, @Nullable Long teamId, @Nullable LocalDate due,
                                   @Nullable Integer offset, LocalDate day) {
        return new PlannedNotification(kind, subject, occasion, target.channel(), actionId, teamId,
                target.recipient(), due, offset, day, target.reason());
    }
}
