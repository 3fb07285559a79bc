package dev.closeout.integrations.tracker;

/**
 * A call to the tracker failed. Messages name what failed in plain words and never carry a credential.
 * {@link #isTransient()} tells whether trying again later can succeed without anyone changing anything.
 */
public abstract sealed class TrackerException extends RuntimeException
        permits TrackerAuthException, TicketNotFoundException, InvalidFieldsException, RateLimitedException,
        TrackerUnavailableException {

    private final int status;

    protected TrackerException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status the tracker answered, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** True when the same call may succeed later unchanged (rate limits, outages, time-outs). */
    public abstract boolean isTransient();
}
