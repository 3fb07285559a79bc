package dev.closeout.integrations.tracker;

import java.time.Duration;

/** The tracker kept answering 429 after every retry; {@link #retryAfter()} is its last advice. */
public final class RateLimitedException extends TrackerException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message, 429, null);
        this.retryAfter = retryAfter;
    }

    /** How long the tracker asked to wait, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
