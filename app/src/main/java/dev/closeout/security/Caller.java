package dev.closeout.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

import java.util.Map;
import java.util.Objects;

/**
 * Who made a request: the token's name (recorded as the actor of every change), its role and the team it
 * is scoped to, if any. A team-scoped token sees and changes only what is its team's (docs/api.md, "Team
 * scope"; {@link TeamScoped}).
 */
public record Caller(String name, Role role, @Nullable Long teamId) {

    static final String ROLE = "closeout.role";
    static final String TEAM = "closeout.team";

    /** The caller behind an authenticated request. */
    public static Caller of(Authentication authentication) {
        Map<String, Object> attributes = authentication.getAttributes();
        Object team = attributes.get(TEAM);
        return new Caller(authentication.getName(), Role.fromWireName((String) attributes.get(ROLE)),
                team == null ? null : ((Number) team).longValue());
    }

    Authentication toAuthentication() {
        Map<String, Object> attributes = teamId == null ? Map.of(ROLE, role.wireName())
                : Map.of(ROLE, role.wireName(), TEAM, teamId);
        return Authentication.build(name, role.granted(), attributes);
    }

    /** Whether this caller may see or change what belongs to {@code ownerTeamId} (null: no team). */
    public boolean reaches(@Nullable Long ownerTeamId) {
        return teamId == null || Objects.equals(teamId, ownerTeamId);
    }

    /** The actor recorded in history for changes this caller makes. */
    public String actor() {
        return "token:" + name;
    }
}
