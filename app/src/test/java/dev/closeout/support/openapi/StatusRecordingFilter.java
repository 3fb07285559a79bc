package dev.closeout.support.openapi;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.UriRouteMatch;

/**
 * Test-only: hands every {@code /api} answer of an operation to {@link DocumentedStatuses}, with the operation's
 * path template as the document writes it ({@code /api/actions/{id}}). The outermost filter, so it sees the 401s
 * of the security filter and the 415s of the media-type filter too. Answers that match no route (an unknown path,
 * a method no route takes) belong to no operation and are left out.
 */
@ServerFilter("/api/**")
class StatusRecordingFilter implements Ordered {

    @ResponseFilter
    void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(HttpAttributes.ROUTE_MATCH, UriRouteMatch.class).ifPresent(match ->
                DocumentedStatuses.observe(new DocumentedStatuses.Observation(request.getMethodName(),
                        match.getRouteInfo().getUriMatchTemplate().toPathString(), response.code())));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
