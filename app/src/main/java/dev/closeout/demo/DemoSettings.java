package dev.closeout.demo;

import java.time.LocalDate;

/**
 * What {@code closeout demo-data} makes: {@code postmortems} incidents of {@code teams} teams over the
 * {@code years} before {@code until}, drawn from {@code seed}. The same settings make the same data.
 *
 * @param append add to a database that already holds postmortems instead of refusing it
 */
public record DemoSettings(int postmortems, int teams, int years, long seed, LocalDate until, boolean append) {

    /** The most teams the generator names; more would need more invented names than it is worth. */
    public static final int MAX_TEAMS = 200;

    public DemoSettings {
        if (postmortems < 0) {
            throw new IllegalArgumentException("--postmortems: must be 0 or more, was " + postmortems);
        }
        if (teams < 1 || teams > MAX_TEAMS) {
            throw new IllegalArgumentException("--teams: must be 1 to " + MAX_TEAMS + ", was " + teams);
        }
        if (years < 1 || years > 20) {
            throw new IllegalArgumentException("--years: must be 1 to 20, was " + years);
        }
    }
}
