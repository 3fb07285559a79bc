package dev.closeout.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Checks {@code Authorization: Bearer <token>} against the stored tokens: answered at once for a token this
 * instance found within the last seconds ({@link TokenCache}), else looked up off the event loop.
 */
@Singleton
class ApiTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final ApiTokens tokens;
    private final TokenCache cache;
    private final Scheduler blocking;

    ApiTokenValidator(ApiTokens tokens, TokenCache cache,
                      @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor) {
        this.tokens = tokens;
        this.cache = cache;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        String hash = ApiTokens.hash(token);
        Optional<Caller> cached = cache.cached(hash);
        if (cached.isPresent()) {
            return Mono.just(cached.get().toAuthentication());
        }
        return Mono.fromCallable(() -> cache.remember(hash, tokens.authenticate(token)).map(Caller::toAuthentication)
                        .orElse(null))
                .subscribeOn(blocking);
    }
}
