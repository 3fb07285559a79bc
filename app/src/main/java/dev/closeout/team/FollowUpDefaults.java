package dev.closeout.team;

import dev.closeout.action.ActionItem;
import dev.closeout.action.DueSource;
import dev.closeout.postmortem.Postmortem;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Optional;

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
        Optional<TeamProfile> team = postmortem.service() == null || postmortem.service().isBlank()
                ? Optional.empty() : teams.findByService(postmortem.service());
        if (team.isEmpty() && importingTeamId != null) {
            team = teams.findById(importingTeamId);
        }
        Long teamId = fresh.teamId() != null ? fresh.teamId() : team.map(profile -> profile.team().id()).orElse(null);
        String owner = fresh.owner() != null ? fresh.owner()
                : team.map(profile -> profile.team().defaultOwner()).orElse(null);
        LocalDate due = fresh.dueDate();
        DueSource dueSource = fresh.dueSource();
        if (due == null) {
            DuePolicy policy = team.map(profile -> profile.effectivePolicy(globalPolicy)).orElse(globalPolicy);
            due = policy.dueDate(countedFrom(postmortem), fresh.kind(), fresh.priority());
            dueSource = DueSource.POLICY;
        }
        return new ActionItem(fresh.id(), fresh.postmortemId(), fresh.position(), fresh.text(), fresh.kind(),
                fresh.group(), owner, teamId, due, dueSource, fresh.priority(), fresh.status(), fresh.statusReason(),
                fresh.ticketRef(), fresh.sourceLine(), fresh.removedFromSource(), fresh.createdAt(),
                fresh.updatedAt(), fresh.closedAt(), fresh.version());
    }

    /** The day the policy counts from: the incident's start, or the import when the postmortem gives none. */
    static LocalDate countedFrom(Postmortem postmortem) {
        return (postmortem.incidentStart() != null ? postmortem.incidentStart() : postmortem.createdAt()).toLocalDate();
    }
}
