package dev.closeout.action;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/** A 400 answer naming the parameter or body field that is wrong, as every error detail does. */
public final class InvalidRequest {

    private InvalidRequest() {
    }

    public static HttpStatusException of(String field, String message) {
        return new HttpStatusException(HttpStatus.BAD_REQUEST, field + ": " + message);
    }
}
