package dev.closeout.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database that cannot be reached, or a lock conflict that outlasted the server's retries, is a
 * passing fault: 503 with {@code Retry-After}, so clients (and {@code import --server}) try again,
 * instead of a 500 that says the request itself was at fault. Every exception no other handler takes
 * comes here (Micronaut Data, its connection and transaction managers, jOOQ and the driver each wrap
 * the same outage in their own type); what is not a passing database fault stays a 500.
 */
final class DatabaseFaultHandlers {

    /** Seconds a client is asked to wait: long enough for a database restart or failover to start answering. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFaultHandlers.class);

    private DatabaseFaultHandlers() {
    }

    abstract static class Handler<E extends RuntimeException> implements ExceptionHandler<E, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> processor;

        Handler(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, E exception) {
            if (!DatabaseFaults.passing(exception)) {
                LOG.error("{} {} failed", request.getMethodName(), request.getPath(), exception);
                return processor.processResponse(ErrorContext.builder(request).cause(exception).build(),
                        HttpResponse.serverError());
            }
            LOG.warn("{} {}: the database is unavailable ({}); answered 503", request.getMethodName(),
                    request.getPath(), exception.getMessage());
            String detail = "the database is unavailable for the moment; try again in " + RETRY_AFTER_SECONDS
                    + " seconds (Retry-After)";
            return processor.processResponse(ErrorContext.builder(request).errorMessage(detail).build(),
                    HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                            .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = ExceptionHandler.class)
    static class NoConnection extends Handler<CannotGetJdbcConnectionException> {
        NoConnection(ErrorResponseProcessor<?> processor) {
            super(processor);
        }
    }

    /**
     * Everything without a handler of its own: a pooled connection found dead when used surfaces as
     * Micronaut Data's ConnectionException, a transaction's begin or commit as other types again.
     */
    @Produces
    @Singleton
    @Requires(classes = ExceptionHandler.class)
    static class Unhandled extends Handler<RuntimeException> {
        Unhandled(ErrorResponseProcessor<?> processor) {
            super(processor);
        }
    }
}
