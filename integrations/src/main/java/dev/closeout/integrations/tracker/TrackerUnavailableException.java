package dev.closeout.integrations.tracker;

/**
 * No usable answer: a time-out, a refused or dropped connection, a 5xx, a 409 conflict. When
 * {@link #outcomeUnknown()} is true the request reached the tracker and may have done its work.
 */
public final class TrackerUnavailableException extends TrackerException {

    private final boolean outcomeUnknown;

    public TrackerUnavailableException(String message, int status, boolean outcomeUnknown, Throwable cause) {
        super(message, status, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    /** True when a write may have happened although no answer said so. */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
