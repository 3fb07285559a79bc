package dev.closeout.team;

import dev.closeout.jira.CustomFieldTemplate;
import dev.closeout.jira.TeamJira;
import dev.closeout.jira.TeamJiraSettings;
import dev.closeout.notify.ReminderOffsets;
import dev.closeout.notify.SecretUrls;
import dev.closeout.notify.TeamNotify;
import dev.closeout.notify.TeamNotifySettings;
import dev.closeout.team.TeamPatch.Change;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Creates and changes teams with their services, due-date policy, Jira and notification settings, each in one
 * transaction: a request
 * that breaks a rule (400), names an unknown team (404) or collides with another team (409) writes nothing.
 * Rule violations are {@link IllegalArgumentException}s naming the field.
 */
@Singleton
public class Teams {

    private final TeamRepository teams;
    private final ServiceOwnershipRepository services;
    private final PriorityDueDaysRepository priorities;
    private final TeamQueries queries;
    private final TeamJiraSettings jira;
    private final TeamNotifySettings notify;
    private final CustomFieldTemplate templates;
    private final ServiceClaims claims;
    private final Clock clock;

    Teams(TeamRepository teams, ServiceOwnershipRepository services, PriorityDueDaysRepository priorities,
          TeamQueries queries, TeamJiraSettings jira, TeamNotifySettings notify, CustomFieldTemplate templates,
          ServiceClaims claims, Clock clock) {
        this.teams = teams;
        this.services = services;
        this.priorities = priorities;
        this.queries = queries;
        this.jira = jira;
        this.notify = notify;
        this.templates = templates;
        this.claims = claims;
        this.clock = clock;
    }

