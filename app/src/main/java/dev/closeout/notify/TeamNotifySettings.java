package dev.closeout.notify;

import dev.closeout.action.OwnerKey;
import dev.closeout.db.jooq.tables.records.TeamNotifyRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.closeout.db.jooq.Tables.TEAM_NOTIFY;

/**
 * Checks and stores teams' own notification settings ({@link TeamNotify}, table {@code team_notify}), and says what
 * a team gets where it sets nothing. A value that breaks a rule is an {@link IllegalArgumentException} naming the
 * field as the API spells it; a webhook URL is never part of the message.
 */
@Singleton
public class TeamNotifySettings {

    static final int MAX_MEMBERS = 500;
    static final int MAX_MEMBER_NAME = 200;
    // the sizes of team_notify's columns (V20)
    static final int MAX_URL = 1000;
    static final int MAX_MEMBERS_TEXT = 8000;
    static final int MAX_OFFSETS_TEXT = 200;

    private static final Set<String> HTTP = Set.of("http", "https");
    private static final Argument<Map<String, String>> MEMBERS = Argument.mapOf(String.class, String.class);

    private final DSLContext dsl;
    private final JsonMapper json;
    private final ZoneId defaultZone;
    private final List<Integer> defaultOffsets;

    TeamNotifySettings(DSLContext dsl, JsonMapper json, NotifyConfiguration configuration) {
        this.dsl = dsl;
        this.json = json;
        this.defaultZone = configuration.timeZone();
        this.defaultOffsets = ReminderOffsets.parse(NotifyConfiguration.PREFIX + ".reminder-offsets",
                configuration.reminderOffsets());
    }

    /**
     * The region {@code id} names, e.g. Europe/Berlin; throws naming {@code field} for anything else. A fixed offset
     * ({@code +02:00}) is refused too: a team's 09:00 should follow its summer time.
     */
    public static ZoneId timeZone(String field, String id) {
        String region = id.strip();
        if (!ZoneId.getAvailableZoneIds().contains(region)) {
            throw new IllegalArgumentException(field + ": '" + id + "' is not a time zone region like Europe/Berlin"
                    + " or America/New_York");
        }
        return ZoneId.of(region);
    }

    /**
     * {@code settings} with addresses and URLs stripped, members sorted and offsets sorted, each once; throws
     * {@link IllegalArgumentException} naming the first field that breaks a rule or does not fit the table.
     */
    public TeamNotify checked(TeamNotify settings) {
        ZoneId zone = settings.timeZone();
        if (zone != null) {
            // a fixed offset's id (+02:00, Z) is not a region's
            timeZone("time_zone", zone.getId());
        }
        // in the order the API lists the fields, so the first one broken is named
        String email = email(settings.email(), "email");
        String slack = webhookUrl(settings.slackWebhookUrl(), "slack_webhook_url", "an http or https URL");
        String webhook = webhookUrl(settings.webhookUrl(), "webhook_url", "an http or https URL");
        String escalation = settings.escalationContact() == null ? null : settings.escalationContact().strip();
        if (escalation != null && !TeamNotify.isEmailAddress(escalation)) {
            escalation = webhookUrl(escalation, "escalation_contact", "an e-mail address or an http or https URL of "
                    + "the escalation channel's incoming webhook");
        }
        TeamNotify checked = new TeamNotify(settings.teamId(), zone, email, slack, webhook, escalation,
                members(settings.members()), reminderOffsets(settings.reminderOffsets()));
        String membersText = membersText(checked.members());
        if (membersText != null && membersText.length() > MAX_MEMBERS_TEXT) {
            throw new IllegalArgumentException("members: too long; at most " + MAX_MEMBERS_TEXT
                    + " characters stored, was " + membersText.length());
        }
        String offsetsText = offsetsText(checked.reminderOffsets());
        if (offsetsText != null && offsetsText.length() > MAX_OFFSETS_TEXT) {
            throw new IllegalArgumentException("reminder_offsets: too many; at most " + MAX_OFFSETS_TEXT
                    + " characters stored, was " + offsetsText.length());
        }
        return checked;
    }

    /** Stores a team's settings, checked; a team that sets nothing keeps no row. */
    @Transactional
    public void store(TeamNotify settings) {
        if (settings.isEmpty()) {
            dsl.deleteFrom(TEAM_NOTIFY).where(TEAM_NOTIFY.TEAM_ID.eq(settings.teamId())).execute();
            return;
        }
        TeamNotifyRecord row = row(settings);
        // update, else insert: jOOQ's upsert renders MySQL 8's "AS excluded", which MariaDB refuses
        if (dsl.executeUpdate(row) == 0) {
            dsl.executeInsert(row);
        }
    }

    /** The team's own settings; {@link TeamNotify#none} when it sets nothing. */
    @ReadOnly
    public TeamNotify find(long teamId) {
        return dsl.selectFrom(TEAM_NOTIFY).where(TEAM_NOTIFY.TEAM_ID.eq(teamId)).fetchOptional()
                .map(this::settings).orElseGet(() -> TeamNotify.none(teamId));
    }

