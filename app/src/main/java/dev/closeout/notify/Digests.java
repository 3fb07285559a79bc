package dev.closeout.notify;

import dev.closeout.notify.Recipients.Target;
import dev.closeout.report.WeeklyReview;
import dev.closeout.report.WeeklyReviews;
import dev.closeout.security.Caller;
import dev.closeout.team.TeamProfile;
import dev.closeout.team.Teams;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A team's weekly digest on demand: previewed as it would be sent, or sent now (docs/notifications.md,
 * "Digest"). A digest sent now is a notification like the Monday one, under the same key, so the week's digest
 * goes once whichever comes first, unless {@code force} asks for another.
 */
@Singleton
class Digests {

    private final Teams teams;
    private final WeeklyReviews reviews;
    private final DigestMessages messages;
    private final TeamNotifySettings settings;
    private final Notifications notifications;
    private final NotificationSender sender;
    private final MailChannel mail;
    private final NotifySchedules schedules;
    private final Clock clock;

    Digests(Teams teams, WeeklyReviews reviews, DigestMessages messages, TeamNotifySettings settings,
            Notifications notifications, NotificationSender sender, MailChannel mail, NotifySchedules schedules,
            Clock clock) {
        this.teams = teams;
        this.reviews = reviews;
        this.messages = messages;
        this.settings = settings;
        this.notifications = notifications;
        this.sender = sender;
        this.mail = mail;
        this.schedules = schedules;
        this.clock = clock;
    }

    /** A channel the digest goes to: e-mail with its address, slack or webhook (the URL is a secret), or nobody and why. */
    @Serdeable
    record Destination(String channel, @Nullable String recipient, @Nullable String reason) {
    }

    /** The digest as it would be sent, and where to. */
    @Serdeable
    record Preview(String team, String week, String subject, String markdown, String html, String slackText,
                   List<Destination> destinations) {
    }

    /** What a send did: the week and one notification per channel, as they stand after sending. */
    @Serdeable
    record Sent(String team, String week, List<NotificationResponse> notifications) {
    }

    Preview preview(String key, @Nullable String week, Caller caller) {
        TeamProfile team = reachable(key, caller);
        WeeklyReview review = reviews.review(week, key, caller);
        Message message = messages.render(review, team.team().name(), key, null);
        List<Destination> destinations = targets(team).stream()
                .map(target -> new Destination(target.channel().wireName(), target.recipient(), target.reason()))
                .toList();
        return new Preview(key, review.week(), message.subject(), message.text(), message.html(), message.mrkdwn(),
                destinations);
    }

    /**
     * Sends the team's digest of {@code week} (null: the last complete week) now, on each of its channels; 409 when
     * that week's digest was planned or sent already, unless {@code force}.
     */
    Sent send(String key, @Nullable String week, boolean force, Caller caller) {
        TeamProfile team = reachable(key, caller);
        String reviewed = reviews.review(week, key, caller).week();
        String subject = Notification.teamSubject(team.team().id());
        String occasion = reviewed;
        if (notifications.hasDigest(subject, reviewed)) {
            if (!force) {
                throw new HttpStatusException(HttpStatus.CONFLICT, "week: team '" + key + "' has its digest of "
                        + reviewed + " already; force=true sends it again");
            }
            occasion = reviewed + " forced " + LocalDateTime.now(clock);
        }
        LocalDate today = clock.instant().atZone(schedules.zone(settings.find(team.team().id()))).toLocalDate();
        final String planned = occasion;
        notifications.plan(targets(team).stream()
                .map(target -> NotificationPlanner.row(NotificationKind.DIGEST, subject, planned, target, null,
                        team.team().id(), null, null, today))
                .toList(), LocalDateTime.now(clock));
        List<Long> ids = notifications.findOccasion(subject, NotificationKind.DIGEST, occasion).stream()
                .map(Notification::id).toList();
        List<NotificationResponse> after = sender.sendNow(ids).stream()
                .map(row -> NotificationResponse.of(row, key)).toList();
        return new Sent(key, reviewed, after);
    }

    private List<Target> targets(TeamProfile team) {
        return Recipients.digest(settings.find(team.team().id()), team.team().teamKey(), mail.configured());
    }

    /** The team, or 404 for a key no team has and for another team than a scoped token's own. */
    private TeamProfile reachable(String key, Caller caller) {
        TeamProfile team = teams.find(key);
        if (!caller.reaches(team.team().id())) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no team with key '" + key + "'");
        }
        return team;
    }
}
