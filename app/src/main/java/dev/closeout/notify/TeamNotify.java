package dev.closeout.notify;

import dev.closeout.action.OwnerKey;
import io.micronaut.core.annotation.Nullable;

import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A team's own notification settings, as set through the team API and checked by {@link TeamNotifySettings}:
 * where its reminders, escalations and digests go, and when. A team that sets nothing has no row
 * ({@link #none}); {@code timeZone} and {@code reminderOffsets} null take {@code closeout.notify.*}.
 *
 * @param teamId            the team
 * @param timeZone          the zone of the local time reminders and digests go at (a region, e.g. Europe/Berlin)
 * @param email             the team's own address, for follow-ups whose owner has no address
 * @param slackWebhookUrl   the team channel's Slack incoming webhook; a secret (its token is in the path)
 * @param webhookUrl        a generic webhook the team's notifications are posted to as JSON; a secret
 * @param escalationContact an e-mail address or a Slack-compatible incoming webhook (then a secret), told of
 *                          follow-ups overdue too long
 * @param members           owner name as follow-ups name it → e-mail address, sorted by name; never null
 * @param reminderOffsets   days from the due date the owner is reminded at, sorted, each once
 */
public record TeamNotify(long teamId,
                         @Nullable ZoneId timeZone,
                         @Nullable String email,
                         @Nullable String slackWebhookUrl,
                         @Nullable String webhookUrl,
                         @Nullable String escalationContact,
                         Map<String, String> members,
                         @Nullable List<Integer> reminderOffsets) {

    /**
     * One address, strictly: a local part of the characters RFC 5322 allows unquoted, dots only between them, and
     * a domain of DNS labels ending in a letters-only top-level domain. No spaces or commas, so a list of
     * addresses pasted into one field is refused rather than sent to nobody.
     */
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");
    /** The longest address SMTP carries (64 for the local part, 255 for the domain) and the column holds. */
    static final int MAX_EMAIL = 320;

    public TeamNotify {
        members = members == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(members));
        reminderOffsets = reminderOffsets == null ? null : List.copyOf(reminderOffsets);
    }

    /** A team that sets nothing of its own. */
    public static TeamNotify none(long teamId) {
        return new TeamNotify(teamId, null, null, null, null, null, Map.of(), null);
    }

    /** These settings for the team {@code id}: a new team's settings are checked before it has one. */
    public TeamNotify withTeamId(long id) {
        return new TeamNotify(id, timeZone, email, slackWebhookUrl, webhookUrl, escalationContact, members,
                reminderOffsets);
    }

    /** True when the team sets nothing: no row is kept. */
    public boolean isEmpty() {
        return timeZone == null && email == null && slackWebhookUrl == null && webhookUrl == null
                && escalationContact == null && members.isEmpty() && reminderOffsets == null;
    }

    /**
     * The address {@code members} gives {@code owner}, matching names as the owner filters do ({@link OwnerKey}):
     * "@amira", "Amira" and "amira" are one person. Null when the owner is not a member.
     */
    public @Nullable String memberAddress(@Nullable String owner) {
        if (owner == null) {
            return null;
        }
        String key = OwnerKey.of(owner);
        if (key.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, String> member : members.entrySet()) {
            if (OwnerKey.of(member.getKey()).equals(key)) {
                return member.getValue();
            }
        }
        return null;
    }

    /** Whether the escalation contact is an e-mail address rather than a webhook; false when there is none. */
    public boolean escalationIsEmail() {
        return escalationContact != null && isEmailAddress(escalationContact);
    }

    /** Whether {@code text} is one e-mail address, as the settings and the owner's own address must be. */
    public static boolean isEmailAddress(@Nullable String text) {
        return text != null && text.length() <= MAX_EMAIL && text.indexOf('@') <= 64 && EMAIL.matcher(text).matches();
    }

    /** Without the webhook URLs, which carry their token: a record's own text would show them in a log. */
    @Override
    public String toString() {
        return "TeamNotify[teamId=" + teamId + ", timeZone=" + timeZone + ", email=" + email
                + ", slackWebhookUrl=" + SecretUrls.redacted(slackWebhookUrl)
                + ", webhookUrl=" + SecretUrls.redacted(webhookUrl)
                + ", escalationContact=" + (escalationIsEmail() ? escalationContact
                : SecretUrls.redacted(escalationContact))
                + ", members=" + members + ", reminderOffsets=" + reminderOffsets + "]";
    }
}
