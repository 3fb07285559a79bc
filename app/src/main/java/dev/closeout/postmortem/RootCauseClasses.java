package dev.closeout.postmortem;

import dev.closeout.postmortem.extraction.RootCause;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

import java.util.List;

/** Checks that a root-cause class given in a request is one of the taxonomy's. */
final class RootCauseClasses {

    private RootCauseClasses() {
    }

    /** The component, or a 400 naming {@code field} and the allowed values. */
    static @Nullable String component(String field, @Nullable String value) {
        return check(field, value, RootCause.components());
    }

    /** The trigger, or a 400 naming {@code field} and the allowed values. */
    static @Nullable String trigger(String field, @Nullable String value) {
        return check(field, value, RootCause.triggers());
    }

    private static @Nullable String check(String field, @Nullable String value, List<String> allowed) {
        if (value == null || allowed.contains(value)) {
            return value;
        }
        throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                field + ": unknown value '" + value + "'; one of " + String.join(", ", allowed));
    }
}