    /** The settings of these teams, in one query; a team that sets nothing is left out. */
    @ReadOnly
    public Map<Long, TeamNotify> findAll(Collection<Long> teamIds) {
        if (teamIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, TeamNotify> found = new HashMap<>();
        dsl.selectFrom(TEAM_NOTIFY).where(TEAM_NOTIFY.TEAM_ID.in(teamIds)).fetch()
                .forEach(row -> found.put(row.getTeamId(), settings(row)));
        return found;
    }

    /** The zone the team's reminders and digests are timed in: its own, else {@code closeout.notify.time-zone}. */
    public ZoneId timeZone(TeamNotify team) {
        return team.timeZone() == null ? defaultZone : team.timeZone();
    }

    /** The days from the due date the team's owners are reminded at: its own, else the configuration's. */
    public List<Integer> reminderOffsets(TeamNotify team) {
        return team.reminderOffsets() == null ? defaultOffsets : team.reminderOffsets();
    }

    private TeamNotifyRecord row(TeamNotify settings) {
        TeamNotifyRecord row = new TeamNotifyRecord();
        row.setTeamId(settings.teamId());
        row.setTimeZone(settings.timeZone() == null ? null : settings.timeZone().getId());
        row.setEmail(settings.email());
        row.setSlackWebhookUrl(settings.slackWebhookUrl());
        row.setWebhookUrl(settings.webhookUrl());
        row.setEscalationContact(settings.escalationContact());
        row.setMembers(membersText(settings.members()));
        row.setReminderOffsets(offsetsText(settings.reminderOffsets()));
        return row;
    }

    private TeamNotify settings(TeamNotifyRecord row) {
        Map<String, String> members;
        try {
            members = row.getMembers() == null ? Map.of() : json.readValue(row.getMembers(), MEMBERS);
        } catch (IOException e) {
            throw new UncheckedIOException("team_notify.members is not a JSON object of strings", e);
        }
        return new TeamNotify(row.getTeamId(), row.getTimeZone() == null ? null : ZoneId.of(row.getTimeZone()),
                row.getEmail(), row.getSlackWebhookUrl(), row.getWebhookUrl(), row.getEscalationContact(), members,
                row.getReminderOffsets() == null ? null : ReminderOffsets.parse("team_notify.reminder_offsets",
                        Arrays.asList(row.getReminderOffsets().split(","))));
    }

    /** The members as stored: a JSON object, sorted by name; none is NULL. */
    private @Nullable String membersText(Map<String, String> members) {
        try {
            return members.isEmpty() ? null : json.writeValueAsString(new TreeMap<>(members));
        } catch (IOException e) {
            throw new UncheckedIOException("a map of strings always writes", e);
        }
    }

    private static @Nullable String offsetsText(@Nullable List<Integer> days) {
        return days == null ? null : String.join(",", ReminderOffsets.format(days));
    }

    private static @Nullable String email(@Nullable String address, String field) {
        if (address == null) {
            return null;
        }
        String stripped = address.strip();
        if (!TeamNotify.isEmailAddress(stripped)) {
            throw new IllegalArgumentException(field + ": '" + address + "' is not one e-mail address like"
                    + " team@example.com");
        }
        return stripped;
    }

    /** {@code url} stripped; throws naming {@code field}, never showing the URL, which carries a token. */
    private static @Nullable String webhookUrl(@Nullable String url, String field, String what) {
        if (url == null) {
            return null;
        }
        String stripped = url.strip();
        if (SecretUrls.isRedacted(stripped)) {
            throw new IllegalArgumentException(field + ": a redacted URL (ending in " + SecretUrls.HIDDEN
                    + ") cannot be stored; send the whole URL, or leave the field out to keep the one set");
        }
        if (stripped.length() > MAX_URL) {
            throw new IllegalArgumentException(field + ": too long; at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(stripped);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + ": must be " + what);
        }
        if (uri.getScheme() == null || !HTTP.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(field + ": must be " + what);
        }
        return stripped;
    }

    private static Map<String, String> members(Map<String, String> members) {
        if (members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("members: at most " + MAX_MEMBERS + " people, was " + members.size());
        }
        Map<String, String> checked = new TreeMap<>();
        Map<String, String> byKey = new HashMap<>();
        // by name, so the same members are refused for the same reason whatever order they came in
        new TreeMap<>(members).forEach((name, address) -> {
            String stripped = name == null ? "" : name.strip();
            if (stripped.isEmpty() || stripped.length() > MAX_MEMBER_NAME || OwnerKey.of(stripped).isEmpty()) {
                throw new IllegalArgumentException("members: a name must be 1 to " + MAX_MEMBER_NAME
                        + " characters and name someone, was '" + name + "'");
            }
            String other = byKey.put(OwnerKey.of(stripped), stripped);
            if (other != null) {
                throw new IllegalArgumentException("members: '" + other + "' and '" + stripped + "' are the same"
                        + " person; names compare as owners do, without case or a leading @");
            }
            if (address == null) {
                throw new IllegalArgumentException("members." + stripped + ": must be an e-mail address; leave the"
                        + " name out to remove the person");
            }
            checked.put(stripped, email(address, "members." + stripped));
        });
        return checked;
    }

    private static @Nullable List<Integer> reminderOffsets(@Nullable List<Integer> days) {
        if (days == null) {
            return null;
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("reminder_offsets: must list at least one offset, e.g. [\"-3d\", \"0d\","
                    + " \"+1d\"], or be null to take the configuration's");
        }
        for (Integer day : days) {
            if (day == null || Math.abs(day) > ReminderOffsets.MAX_DAYS) {
                throw new IllegalArgumentException("reminder_offsets: " + day + " days is more than a year from the"
                        + " due date");
            }
        }
        return days.stream().collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }
}
