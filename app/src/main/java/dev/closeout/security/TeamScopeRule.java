package dev.closeout.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Arrays;

/**
 * Refuses a team-scoped token (403) on every {@code /api} operation not marked {@link TeamScoped}: syncs,
 * reconciliations, tokens, team administration and whatever is added later without a thought for teams.
 * Runs before the role check, so the answer does not depend on the route's role; routes that take no
 * token (the Jira webhook) are left to their own check.
 */
@Singleton
class TeamScopeRule implements SecurityRule<HttpRequest<?>> {

    static final int ORDER = SecuredAnnotationRule.ORDER - 100;

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request,
                                               @Nullable Authentication authentication) {
        if (request == null || authentication == null || !authentication.getAttributes().containsKey(Caller.TEAM)
                || !request.getPath().startsWith("/api/")) {
            return Mono.just(SecurityRuleResult.UNKNOWN);
        }
        RouteMatch<?> route = request.getAttribute(HttpAttributes.ROUTE_MATCH, RouteMatch.class).orElse(null);
        if (!(route instanceof MethodBasedRouteMatch<?, ?> method) || method.hasAnnotation(TeamScoped.class)
                || takesNoToken(method)) {
            return Mono.just(SecurityRuleResult.UNKNOWN);
        }
        return Mono.just(SecurityRuleResult.REJECTED);
    }

    private static boolean takesNoToken(MethodBasedRouteMatch<?, ?> method) {
        return Arrays.asList(method.stringValues(Secured.class)).contains(SecurityRule.IS_ANONYMOUS);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
