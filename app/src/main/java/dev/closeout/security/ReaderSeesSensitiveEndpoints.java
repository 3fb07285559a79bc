package dev.closeout.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Management endpoints marked sensitive (metrics, unless configured open) answer any token that may
 * read and is scoped to no team: scraping metrics is reading, and the metrics count every team's tickets.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
class ReaderSeesSensitiveEndpoints extends SensitiveEndpointRule {

    ReaderSeesSensitiveEndpoints(EndpointSensitivityProcessor endpointSensitivityProcessor) {
        super(endpointSensitivityProcessor);
    }

    @Override
    @NonNull
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(@NonNull HttpRequest<?> request,
                                                                        @NonNull Authentication authentication,
                                                                        @NonNull ExecutableMethod<?, ?> method) {
        return Mono.just(authentication.getRoles().contains(Roles.READER)
                && !authentication.getAttributes().containsKey(Caller.TEAM)
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
