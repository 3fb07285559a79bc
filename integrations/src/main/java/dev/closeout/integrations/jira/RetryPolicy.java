package dev.closeout.integrations.jira;

import java.time.Duration;

/**
 * Retries of calls that are safe to repeat: after {@code Retry-After} when Jira sends one (429, 503),
 * else exponential backoff from {@code firstBackoff} with full jitter; every pause is capped at
 * {@code maxBackoff}.
 *
 * @param attempts      tries in all, the first included
 * @param firstBackoff  pause before the second try when Jira gives no Retry-After
 * @param maxBackoff    the longest pause, Retry-After included
 */
public record RetryPolicy(int attempts, Duration firstBackoff, Duration maxBackoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }
}
