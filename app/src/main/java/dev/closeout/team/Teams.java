package dev.closeout.team;

import dev.closeout.team.TeamPatch.Change;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Creates and changes teams with their services and due-date policy, each in one transaction: a request
 * that breaks a rule (400), names an unknown team (404) or collides with another team (409) writes nothing.
 * Rule violations are {@link IllegalArgumentException}s naming the field.
 */
@Singleton
public class Teams {

    private final TeamRepository teams;
    private final ServiceOwnershipRepository services;
    private final PriorityDueDaysRepository priorities;
    private final TeamQueries queries;
    private final Clock clock;

    Teams(TeamRepository teams, ServiceOwnershipRepository services, PriorityDueDaysRepository priorities,
          TeamQueries queries, Clock clock) {
        this.teams = teams;
        this.services = services;
        this.priorities = priorities;
        this.queries = queries;
        this.clock = clock;
    }

    @Transactional
    public TeamProfile create(CreateTeamRequest request) {
        DuePolicy policy = (request.duePolicy() == null ? DuePolicy.INHERITED : request.duePolicy())
                .validated("due_policy");
        Team team = Team.create(request.key(), request.name(), request.defaultOwner(), request.jiraProject(), policy,
                LocalDateTime.now(clock));
        List<String> owned = serviceNames(request.services());
        if (teams.existsByTeamKey(team.teamKey())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "key: a team with key '" + team.teamKey() + "' exists");
        }
        requireUnowned(owned, null);
        Team saved = teams.save(team);
        storeServices(saved.id(), owned);
        storePriorities(saved.id(), policy.priorityDays());
        return profile(saved.teamKey());
    }

    @Transactional
    public TeamProfile update(String key, TeamPatch patch) {
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
        teams.update(changed);
        if (patch.services() != null) {
            List<String> owned = serviceNames(patch.services().value());
            requireUnowned(owned, team.id());
            services.deleteByTeamId(team.id());
            storeServices(team.id(), owned);
        }
        if (patch.priorityDays() != null) {
            priorities.deleteByTeamId(team.id());
            storePriorities(team.id(), policy.priorityDays());
        }
        return profile(key);
    }

    /** The team with {@code key}, or a 404 naming it. */
    public TeamProfile find(String key) {
        return queries.findByKey(key).orElseThrow(() ->
                new HttpStatusException(HttpStatus.NOT_FOUND, "no team with key '" + key + "'"));
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
