package dev.closeout.notify;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.Optional;

/**
 * A message a channel did not deliver. Passing ({@link #passing}): the server was down, slow or busy, and the
 * notification is tried again with backoff. Permanent ({@link #permanent}): the address or webhook was refused
 * for good, and the notification is marked failed with the reason. The reason is shown in the API, so it
 * never holds a secret (no webhook URL, no password).
 */
public class DeliveryException extends Exception {

    private final boolean permanent;
    private final @Nullable Duration retryAfter;

    private DeliveryException(String reason, boolean permanent, @Nullable Duration retryAfter,
                              @Nullable Throwable cause) {
        super(reason, cause, false, false);
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    /** A failure that may pass: tried again later, sooner than {@code retryAfter} never (null: the backoff). */
    public static DeliveryException passing(String reason, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        return new DeliveryException(reason, false, retryAfter, cause);
    }

    /** A refusal that will not change by trying again. */
    public static DeliveryException permanent(String reason, @Nullable Throwable cause) {
        return new DeliveryException(reason, true, null, cause);
    }

    public boolean isPermanent() {
        return permanent;
    }

    /** What the server asked for (HTTP Retry-After), if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