    /**
     * A new team, which takes the follow-ups of its services that have no team ({@link ServiceClaims}), by
     * {@code actor}, in the same transaction.
     */
    @Transactional
    public TeamSaved create(CreateTeamRequest request, String actor) {
        DuePolicy policy = (request.duePolicy() == null ? DuePolicy.INHERITED : request.duePolicy())
                .validated("due_policy");
        Team team = Team.create(request.key(), request.name(), request.defaultOwner(), request.jiraProject(), policy,
                LocalDateTime.now(clock));
        List<String> owned = serviceNames(request.services());
        TeamJira jiraSettings = jira.checked(new TeamJira(0, request.jiraIssueType(), request.jiraLabels(),
                request.jiraComponents(), request.jiraPriorityMap(), customFields(request.jiraCustomFields()),
                request.jiraNotDoingResolutions()), TeamJiraSettings.API_NAMES);
        TeamNotify notifySettings = notify.checked(new TeamNotify(0, timeZone(request.timeZone()), request.email(),
                request.slackWebhookUrl(), request.webhookUrl(), request.escalationContact(), request.members(),
                reminderOffsets(request.reminderOffsets())));
        if (teams.existsByTeamKey(team.teamKey())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "key: a team with key '" + team.teamKey() + "' exists");
        }
        requireUnowned(owned, null);
        Team saved = teams.save(team);
        // before the service rows: ServiceClaims says why
        int assigned = claims.claim(saved.id(), saved.teamKey(), owned, actor);
        storeServices(saved.id(), owned);
        storePriorities(saved.id(), policy.priorityDays());
        jira.store(jiraSettings.withTeamId(saved.id()));
        notify.store(notifySettings.withTeamId(saved.id()));
        return new TeamSaved(profile(saved.teamKey()), assigned);
    }

    /**
     * The team changed by {@code patch}; services it is given take their follow-ups that have no team
     * ({@link ServiceClaims}), by {@code actor}, in the same transaction. Follow-ups of services it gives up keep it.
     */
    @Transactional
    public TeamSaved update(String key, TeamPatch patch, String actor) {
        TeamProfile current = find(key);
        Team team = current.team();
        if (patch.key() != null && !key.equals(patch.key().value())) {
            throw new IllegalArgumentException("key: a team's key cannot change (tokens and links use it)");
        }
        DuePolicy policy = new DuePolicy(Change.applied(patch.correctiveDays(), team.correctiveDays()),
                Change.applied(patch.preventativeDays(), team.preventativeDays()),
                Change.applied(patch.priorityDays(), current.duePolicy().priorityDays())).validated("due_policy");
        Team changed = team.changed(Change.applied(patch.name(), team.name()),
                Change.applied(patch.defaultOwner(), team.defaultOwner()),
                Change.applied(patch.jiraProject(), team.jiraProject()),
                policy.correctiveDays(), policy.preventativeDays(), LocalDateTime.now(clock));
        TeamJira jiraSettings = jiraSettings(team.id(), patch);
        TeamNotify notifySettings = notifySettings(team.id(), patch);
        teams.update(changed);
        int assigned = 0;
        if (patch.services() != null) {
            List<String> owned = serviceNames(patch.services().value());
            requireUnowned(owned, team.id());
            // before the service rows change: ServiceClaims says why
            assigned = claims.claim(team.id(), team.teamKey(), owned, actor);
            services.deleteByTeamId(team.id());
            storeServices(team.id(), owned);
        }
        if (patch.priorityDays() != null) {
            priorities.deleteByTeamId(team.id());
            storePriorities(team.id(), policy.priorityDays());
        }
        if (jiraSettings != null) {
            jira.store(jiraSettings);
        }
        if (notifySettings != null) {
            notify.store(notifySettings);
        }
        return new TeamSaved(profile(key), assigned);
    }

    /** The team's Jira settings after the patch, checked; null when the patch leaves them alone. */
    private @Nullable TeamJira jiraSettings(long teamId, TeamPatch patch) {
        if (patch.jiraIssueType() == null && patch.jiraLabels() == null && patch.jiraComponents() == null
                && patch.jiraPriorityMap() == null && patch.jiraCustomFields() == null
                && patch.jiraNotDoingResolutions() == null) {
            return null;
        }
        TeamJira current = jira.find(teamId);
        Map<String, String> customFields = patch.jiraCustomFields() == null ? current.customFields()
                : customFields(patch.jiraCustomFields().value());
        return jira.checked(new TeamJira(teamId, Change.applied(patch.jiraIssueType(), current.issueType()),
                Change.applied(patch.jiraLabels(), current.labels()),
                Change.applied(patch.jiraComponents(), current.components()),
                Change.applied(patch.jiraPriorityMap(), current.priorityMap()), customFields,
                Change.applied(patch.jiraNotDoingResolutions(), current.notDoingResolutions())),
                TeamJiraSettings.API_NAMES);
    }

    /**
     * The team's notification settings after the patch, checked; null when the patch leaves them alone. A webhook
     * URL sent back as the API shows it, redacted, keeps the stored one: a client that read the team and sends it
     * back changed nothing.
     */
    private @Nullable TeamNotify notifySettings(long teamId, TeamPatch patch) {
        if (patch.timeZone() == null && patch.email() == null && patch.slackWebhookUrl() == null
                && patch.webhookUrl() == null && patch.escalationContact() == null && patch.members() == null
                && patch.reminderOffsets() == null) {
            return null;
        }
        TeamNotify current = notify.find(teamId);
        return notify.checked(new TeamNotify(teamId,
                patch.timeZone() == null ? current.timeZone() : timeZone(patch.timeZone().value()),
                Change.applied(patch.email(), current.email()),
                secretUrl(patch.slackWebhookUrl(), current.slackWebhookUrl()),
                secretUrl(patch.webhookUrl(), current.webhookUrl()),
                secretUrl(patch.escalationContact(), current.escalationContact()),
                Change.applied(patch.members(), current.members()),
                patch.reminderOffsets() == null ? current.reminderOffsets()
                        : reminderOffsets(patch.reminderOffsets().value())));
    }

    private static @Nullable String secretUrl(@Nullable Change<String> change, @Nullable String current) {
        return change != null && SecretUrls.isRedactionOf(change.value(), current) ? current
                : Change.applied(change, current);
    }

    private static @Nullable ZoneId timeZone(@Nullable String id) {
        return id == null ? null : TeamNotifySettings.timeZone("time_zone", id);
    }

    private static @Nullable List<Integer> reminderOffsets(@Nullable List<String> offsets) {
        return offsets == null ? null : ReminderOffsets.parse("reminder_offsets", offsets);
    }

    private @Nullable Map<String, String> customFields(@Nullable JsonNode templatesJson) {
        return templatesJson == null || templatesJson.isNull() ? null
                : templates.read(TeamJiraSettings.API_NAMES.apply("custom_fields"), templatesJson);
    }

    /** The team with {@code key}, or a 404 naming it. */
    public TeamProfile find(String key) {
        return queries.findByKey(key).orElseThrow(() -> notFound(key));
    }

    static HttpStatusException notFound(String key) {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "no team with key '" + key + "'");
    }

    private TeamProfile profile(String key) {
        return queries.findByKey(key).orElseThrow();
    }

    private void requireUnowned(List<String> owned, @Nullable Long teamId) {
        Map<String, String> elsewhere = queries.ownedElsewhere(owned, teamId);
        if (!elsewhere.isEmpty()) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "services: " + elsewhere.entrySet().stream()
                    .map(owner -> "'" + owner.getKey() + "' is owned by team '" + owner.getValue() + "'")
                    .collect(Collectors.joining(", ")));
        }
    }

    private void storeServices(long teamId, List<String> owned) {
        owned.forEach(service -> services.save(new ServiceOwnership(service, teamId)));
    }

    private void storePriorities(long teamId, Map<String, Integer> days) {
        days.forEach((priority, value) -> priorities.save(new PriorityDueDays(null, teamId, priority, value)));
    }

    /** Service names in their stored spelling, each once; throws naming {@code services} when one is blank or long. */
    private static List<String> serviceNames(@Nullable List<String> names) {
        if (names == null) {
            return List.of();
        }
        TreeSet<String> normalized = new TreeSet<>();
        for (String name : names) {
            String service = name == null ? "" : ServiceOwnership.normalize(name);
            if (service.isEmpty() || service.length() > ServiceOwnership.MAX_NAME) {
                throw new IllegalArgumentException("services: a service name must be 1 to "
                        + ServiceOwnership.MAX_NAME + " characters, was " + (name == null ? "null" : "'" + name + "'"));
            }
            normalized.add(service);
        }
        return List.copyOf(normalized);
    }
}
