package dev.closeout.postmortem;

import dev.closeout.team.TeamQueries;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static dev.closeout.db.jooq.Tables.ACTION_ITEM;
import static dev.closeout.db.jooq.Tables.POSTMORTEM;
import static dev.closeout.db.jooq.Tables.TEAM_SERVICE;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.trim;

/**
 * Which teams a postmortem is: the team owning its service and the teams of its follow-ups. A token scoped
 * to a team sees a postmortem that is its team's (another's is not found, 404) and changes one that is its
 * team's alone (a shared one is refused, 403); docs/api.md, "Team scope". {@code scopeTeamId} is the team
 * of the caller's token, null for a token scoped to no team, which reaches everything.
 */
@Singleton
public class PostmortemScope {

    private final DSLContext dsl;
    private final TeamQueries teams;

    PostmortemScope(DSLContext dsl, TeamQueries teams) {
        this.dsl = dsl;
        this.teams = teams;
    }

    /** The postmortems team {@code teamId} sees, as SQL: the rule of {@link #teamsOf}; reports count with it too. */
    public static Condition visibleTo(long teamId) {
        // service names are stored stripped and lower-case (ServiceOwnership.normalize)
        return POSTMORTEM.ID.in(select(ACTION_ITEM.POSTMORTEM_ID).from(ACTION_ITEM)
                        .where(ACTION_ITEM.TEAM_ID.eq(teamId)))
                .or(lower(trim(POSTMORTEM.SERVICE)).in(select(TEAM_SERVICE.SERVICE_NAME).from(TEAM_SERVICE)
                        .where(TEAM_SERVICE.TEAM_ID.eq(teamId))));
    }

    /** The teams whose postmortem this is: the owner of its service and the teams of its follow-ups. */
    Set<Long> teamsOf(Postmortem postmortem) {
        Set<Long> owners = new HashSet<>(dsl.selectDistinct(ACTION_ITEM.TEAM_ID).from(ACTION_ITEM)
                .where(ACTION_ITEM.POSTMORTEM_ID.eq(postmortem.id())).and(ACTION_ITEM.TEAM_ID.isNotNull())
                .fetch(ACTION_ITEM.TEAM_ID));
        serviceOwner(postmortem.service()).ifPresent(owners::add);
        return owners;
    }

    /** Whether a caller of {@code scopeTeamId} sees the postmortem. */
    boolean sees(@Nullable Long scopeTeamId, Postmortem postmortem) {
        return scopeTeamId == null || teamsOf(postmortem).contains(scopeTeamId);
    }

    /** Nothing for a caller who sees the postmortem; 404 for another team's, as for one that does not exist. */
    public void requireVisible(@Nullable Long scopeTeamId, Postmortem postmortem) {
        if (!sees(scopeTeamId, postmortem)) {
            throw notFound(postmortem.id());
        }
    }

    /** 404 for another team's postmortem, 403 for one shared with another team: only an unscoped token changes it. */
    void requireChangeable(@Nullable Long scopeTeamId, Postmortem postmortem) {
        if (scopeTeamId == null) {
            return;
        }
        Set<Long> owners = teamsOf(postmortem);
        if (!owners.contains(scopeTeamId)) {
            throw notFound(postmortem.id());
        }
        if (owners.size() > 1) {
            throw forbidden("this postmortem is also another team's (its service or a follow-up): a token scoped "
                    + "to no team changes it");
        }
    }

    /**
     * 403 when a caller re-imports the source of a postmortem that is not its team's alone. A POST cannot
     * answer 404 here: the source exists and cannot be imported again as a new postmortem.
     */
    void requireReimportable(@Nullable Long scopeTeamId, Postmortem previous) {
        if (scopeTeamId != null && !Set.of(scopeTeamId).equals(teamsOf(previous))) {
            throw forbidden("source: '" + previous.sourceRef() + "' was imported as another team's postmortem; "
                    + "a team-scoped token re-imports its own team's sources only");
        }
    }

    /** 403 when a caller sends the text of a postmortem it does not see (its answer would show it). */
    void requireSeenText(@Nullable Long scopeTeamId, Postmortem existing) {
        if (!sees(scopeTeamId, existing)) {
            throw forbidden("text: this text was imported before as another team's postmortem");
        }
    }

    /** 403 when a caller would give a postmortem a service another team owns (its follow-ups would go there). */
    void requireOwnService(@Nullable Long scopeTeamId, @Nullable String service) {
        if (scopeTeamId != null && serviceOwner(service).filter(owner -> !owner.equals(scopeTeamId)).isPresent()) {
            throw forbidden("service: '" + service + "' is another team's service; a token scoped to no team "
                    + "imports or corrects its postmortems");
        }
    }

    private Optional<Long> serviceOwner(@Nullable String service) {
        return service == null || service.isBlank() ? Optional.empty() : teams.ownerOf(service);
    }

    public static HttpStatusException notFound(long id) {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "no postmortem with id " + id);
    }

    private static HttpStatusException forbidden(String message) {
        return new HttpStatusException(HttpStatus.FORBIDDEN, message);
    }
}
