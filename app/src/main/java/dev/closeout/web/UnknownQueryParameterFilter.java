package dev.closeout.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers 400 for a query parameter the matched {@code /api} route does not take, naming it and the ones
 * the route does take ({@link RouteQueryParameters}): a typo such as {@code ?statuss=done} would otherwise be
 * ignored and answer every follow-up as if it had filtered them. Runs after the security filter, so a request
 * without a token (or with a role the route refuses) gets its 401 or 403 first and learns no parameter
 * names; runs before the controller, so a refused request changes nothing.
 */
@ServerFilter("/api/**")
class UnknownQueryParameterFilter implements Ordered {

    /** Parameter names are quoted back, bounded whatever was sent. */
    private static final int NAME_LENGTH = 64;

    private final RouteQueryParameters parameters;

    UnknownQueryParameterFilter(RouteQueryParameters parameters) {
        this.parameters = parameters;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        Set<String> sent = request.getParameters().names();
        if (sent.isEmpty()) {
            return null;
        }
        // only a controller's route: a 404 or 405 keeps its own answer
        if (!(RouteAttributes.getRouteInfo(request).orElse(null) instanceof UriRouteInfo<?, ?> route)) {
            return null;
        }
        return parameters.of(route).map(accepted -> refusal(request, route, sent, accepted)).orElse(null);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    private static @Nullable HttpResponse<?> refusal(HttpRequest<?> request, UriRouteInfo<?, ?> route,
                                                     Set<String> sent, Set<String> accepted) {
        Set<String> unknown = new LinkedHashSet<>();
        for (String name : sent) {
            if (!accepted.contains(name)) {
                unknown.add(name.length() > NAME_LENGTH ? name.substring(0, NAME_LENGTH) : name);
            }
        }
        if (unknown.isEmpty()) {
            return null;
        }
        return HttpResponse.badRequest(UnknownQueryParameters.of(request.getPath(),
                        route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString(),
                        List.copyOf(unknown), List.copyOf(accepted)))
                .contentType(Problem.CONTENT_TYPE);
    }
}
