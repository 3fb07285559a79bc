package dev.closeout.similar;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** 503 with {@code Retry-After} while the index is built: the same request succeeds a little later. */
@Produces
@Singleton
class SimilarIndexNotReadyHandler implements ExceptionHandler<SimilarIndexNotReady, HttpResponse<?>> {

    static final int RETRY_AFTER_SECONDS = 5;

    private final ErrorResponseProcessor<?> processor;

    SimilarIndexNotReadyHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, SimilarIndexNotReady exception) {
        return processor.processResponse(ErrorContext.builder(request).errorMessage(exception.getMessage()).build(),
                HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)));
    }
}
