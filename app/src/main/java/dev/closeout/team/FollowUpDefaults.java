package dev.closeout.team;

import dev.closeout.action.ActionItem;
import dev.closeout.action.DueSource;
import dev.closeout.action.OwnerSource;
import dev.closeout.postmortem.Postmortem;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a follow-up gets when the postmortem leaves it out: the team owning the postmortem's service (or the
 * importing token's team when no team owns it), that team's default owner, and a due date from the due-date policy (the team's over the global one). What the
 * postmortem states is kept.
 */
@Singleton
public class FollowUpDefaults {

    private final TeamQueries teams;
    private final DuePolicy globalPolicy;

    FollowUpDefaults(TeamQueries teams, DuePolicyConfiguration policy) {
        this.teams = teams;
        this.globalPolicy = policy.policy();
    }

    /**
     * {@code fresh}, an action just extracted from {@code postmortem}, with its team, owner and due date
     * filled in. The team is the one owning the postmortem's service, else {@code importingTeamId} (the
     * team of the token importing it, which must see what it imported), else none.
     */
    public ActionItem complete(ActionItem fresh, Postmortem postmortem, @Nullable Long importingTeamId) {
        return of(postmortem, importingTeamId).complete(fresh);
    }

    /**
     * The defaults of {@code postmortem}'s follow-ups, read once for all of them (one statement); see
     * {@link #complete(ActionItem, Postmortem, Long)}.
     */
    public Completion of(Postmortem postmortem, @Nullable Long importingTeamId) {
        return of(postmortem, importingTeamId, null);
    }

    /**
     * As {@link #of(Postmortem, Long)}, the teams looked up once per {@code batch} (null: looked up now).
     */
    public Completion of(Postmortem postmortem, @Nullable Long importingTeamId, @Nullable TeamsOfBatch batch) {
        Optional<FollowUpTeam> team = postmortem.service() == null || postmortem.service().isBlank()
                ? Optional.empty() : ofService(postmortem.service(), batch);
        if (team.isEmpty() && importingTeamId != null) {
            team = batch == null ? teams.followUpTeam(importingTeamId)
                    : batch.byTeam.computeIfAbsent(importingTeamId, teams::followUpTeam);
        }
        return new Completion(team.orElse(null), countedFrom(postmortem),
                team.map(found -> found.effectivePolicy(globalPolicy)).orElse(globalPolicy));
    }

    private Optional<FollowUpTeam> ofService(String service, @Nullable TeamsOfBatch batch) {
        return batch == null ? teams.followUpTeamOfService(service)
                : batch.byService.computeIfAbsent(ServiceOwnership.normalize(service), teams::followUpTeamOfService);
    }

    /**
     * The teams (and their defaults) of one batch of imports, each looked up by the first import that needs it:
     * a batch of a hundred postmortems of a few dozen services reads each service's team once, not once per
     * postmortem. The batch's follow-ups take the teams as they were when the batch began, as they would
     * had the batch been one import. Safe to share between the batch's threads; keep one no longer than a
     * batch, since a change to a team is not seen by it.
     */
    public static final class TeamsOfBatch {

        private final Map<String, Optional<FollowUpTeam>> byService = new ConcurrentHashMap<>();
        private final Map<Long, Optional<FollowUpTeam>> byTeam = new ConcurrentHashMap<>();
    }

    /** What one postmortem's new follow-ups get: its team (null for none), the day due dates count from. */
    public record Completion(@Nullable FollowUpTeam team, LocalDate countedFrom, DuePolicy policy) {

        /** {@code fresh} with its team, owner and due date filled in where the postmortem left them out. */
        public ActionItem complete(ActionItem fresh) {
            Long teamId = fresh.teamId() != null ? fresh.teamId() : team == null ? null : team.teamId();
            String owner = fresh.owner();
            OwnerSource ownerSource = fresh.ownerSource();
            if (owner == null && team != null && team.defaultOwner() != null) {
                owner = team.defaultOwner();
                ownerSource = OwnerSource.TEAM;
            }
            LocalDate due = fresh.dueDate();
            DueSource dueSource = fresh.dueSource();
            if (due == null) {
                due = policy.dueDate(countedFrom, fresh.kind(), fresh.priority());
                dueSource = DueSource.POLICY;
            }
            return new ActionItem(fresh.id(), fresh.postmortemId(), fresh.position(), fresh.text(), fresh.kind(),
                    fresh.group(), owner, ownerSource, teamId, due, dueSource, fresh.priority(), fresh.status(),
                    fresh.statusReason(), fresh.ticketRef(), fresh.sourceLine(), fresh.removedFromSource(),
                    fresh.origin(), fresh.dismissed(), fresh.dismissalReason(), fresh.createdAt(), fresh.updatedAt(),
                    fresh.closedAt(), fresh.snoozedUntil(), fresh.version());
        }
    }

    /** The day the policy counts from: the incident's start, or the import when the postmortem gives none. */
    static LocalDate countedFrom(Postmortem postmortem) {
        return (postmortem.incidentStart() != null ? postmortem.incidentStart() : postmortem.createdAt()).toLocalDate();
    }
}
