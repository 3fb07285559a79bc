package dev.closeout.action;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * The HTTP status of each follow-up rule a request can break, in one place. The answer goes through
 * Micronaut's error processor, so it is the same problem+json as every other error.
 */
final class ActionErrors {

    private ActionErrors() {
    }

    abstract static class Handler<E extends RuntimeException> implements ExceptionHandler<E, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> processor;
        private final HttpStatus status;

        Handler(ErrorResponseProcessor<?> processor, HttpStatus status) {
            this.processor = processor;
            this.status = status;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, E exception) {
            return processor.processResponse(ErrorContext.builder(request).cause(exception)
                    .errorMessage(exception.getMessage()).build(), HttpResponse.status(status));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {IllegalTransitionException.class, ExceptionHandler.class})
    static class IllegalTransition extends Handler<IllegalTransitionException> {
        IllegalTransition(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.CONFLICT);
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {StaleActionException.class, ExceptionHandler.class})
    static class Stale extends Handler<StaleActionException> {
        Stale(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.CONFLICT);
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {DismissalConflictException.class, ExceptionHandler.class})
    static class DismissalConflict extends Handler<DismissalConflictException> {
        DismissalConflict(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.CONFLICT);
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {ReasonRequiredException.class, ExceptionHandler.class})
    static class ReasonRequired extends Handler<ReasonRequiredException> {
        ReasonRequired(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.BAD_REQUEST);
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {SnoozeNotAheadException.class, ExceptionHandler.class})
    static class SnoozeNotAhead extends Handler<SnoozeNotAheadException> {
        SnoozeNotAhead(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.BAD_REQUEST);
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {ActionNotFoundException.class, ExceptionHandler.class})
    static class NotFound extends Handler<ActionNotFoundException> {
        NotFound(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.NOT_FOUND);
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {ActionOutOfReachException.class, ExceptionHandler.class})
    static class OutOfReach extends Handler<ActionOutOfReachException> {
        OutOfReach(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.FORBIDDEN);
        }
    }
}
