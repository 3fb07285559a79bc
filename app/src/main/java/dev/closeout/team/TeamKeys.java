package dev.closeout.team;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import static dev.closeout.db.jooq.Tables.TEAM;

/**
 * Teams are named by key on the wire and referenced by id in the tables: the one place that turns one
 * into the other, for follow-ups and tokens alike.
 */
@Singleton
public class TeamKeys {

    private final DSLContext dsl;

    TeamKeys(DSLContext dsl) {
        this.dsl = dsl;
    }

    @ReadOnly
    public Optional<Long> idOf(String key) {
        return dsl.select(TEAM.ID).from(TEAM).where(TEAM.TEAM_KEY.eq(key)).fetchOptional(TEAM.ID);
    }

    /** The keys of the teams with these ids, in one query. */
    @ReadOnly
    public Map<Long, String> keysOf(Collection<Long> teamIds) {
        if (teamIds.isEmpty()) {
            return Map.of();
        }
        return dsl.select(TEAM.ID, TEAM.TEAM_KEY).from(TEAM).where(TEAM.ID.in(teamIds))
                .fetchMap(TEAM.ID, TEAM.TEAM_KEY);
    }
}
