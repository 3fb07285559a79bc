package dev.closeout.report;

import dev.closeout.security.Caller;
import dev.closeout.team.TeamKeys;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The team a report is of, from its {@code team} parameter and who asks: a token scoped to no team reads
 * any team's report or every team's (no parameter), and is told 400 for a key no team has, as
 * {@code GET /api/actions} does; a team-scoped token reads its own team's only, without the parameter
 * too, and is refused (403) another team's, alike for keys that exist and keys that do not.
 */
@Singleton
public class ReportTeamFilter {

    private final TeamKeys teamKeys;

    ReportTeamFilter(TeamKeys teamKeys) {
        this.teamKeys = teamKeys;
    }

    /** The id of the team to report on, or null for every team. */
    public @Nullable Long teamOf(@Nullable String key, Caller caller) {
        if (caller.teamId() != null) {
            if (key != null && !teamKeys.idOf(key).equals(Optional.of(caller.teamId()))) {
                throw new HttpStatusException(HttpStatus.FORBIDDEN, "team: a team-scoped token reads its own team's "
                        + "reports only");
            }
            return caller.teamId();
        }
        if (key == null) {
            return null;
        }
        return teamKeys.idOf(key).orElseThrow(() -> new HttpStatusException(HttpStatus.BAD_REQUEST,
                "team: no team with key '" + key + "'"));
    }
}
