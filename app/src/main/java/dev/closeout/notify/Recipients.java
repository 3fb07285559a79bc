package dev.closeout.notify;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * Who gets what (docs/notifications.md, "Who gets what"). A reminder goes to its owner's address: the owner
 * itself when it is an e-mail address, else the one the team's {@code members} give the name; an owner with no
 * address, or no owner, is the team's business and goes to the team's channels (list address, Slack, webhook).
 * An escalation goes to the team's escalation contact; a digest to the team's channels. E-mail counts only when
 * SMTP is set up. Nobody reachable is one target, {@link Channel#NONE}, whose reason the skipped row keeps.
 */
final class Recipients {

    /** Where one message goes: a channel and, for e-mail, the address; or nobody, and why. */
    record Target(Channel channel, @Nullable String recipient, @Nullable String reason) {

        static Target nobody(String reason) {
            return new Target(Channel.NONE, null, reason);
        }
    }

    private Recipients() {
    }

    static boolean isEmail(@Nullable String text) {
        return text != null && TeamNotify.isEmailAddress(text.strip());
    }

    static List<Target> reminder(@Nullable String owner, @Nullable TeamNotify team, @Nullable String teamKey,
                                 boolean mail) {
        String address = isEmail(owner) ? owner.strip() : team == null ? null : team.memberAddress(owner);
        if (address != null && mail) {
            return List.of(new Target(Channel.EMAIL, address, null));
        }
        List<Target> channels = teamChannels(team, mail);
        if (!channels.isEmpty()) {
            return channels;
        }
        String who = owner == null ? "the follow-up has no owner" : address != null
                ? "owner '" + owner + "' has an e-mail address but e-mail is off (closeout.notify.smtp.host is not set)"
                : "owner '" + owner + "' has no e-mail address (not one, and not in the team's members)";
        if (team == null) {
            return List.of(Target.nobody(who + (owner == null ? " and no team" : ", and the follow-up has no team")));
        }
        return List.of(Target.nobody(who + ", and team '" + teamKey + "' has " + noChannel(team, mail)));
    }

    static List<Target> escalation(@Nullable TeamNotify team, @Nullable String teamKey, boolean mail) {
        if (team == null) {
            return List.of(Target.nobody("the follow-up has no team, so no escalation contact"));
        }
        String contact = team.escalationContact();
        if (contact == null) {
            return List.of(Target.nobody("team '" + teamKey + "' has no escalation_contact"));
        }
        if (isEmail(contact)) {
            return mail ? List.of(new Target(Channel.EMAIL, contact.strip(), null))
                    : List.of(Target.nobody("team '" + teamKey
                    + "' escalates by e-mail, and e-mail is off (closeout.notify.smtp.host is not set)"));
        }
        return List.of(new Target(Channel.SLACK, Notification.ESCALATION_CHANNEL, null));
    }

    static List<Target> digest(TeamNotify team, String teamKey, boolean mail) {
        List<Target> channels = teamChannels(team, mail);
        return channels.isEmpty() ? List.of(Target.nobody("team '" + teamKey + "' has " + noChannel(team, mail)))
                : channels;
    }

    private static List<Target> teamChannels(@Nullable TeamNotify team, boolean mail) {
        List<Target> targets = new ArrayList<>();
        if (team == null) {
            return targets;
        }
        if (team.email() != null && mail) {
            targets.add(new Target(Channel.EMAIL, team.email(), null));
        }
        if (team.slackWebhookUrl() != null) {
            targets.add(new Target(Channel.SLACK, Notification.TEAM_CHANNEL, null));
        }
        if (team.webhookUrl() != null) {
            targets.add(new Target(Channel.WEBHOOK, Notification.TEAM_CHANNEL, null));
        }
        return targets;
    }

    private static String noChannel(TeamNotify team, boolean mail) {
        return team.email() != null && !mail
                ? "only an e-mail address, and e-mail is off (closeout.notify.smtp.host is not set)"
                : "no email, slack_webhook_url or webhook_url";
    }
}
