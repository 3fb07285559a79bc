package dev.closeout.team;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.Locale;

/**
 * A service a team owns; a postmortem about it assigns its follow-ups to that team. Names are stored
 * stripped and lower-case, so "Checkout" in a postmortem finds the team that registered "checkout".
 */
@MappedEntity("team_service")
record ServiceOwnership(@Id String serviceName, long teamId) {

    static final int MAX_NAME = 200;

    /** The stored spelling of a service name. */
    static String normalize(String serviceName) {
        return serviceName.strip().toLowerCase(Locale.ROOT);
    }
}
