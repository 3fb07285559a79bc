package dev.closeout.team;

/**
 * A team just created or changed, and how many follow-ups without a team it took for its services
 * ({@link ServiceClaims}).
 */
public record TeamSaved(TeamProfile profile, int followUpsAssigned) {
}
