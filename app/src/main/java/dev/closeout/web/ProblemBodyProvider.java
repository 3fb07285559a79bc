package dev.closeout.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error Micronaut answers (404 routes, 415, conversion and validation failures, and the
 * {@code HttpStatusException}s the controllers throw) goes out as problem+json, so clients parse one
 * error shape everywhere. Details name the field in the client's words, never a Java class
 * ({@link ProblemDetail}).
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        Throwable cause = context.getRootCause().orElse(null);
        List<Problem.Violation> violations = context.getErrors().stream()
                .map(error -> new Problem.Violation(error.getPath().orElse(null),
                        ProblemDetail.clean(error.getMessage())))
                .toList();
        String detail = context.getErrors().stream().map(error -> ProblemDetail.of(error.getMessage(), cause))
                .collect(Collectors.joining("; "));
        if (response.code() >= 500 && response.code() != HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
            // an unexpected failure's message is for the server log, not for whoever sent the request
            return new Problem("about:blank", response.reason(), response.code(),
                    "the server failed to answer; the error is in its log", context.getRequest().getPath(), null);
        }
        if (response.code() == 401 && (detail.isEmpty() || detail.equals(response.reason()))) {
            detail = "send 'Authorization: Bearer <token>' with a token that exists and has not been revoked";
        } else if (response.code() == 403 && (detail.isEmpty() || detail.equals(response.reason()))) {
            detail = "this token's role (or team scope) does not allow " + context.getRequest().getMethodName() + " "
                    + context.getRequest().getPath();
        }
        return new Problem("about:blank", response.reason(), response.code(), detail.isEmpty() ? null : detail,
                context.getRequest().getPath(), violations.size() > 1 ? violations : null);
    }

    @Override
    public String contentType() {
        return Problem.CONTENT_TYPE;
    }
}
