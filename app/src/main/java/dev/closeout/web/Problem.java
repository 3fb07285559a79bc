package dev.closeout.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An error answer in the shape of RFC 9457 ({@code application/problem+json}). {@code detail} names the
 * field or the rule that failed; {@code errors} lists each one when there are several.
 */
@Serdeable
public record Problem(
        String type,
        String title,
        int status,
        @Nullable String detail,
        @Nullable String instance,
        @Nullable List<Violation> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    /** One failed rule; {@code field} is the request path it concerns, when there is one. */
    @Serdeable
    public record Violation(@Nullable String field, String message) {
    }
}
